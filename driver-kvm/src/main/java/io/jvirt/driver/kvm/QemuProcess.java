package io.jvirt.driver.kvm;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import io.jvirt.driver.kvm.qmp.QmpClient;
import io.jvirt.driver.kvm.qmp.QmpListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts QEMU from an argv list (never a shell) with its output appended to a log file, and
 * connects to the monitor socket QEMU creates ({@code server=on,wait=off}).
 */
final class QemuProcess {
    private QemuProcess() {
    }

    /**
     * When process {@code pid} started ({@link ProcStat#startTicks}), or -1 if no such process
     * lives. With the pid it names one process for good: a pid used again later starts at
     * another time.
     */
    static long startTicks(long pid) {
        Optional<ProcStat> stat = ProcStat.of(pid);
        return stat.isEmpty() || stat.get().ended() ? -1 : stat.get().startTicks();
    }

    /** Starts {@code argv}; stdout and stderr go to {@code log}. */
    static Process start(List<String> argv, Path log) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            return new ProcessBuilder(argv)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
        } catch (IOException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                    "cannot execute binary " + argv.get(0) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Connects to the monitor of a QEMU just started. QEMU creates the socket during its start-up,
     * so until then connecting fails; we retry (as libvirt's qemuMonitorOpenUnix does) while the
     * process lives. If QEMU exits first, the error carries its log, where QEMU says why.
     */
    static QmpClient connectMonitor(Process qemu, Path socket, Path log, QmpListener listener,
            Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long backoffMillis = 2;
        while (true) {
            if (!qemu.isAlive()) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                        "process exited while connecting to monitor: " + tail(log));
            }
            if (Files.exists(socket)) {
                try {
                    return QmpClient.connect(socket, listener, timeout);
                } catch (VirtException e) {
                    if (e.code() != ErrorCode.OPERATION_FAILED) {
                        throw e;
                    }
                    // bound but not yet listening: try again
                }
            }
            if (System.nanoTime() > deadline) {
                throw new VirtException(ErrorCode.OPERATION_TIMEOUT, ErrorDomain.QEMU,
                        "QEMU did not open its monitor socket " + socket + " within "
                                + timeout.toMillis() + " ms");
            }
            try {
                // waitFor doubles as the pause between attempts and returns at once if QEMU dies.
                qemu.waitFor(backoffMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU,
                        "interrupted while waiting for QEMU's monitor", e);
            }
            backoffMillis = Math.min(backoffMillis * 2, 50);
        }
    }

    /** Sends SIGTERM, then SIGKILL after {@code grace}; waits for the exit. */
    static void terminate(Process qemu, Duration grace) {
        qemu.destroy();
        try {
            if (!qemu.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                qemu.destroyForcibly();
                qemu.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            qemu.destroyForcibly();
        }
    }

    /** The last lines of QEMU's log, for error messages. */
    static String tail(Path log) {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8).strip();
            return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
