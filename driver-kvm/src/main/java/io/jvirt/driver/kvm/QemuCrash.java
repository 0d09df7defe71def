package io.jvirt.driver.kvm;

import com.fasterxml.jackson.databind.JsonNode;
import io.jvirt.DomainEventDetail;
import io.jvirt.DomainStateInfo;
import io.jvirt.DomainStateReason;
import io.jvirt.VirtException;
import io.jvirt.driver.kvm.qmp.QmpEvent;
import io.jvirt.spi.DomainTransition;
import io.jvirt.spi.DriverDomainEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code on_crash}, as libvirt's processGuestPanicEvent: a guest that reported its panic through
 * a {@code <panic>} device is crashed (panicked), then destroyed, restarted or kept for
 * debugging, the coredump actions first writing its memory to the dump directory. QEMU runs
 * with {@code -no-shutdown}, so its default panic action pauses the guest (GUEST_PANICKED,
 * action "pause", then STOP) and leaves the choice to the driver.
 */
final class QemuCrash {
    private static final System.Logger LOG = System.getLogger(QemuCrash.class.getName());
    /** libvirt's getAutoDumpPath: the local time of the dump, to the second. */
    private static final DateTimeFormatter DUMP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd-HH:mm:ss");
    /** libvirt's VIR_DOMAIN_SHORT_NAME_MAX: how much of the name a dump file's name keeps. */
    private static final int SHORT_NAME_MAX = 20;

    private QemuCrash() {
    }

    /** Called with the domain locked, from the monitor's event thread. */
    static void panicked(QemuHost host, QemuDomain d, QemuRun run, QmpEvent event, List<DriverDomainEvent> out) {
        if ("pause".equals(event.data().path("action").asText())) {
            run.ownStops++; // QEMU's STOP that follows is the panic's, not a pause to report
        }
        String info = infoMessage(event.data().path("info"));
        if (info != null) {
            QemuHost.appendLog(run.log, Instant.now() + ": panic " + info + "\n");
        }
        d.state = DomainStateInfo.of(DomainStateReason.Crashed.PANICKED);
        out.add(new DriverDomainEvent(d.ref(), DomainEventDetail.Crashed.PANICKED));
        host.writeStatus(d);
        String action = run.def().getOnCrash() == null ? "destroy" : run.def().getOnCrash();
        switch (action) {
            case "restart" -> QemuReboot.resetAndContinue(host, d, run); // libvirt: a fake reboot
            case "preserve" -> {
                // QEMU keeps the panicked guest paused; destroy ends it
            }
            case "coredump-destroy", "coredump-restart" -> {
                // The dump waits for QEMU's DUMP_COMPLETED, which this thread delivers: elsewhere.
                Path dir = host.paths.dumpDir();
                Path file = autoDumpPath(dir, run.id, d.name, LocalDateTime.now());
                Path tmp = temporaryDumpPath(dir, run.id, d.name);
                boolean restart = action.equals("coredump-restart");
                Thread worker = new Thread(() -> dumpThen(host, d, run, tmp, file, restart), "qemu-crash-dump " + d.name);
                worker.setDaemon(true);
                worker.start();
            }
            default -> host.end(d, DomainTransition.CRASH, out); // shut off (crashed), STOPPED/CRASHED
        }
    }

    /**
     * libvirt's getAutoDumpPath: {@code DIR/ID-NAME-YYYY-MM-DD-HH:MM:SS}, the name cut to its
     * first 20 characters (virDomainDefGetShortName). Null if the name would lead out of
     * {@code dir} (a QEMU domain's name may hold '/').
     */
    static Path autoDumpPath(Path dir, int id, String name, LocalDateTime when) {
        return inside(dir, shortName(id, name) + "-" + DUMP_TIME.format(when));
    }

    /**
     * Where QEMU writes a crash dump of guest {@code id} until it is complete: one name per run,
     * so a process that died meanwhile leaves one stale file, which the next dump replaces.
     */
    static Path temporaryDumpPath(Path dir, int id, String name) {
        return inside(dir, ".tmp-" + shortName(id, name));
    }

    /** libvirt's virDomainDefGetShortName. */
    private static String shortName(int id, String name) {
        int end = name.offsetByCodePoints(0, Math.min(SHORT_NAME_MAX, name.codePointCount(0, name.length())));
        return id + "-" + name.substring(0, end);
    }

    private static Path inside(Path dir, String fileName) {
        Path file = dir.resolve(fileName).normalize();
        return dir.normalize().equals(file.getParent()) ? file : null;
    }

    /**
     * libvirt's qemuMonitorGuestPanicEventInfoFormatMsg: what the panic device told about the
     * panic (Hyper-V's crash MSRs, s390's PSW), for the domain's log; null when it told nothing.
     */
    static String infoMessage(JsonNode info) {
        return switch (info.path("type").asText()) {
            case "hyper-v" -> String.format(
                    "hyper-v: arg1='0x%s', arg2='0x%s', arg3='0x%s', arg4='0x%s', arg5='0x%s'", hex(info, "arg1"), hex(info, "arg2"), hex(info, "arg3"), hex(info, "arg4"), hex(info, "arg5"));
            case "s390" -> String.format("s390: core='%d' psw-mask='0x%016x' psw-addr='0x%016x' reason='%s'",
                    info.path("core").asInt(), info.path("psw-mask").bigIntegerValue(),
                    info.path("psw-addr").bigIntegerValue(), info.path("reason").asText());
            default -> null;
        };
    }

    /** An unsigned 64-bit member in hex, as C's %llx. */
    private static String hex(JsonNode info, String member) {
        return info.path(member).bigIntegerValue().toString(16);
    }

    /**
     * The coredump actions, on a thread of their own: dump, then destroy or restart as the plain
     * actions do. As libvirt, a failed dump is logged and the guest stays crashed (paused) for
     * debugging; a guest destroyed meanwhile is left alone.
     */
    private static void dumpThen(QemuHost host, QemuDomain d, QemuRun run, Path tmp, Path file, boolean restart) {
        try {
            if (file == null || tmp == null) {
                throw new IllegalArgumentException("domain name '" + d.name + "' cannot name a file in "
                        + host.paths.dumpDir());
            }
            Files.createDirectories(file.getParent());
            QemuCoreDump.dump(run, tmp, file);
        } catch (IOException | VirtException | IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "Dump failed for domain '" + d.name + "': " + e.getMessage());
            QemuHost.appendLog(run.log, Instant.now() + ": Dump failed: " + e.getMessage() + "\n");
            return;
        }
        List<DriverDomainEvent> out = new ArrayList<>();
        synchronized (d) {
            if (d.run != run || run.stopping) {
                return;
            }
            if (restart) {
                QemuReboot.resetAndContinue(host, d, run);
            } else {
                host.end(d, DomainTransition.CRASH, out);
            }
            d.outbox.addAll(out);
        }
        host.flush(d);
    }
}
