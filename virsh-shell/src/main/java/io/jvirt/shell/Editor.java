package io.jvirt.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * virsh's {@code vshEditFile}: writes text to a temporary file, runs {@code $VISUAL},
 * {@code $EDITOR} or {@code vi} on it with the terminal, and reads it back.
 */
final class Editor {
    private Editor() {
    }

    static String edit(Shell shell, String text) {
        Path tmp;
        try {
            tmp = Files.createTempFile("jvirshXXXXXX", ".xml");
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
            shell.flush();
            // The editor is a user's command line, run by the shell as virsh runs it.
            Process p = new ProcessBuilder(List.of("/bin/sh", "-c", editor + " \"$0\"", tmp.toString()))
                    .inheritIO().start();
            int status = p.waitFor();
            if (status != 0) {
                throw CommandFailure.of(editor + " " + tmp + ": command exited with status " + status);
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
}
