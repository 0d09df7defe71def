package io.jvirt.shell;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Lines from stdin when it is not a terminal, shown as virsh (through readline) shows them:
 * the prompt, then the line echoed and a newline, on stdout. So a piped session's output
 * reads like the typed one: {@code printf 'uri\n' | jvirsh} prints {@code jvirsh # uri}.
 */
final class PipedLineSource implements LineSource {
    private final InputStream in;
    private final Shell shell;

    PipedLineSource(InputStream in, Shell shell) {
        // Buffered: a script is read in blocks, not with a system call per byte.
        this.in = new BufferedInputStream(in, 1 << 16);
        this.shell = shell;
        shell.flushOnlyBeforeWaiting();
    }

    @Override
    public String readLine(String prompt) {
        shell.print(prompt);
        flushIfWaiting();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean any = false;
        try {
            int b;
            while ((b = in.read()) >= 0) {
                any = true;
                if (b == '\n') {
                    break;
                }
                line.write(b);
            }
        } catch (IOException e) {
            // a broken input ends the session like end of file
        }
        if (!any) {
            return null;
        }
        String text = line.toString(StandardCharsets.UTF_8);
        shell.print(text + "\n");
        return text;
    }

    /** Output waits in the buffer while more input is at hand; before blocking, it goes out. */
    private void flushIfWaiting() {
        try {
            if (in.available() > 0) {
                return;
            }
        } catch (IOException e) {
            // unknown: flush, as before blocking
        }
        shell.flush();
    }

    @Override
    public void addHistory(String line) {
        // readline keeps no history for a pipe that would be saved; neither do we
    }

    @Override
    public void close() {
    }
}
