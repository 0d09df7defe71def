package io.jvirt.spi.host;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs iproute2's {@code ip}; a failure is SYSTEM_ERROR carrying what {@code ip} printed. */
final class IpCommand {
    private static final long TIMEOUT_SECONDS = 30;

    private IpCommand() {
    }

    /** Runs {@code ip ARGS}; {@code what} says what was being done, for the error message. */
    static void run(String what, String... args) {
        List<String> argv = new ArrayList<>();
        argv.add("ip");
        argv.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(argv).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.NET,
                    what + ": cannot run ip (install iproute2): " + e.getMessage(), e);
        }
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.NET, what + ": ip did not finish");
            }
            if (p.exitValue() != 0) {
                throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.NET,
                        what + ": " + (out.isEmpty() ? "ip exited with " + p.exitValue() : out));
            }
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.NET, what + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new VirtException(ErrorCode.OPERATION_ABORTED, ErrorDomain.NET, what + ": interrupted");
        }
    }
}
