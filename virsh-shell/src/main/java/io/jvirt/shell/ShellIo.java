package io.jvirt.shell;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a shell talks to: its streams, environment and working directory, and whether stdin is
 * a terminal (then the interactive mode uses JLine; otherwise it reads lines as readline does
 * from a pipe). Tests pass their own.
 */
record ShellIo(InputStream in, OutputStream out, OutputStream err, Map<String, String> env,
        Path workingDirectory, boolean terminal) {

    /** The value of environment variable {@code name}, or null. */
    String getenv(String name) {
        return env.get(name);
    }
}
