package io.jvirt.shell;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * virsh's {@code vshEditFile}: writes text to a temporary file, runs {@code $VISUAL},
 * {@code $EDITOR} or {@code vi} on it with the terminal, and reads it back. As virsh, an
 * editor value of plain characters runs directly and any other through {@code sh -c}, and a
 * failing editor is libvirt's "Child process (...) unexpected exit status N".
 */
final class Editor {
    /** virsh's ACCEPTED_CHARS: an editor value of only these needs no shell. */
    private static final Pattern PLAIN = Pattern.compile("[a-zA-Z0-9\\-/_.:@]*");
    /** What libvirt's virCommandToString writes unquoted. */
    private static final Pattern SHELL_SAFE = Pattern.compile("[a-zA-Z0-9@%_+=:,./-]+");

    private Editor() {
    }

    static String edit(Shell shell, String text) {
        Path tmp;
        try {
            tmp = Files.createTempFile("jvirsh", ".xml");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CommandFailure.of("failed to create temporary file: " + e.getMessage());
        }
        try {
            String editor = shell.io().getenv("VISUAL");
            if (editor == null || editor.isEmpty()) {
                editor = shell.io().getenv("EDITOR");
            }
            if (editor == null || editor.isEmpty()) {
                editor = "vi";
            }
            // The editor is a user's command line, run by the shell as virsh runs it.
            List<String> argv = PLAIN.matcher(editor).matches() ? List.of(editor, tmp.toString())
                    : List.of("sh", "-c", editor + " " + tmp);
            shell.flush();
            Process p = new ProcessBuilder(argv).inheritIO().start();
            int status = p.waitFor();
            if (status != 0) {
                throw CommandFailure.of(new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE,
                        "Child process (" + commandString(argv) + ") unexpected exit status " + status));
            }
            return Files.readString(tmp, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CommandFailure.of("unable to run editor: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CommandFailure.of("editor interrupted");
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // a leftover temporary file is harmless
            }
        }
    }

    /** libvirt's virCommandToString: the words, single-quoted where a shell would split or expand them. */
    private static String commandString(List<String> argv) {
        StringBuilder out = new StringBuilder();
        for (String a : argv) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(SHELL_SAFE.matcher(a).matches() ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return out.toString();
    }
}
