package io.jvirt.shell;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * virsh's {@code -l FILE} log: one line per message,
 * {@code [YYYY.MM.DD HH:MM:SS jvirsh PID] LEVEL message}, appended.
 */
final class LogFile implements AutoCloseable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy.MM.dd HH:mm:ss");
    private static final String[] LEVELS = {"DEBUG", "INFO", "INFO", "WARNING", "ERROR"};

    private final OutputStream out;

    private LogFile(OutputStream out) {
        this.out = out;
    }

    /** Opens (creating or appending to) {@code path}. */
    static LogFile open(Path path) throws IOException {
        return new LogFile(Files.newOutputStream(path, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE));
    }

    /** Writes one message at {@code level} (0 debug .. 4 error). */
    void write(int level, String message) throws IOException {
        String text = message;
        while (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        String lvl = level >= 0 && level < LEVELS.length ? LEVELS[level] : "DEBUG";
        String line = "[" + LocalDateTime.now().format(TIME) + " jvirsh " + ProcessHandle.current().pid()
                + "] " + lvl + " " + text + "\n";
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
