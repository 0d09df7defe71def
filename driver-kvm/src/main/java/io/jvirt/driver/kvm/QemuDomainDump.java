package io.jvirt.driver.kvm;

import io.jvirt.DomainCoreDumpFlag;
import io.jvirt.DomainState;
import io.jvirt.DomainStateInfo;
import io.jvirt.DomainStateReason;
import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.Flag;
import io.jvirt.VirtException;
import io.jvirt.spi.DomainTransition;
import io.jvirt.spi.DriverDomainEvent;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;

/**
 * {@code virDomainCoreDump}, as libvirt's qemuDomainCoreDumpWithFormat: the guest paused
 * (reason dumping) unless the dump is live, its memory written as an ELF core
 * ({@code MEMORY_ONLY}, QEMU's dump-guest-memory) or as QEMU's migration stream (the default,
 * what libvirt writes too), then crashed, reset or let run again as it ran before. The file
 * appears under its name only once complete. Runs with the domain locked by the caller.
 */
final class QemuDomainDump {
    private QemuDomainDump() {
    }

    /** libvirt's flag checks, less what this driver can't do: bypassing the cache, a live migration stream. */
    static void checkFlags(Set<DomainCoreDumpFlag> flags) {
        if (flags.contains(DomainCoreDumpFlag.BYPASS_CACHE)) {
            throw VirtException.unsupportedFlags(ErrorDomain.QEMU, Flag.mask(flags), "qemuDomainCoreDumpWithFormat");
        }
        if (flags.contains(DomainCoreDumpFlag.LIVE) && !flags.contains(DomainCoreDumpFlag.MEMORY_ONLY)) {
            throw new VirtException(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.QEMU,
                    "a live dump needs VIR_DUMP_MEMORY_ONLY in this driver");
        }
    }

    static void dump(QemuHost host, QemuDomain d, Path file, Set<DomainCoreDumpFlag> flags,
            List<DriverDomainEvent> out) {
        QemuRun run = d.run;
        boolean resume = d.stateKind() == DomainState.RUNNING;
        boolean memoryOnly = flags.contains(DomainCoreDumpFlag.MEMORY_ONLY);
        Path tmp = file.resolveSibling(".tmp-" + file.getFileName());
        try {
            FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE).close();
        } catch (IOException e) {
            // as libvirt's qemuOpenFile, which creates the file before QEMU sees it
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU, "Failed to create file '" + file + "': "
                    + (e instanceof NoSuchFileException ? "No such file or directory" : e.getMessage()), e);
        }
        try {
            if (resume && !flags.contains(DomainCoreDumpFlag.LIVE)) {
                host.qmp(d, "stop");
                run.ownStops++;
                d.state = DomainStateInfo.of(DomainStateReason.Paused.DUMP);
                host.writeStatus(d);
            } else if (resume && memoryOnly) {
                run.ownStops++; // QEMU pauses a running guest for the dump itself, and resumes it
                run.ownResumes++;
            }
            if (memoryOnly) {
                QemuCoreDump.dump(run, tmp, file);
            } else {
                migrationStream(host, d, tmp, file);
            }
        } catch (RuntimeException e) {
            QemuHost.deleteQuietly(tmp);
            if (!memoryOnly && d.isActive()) {
                cancelMigration(d, e);
            }
            restart(host, d, resume && d.stateKind() == DomainState.PAUSED, false, e);
            throw e;
        }
        if (flags.contains(DomainCoreDumpFlag.CRASH)) {
            host.end(d, DomainTransition.CRASH, out);
        } else {
            restart(host, d, resume && d.stateKind() == DomainState.PAUSED,
                    flags.contains(DomainCoreDumpFlag.RESET), null);
        }
    }

    private static void migrationStream(QemuHost host, QemuDomain d, Path tmp, Path file) {
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            QemuMigrationStream.save(d.run.monitor(), QemuSave.streamSocket(host, d), ch);
            ch.force(true);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                    "failed to write dump file '" + file + "': " + e.getMessage(), e);
        }
    }

    private static void cancelMigration(QemuDomain d, RuntimeException failed) {
        try {
            d.run.monitor().execute("migrate_cancel"); // a no-op if none is under way
        } catch (RuntimeException e) {
            failed.addSuppressed(e);
        }
    }

    /**
     * After the dump: a reset if asked, and a guest the dump paused runs again (running,
     * unpaused). Reports a failure to {@code failed}, the dump's error, if there is one.
     */
    private static void restart(QemuHost host, QemuDomain d, boolean resume, boolean reset, RuntimeException failed) {
        if (!d.isActive()) {
            return;
        }
        try {
            if (reset) {
                host.qmp(d, "system_reset");
            }
            if (resume) {
                host.qmp(d, "cont");
                d.run.ownResumes++;
                d.state = DomainStateInfo.of(DomainStateReason.Running.UNPAUSED);
                host.writeStatus(d);
            }
        } catch (RuntimeException e) {
            if (failed == null) {
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, "resuming after dump failed", e);
            }
            failed.addSuppressed(e);
        }
    }
}
