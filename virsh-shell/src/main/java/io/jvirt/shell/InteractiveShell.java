package io.jvirt.shell;

import java.util.List;

/**
 * virsh's interactive mode: the banner, then prompt, read, run until {@code quit}, {@code exit}
 * or end of input. The prompt is {@code jvirsh # }, or {@code jvirsh > } on a read-only
 * connection. Whatever happens to the commands, the session ends with status 0.
 */
final class InteractiveShell {
    private InteractiveShell() {
    }

    static void run(Shell shell, LineSource lines) {
        if (!shell.quiet) {
            shell.print("Welcome to " + Jvirsh.PROGNAME + ", the virtualization interactive terminal.\n\n");
            shell.print("Type:  'help' for help with commands\n       'quit' to quit\n\n");
        }
        do {
            String line = lines.readLine(shell.readOnly ? "jvirsh > " : "jvirsh # ");
            if (line == null) {
                break;
            }
            if (line == LineSource.INTERRUPTED) {
                continue;
            }
            if (!line.isEmpty()) {
                lines.addHistory(line);
                List<ParsedCommand> commands = shell.parse(line);
                if (commands != null) {
                    shell.run(commands);
                }
            }
        } while (shell.imode);
        // virsh ends with a newline, so the shell's prompt starts on a fresh line.
        shell.print("\n");
        shell.flush();
    }
}
