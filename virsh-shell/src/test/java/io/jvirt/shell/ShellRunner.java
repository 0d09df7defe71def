package io.jvirt.shell;

import io.jvirt.Connection;
import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs jvirsh in-process over byte streams, with a given (usually mocked) connection. */
final class ShellRunner {
    record Result(int status, String out, String err) {
    }

    private ShellRunner() {
    }

    static Result run(Connection conn, String... args) {
        return run("", conn, Map.of(), args);
    }

    static Result run(String stdin, Connection conn, Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> environment = new HashMap<>(env);
        ShellIo shellIo = new ShellIo(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err,
                environment, Path.of("").toAbsolutePath(), false);
        int status = Jvirsh.run(args, shellIo, (uri, options) -> {
            if (conn == null) {
                throw new VirtException(ErrorCode.NO_CONNECT, ErrorDomain.NONE, uri);
            }
            return conn;
        });
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
