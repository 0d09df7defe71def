package io.jvirt.driver.kvm;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A running QEMU's own record of its events, kept by QEMU: a second QMP monitor on a
 * {@code pipe} chardev whose input, BASE.in, holds {@code qmp_capabilities} and whose output,
 * BASE.out, then receives every event QEMU emits, whoever listens on the socket monitor.
 *
 * <p>Why: there is no daemon. A process opening the URI must know whether a guest changed state
 * while nobody watched, and asking each QEMU over its monitor costs a fresh process most of a
 * {@code list --all}. The status file names the last journal line whose effect it holds (its
 * mark); while that still is the journal's last line, nothing happened since and the status
 * file is current, so the process needn't connect to the monitor until it has a command for it.
 * QEMU writes the same text to both monitors, so an event read on the socket is found verbatim
 * here. The journal is only appended to by QEMU and goes with the run's other files.
 */
final class QemuJournal {
    /** Enough for any event QEMU sends about a domain's lifecycle, devices or balloon. */
    private static final int TAIL_BYTES = 64 * 1024;

    private QemuJournal() {
    }

    static Path base(Path runDir, java.util.UUID uuid) {
        return runDir.resolve(uuid + ".journal");
    }

    /**
     * Creates the journal's files for a QEMU about to start and returns the arguments that give
     * it the journal monitor.
     */
    static List<String> prepare(Path base) {
        try {
            Files.writeString(in(base), "{\"execute\":\"qmp_capabilities\"}\n", StandardCharsets.US_ASCII);
            Files.write(out(base), new byte[0]);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU,
                    "cannot create event journal '" + out(base) + "': " + e.getMessage(), e);
        }
        return List.of("-chardev", "pipe,id=charjournal,path=" + QemuEscaping.path("event journal", base.toString()),
                "-mon", "chardev=charjournal,id=journal,mode=control");
    }

    /** The journal's last complete line, without its line end; null if there is no journal or no line. */
    static String lastLine(Path base) {
        try (FileChannel ch = FileChannel.open(out(base), StandardOpenOption.READ)) {
            long size = ch.size();
            int len = (int) Math.min(size, TAIL_BYTES);
            ByteBuffer buf = ByteBuffer.allocate(len);
            long pos = size - len;
            while (buf.hasRemaining() && ch.read(buf, pos + buf.position()) > 0) {
                // read the tail whole
            }
            String tail = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
            int end = tail.lastIndexOf('\n');
            if (end < 0) {
                return null;
            }
            int start = tail.lastIndexOf('\n', end - 1) + 1;
            if (start == 0 && pos > 0) {
                return null; // a line longer than the tail: say "unknown", the caller asks QEMU
            }
            return tail.substring(start, end).strip();
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    static void delete(Path base) {
        QemuHost.deleteQuietly(in(base));
        QemuHost.deleteQuietly(out(base));
    }

    private static Path in(Path base) {
        return base.resolveSibling(base.getFileName() + ".in");
    }

    private static Path out(Path base) {
        return base.resolveSibling(base.getFileName() + ".out");
    }
}
