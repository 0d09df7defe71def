package io.jvirt.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * Lines from a terminal through JLine: editing, history kept in
 * {@code $XDG_CACHE_HOME/jvirsh/history} (as virsh keeps {@code .../virsh/history}), and tab
 * completion of commands, options and live object names. Ctrl-C abandons the line, Ctrl-D
 * ends the session.
 */
final class JLineSource implements LineSource {
    private static final int HISTSIZE_MAX = 500000;

    private final LineReader reader;
    private final Terminal terminal;
    private final Shell shell;
    private final Path historyFile;

    JLineSource(Terminal terminal, Shell shell, Path historyFile) {
        this.terminal = terminal;
        this.shell = shell;
        this.historyFile = historyFile;
        LineReaderBuilder b = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName(Jvirsh.PROGNAME)
                .parser(new ShellLineParser(shell))
                .completer(new ShellCompleter(new CompletionEngine(shell)))
                .variable(LineReader.HISTORY_SIZE, historySize(shell))
                .variable(LineReader.HISTORY_FILE_SIZE, historySize(shell))
                // '!' and '\' are ordinary characters in virsh command lines
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.HISTORY_TIMESTAMPED, false)
                .option(LineReader.Option.AUTO_FRESH_LINE, false);
        if (historyFile != null) {
            b.variable(LineReader.HISTORY_FILE, historyFile);
        }
        this.reader = b.build();
    }

    /** VIRSH_HISTSIZE, as virsh reads it (default 500, at most 500000). */
    private static int historySize(Shell shell) {
        String env = shell.io().getenv("VIRSH_HISTSIZE");
        if (env == null) {
            return 500;
        }
        Integer n = CNumbers.parseInt(env);
        if (n == null) {
            shell.error("Bad $VIRSH_HISTSIZE value.");
            return 500;
        }
        if (n < 0 || n > HISTSIZE_MAX) {
            shell.error("$VIRSH_HISTSIZE value should be between 0 and " + HISTSIZE_MAX);
            return 500;
        }
        return n;
    }

    /** $XDG_CACHE_HOME/jvirsh/history, or ~/.cache/jvirsh/history. */
    static Path historyPath(ShellIo io) {
        String cache = io.getenv("XDG_CACHE_HOME");
        Path base;
        if (cache != null && !cache.isEmpty()) {
            base = Path.of(cache);
        } else {
            String home = io.getenv("HOME");
            base = Path.of(home != null ? home : System.getProperty("user.home"), ".cache");
        }
        return base.resolve(Jvirsh.PROGNAME).resolve("history");
    }

    LineReader reader() {
        return reader;
    }

    @Override
    public String readLine(String prompt) {
        // The shell's output is buffered apart from the terminal's: show it before the prompt.
        shell.flush();
        try {
            return reader.readLine(prompt);
        } catch (UserInterruptException e) {
            return INTERRUPTED;
        } catch (EndOfFileException e) {
            return null;
        }
    }

    @Override
    public void addHistory(String line) {
        // JLine adds accepted lines itself
    }

    @Override
    public void close() {
        try {
            if (historyFile != null) {
                Files.createDirectories(historyFile.getParent());
                reader.getHistory().save();
            }
        } catch (IOException | RuntimeException e) {
            // a history that cannot be written is not worth failing the session for
        }
        try {
            terminal.close();
        } catch (IOException e) {
            // the terminal is going away anyway
        }
    }
}
