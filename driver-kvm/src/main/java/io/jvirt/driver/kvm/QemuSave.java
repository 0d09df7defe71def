package io.jvirt.driver.kvm;

import io.jvirt.DomainEventDetail;
import io.jvirt.DomainSaveFlag;
import io.jvirt.DomainState;
import io.jvirt.DomainStateInfo;
import io.jvirt.DomainStateReason;
import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.Flag;
import io.jvirt.VirtException;
import io.jvirt.driver.kvm.qmp.QmpClient;
import io.jvirt.spi.DomainTransition;
import io.jvirt.spi.DriverDomainEvent;
import io.jvirt.xml.DomainDef;
import io.jvirt.xml.LibvirtXml;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;

/**
 * Save and restore, as libvirt's qemuDomainSaveInternal and qemuSaveImageStartVM: pause the
 * guest, write a {@link QemuSaveImage} header and QEMU's migration stream to the file, end QEMU;
 * restore starts QEMU from the image's XML with {@code -incoming defer} and feeds it the stream.
 * Every method runs with the domain locked by the caller.
 */
final class QemuSave {
    private QemuSave() {
    }

    /** Checks the flags save and restore share (libvirt: RUNNING and PAUSED exclude each other). */
    static void checkFlags(Set<DomainSaveFlag> flags, String function) {
        if (flags.contains(DomainSaveFlag.BYPASS_CACHE) || flags.contains(DomainSaveFlag.RESET_NVRAM)) {
            throw VirtException.unsupportedFlags(ErrorDomain.QEMU, Flag.mask(flags), function);
        }
        if (flags.contains(DomainSaveFlag.RUNNING) && flags.contains(DomainSaveFlag.PAUSED)) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                    "Flags 'VIR_DOMAIN_SAVE_RUNNING' and 'VIR_DOMAIN_SAVE_PAUSED' are mutually exclusive");
        }
    }

    /**
     * Saves the running domain {@code d} to {@code file} and shuts it off (reason saved). On any
     * failure QEMU's migration is cancelled, the file is removed if the save created it, and a
     * guest the save paused runs again (reason save canceled).
     */
    static void save(QemuHost host, QemuDomain d, Path file, Set<DomainSaveFlag> flags,
            List<DriverDomainEvent> out) {
        QemuRun run = d.run;
        boolean wasRunning = d.stateKind() == DomainState.RUNNING;
        boolean pausedHere = false;
        // As libvirt (needUnlink): a failed save removes the file only if it made it, never
        // whatever else stood at that path.
        boolean created = !Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                    "Failed to create file '" + file + "': " + e.getMessage(), e);
        }
        try (ch) {
            if (wasRunning) {
                host.qmp(d, "stop");
                run.ownStops++;
                pausedHere = true;
                d.state = DomainStateInfo.of(DomainStateReason.Paused.SAVE);
                host.writeStatus(d);
            }
            boolean runAfterRestore = flags.contains(DomainSaveFlag.RUNNING)
                    || wasRunning && !flags.contains(DomainSaveFlag.PAUSED);
            String xml = LibvirtXml.format(run.def());
            QmpClient monitor = run.monitor();
            Path stream = streamSocket(host, d);
            // The lock is let go while QEMU writes: dominfo and the like answer meanwhile
            // (paused, reason save), as in libvirt, where save is an async job.
            d.runAsyncJob("save", () -> {
                long offset = QemuSaveImage.writePartial(ch, xml, runAfterRestore);
                ch.position(offset);
                QemuMigrationStream.save(monitor, stream, ch);
                QemuSaveImage.finish(ch);
            });
            if (d.run != run) {
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU,
                        "guest unexpectedly quit during the save of domain '" + d.name + "'");
            }
        } catch (IOException | RuntimeException e) {
            if (created) {
                QemuHost.deleteQuietly(file);
            }
            if (d.run == run && !run.qmp.isClosed()) {
                try {
                    run.monitor().execute("migrate_cancel"); // a no-op if none is under way
                    if (pausedHere) {
                        host.qmp(d, "cont");
                        run.ownResumes++;
                        d.state = DomainStateInfo.of(DomainStateReason.Running.SAVE_CANCELED);
                        host.writeStatus(d);
                    }
                } catch (RuntimeException again) {
                    e.addSuppressed(again);
                }
            }
            if (e instanceof VirtException ve) {
                throw ve;
            }
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                    "failed to write domain save file '" + file + "': " + e.getMessage(), e);
        }
        host.end(d, DomainTransition.SAVE, out);
    }

    /**
     * Starts {@code d} from the image {@code file} (already read into {@code image}; {@code def}
     * is its XML, prepared): STARTED/RESTORED, then running (restored), or paused with a
     * SUSPENDED event when the image or the flags say so. A failure leaves nothing running.
     */
    static void restore(QemuHost host, QemuDomain d, DomainDef def, QemuSaveImage image, Path file,
            Set<DomainSaveFlag> flags, List<DriverDomainEvent> out) {
        boolean resume = flags.contains(DomainSaveFlag.RUNNING)
                || image.wasRunning() && !flags.contains(DomainSaveFlag.PAUSED);
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            host.start(d, def, DomainTransition.RESTORE, new QemuHost.Incoming() {
                @Override
                public void receive(QemuRun run) {
                    try {
                        QemuMigrationStream.load(run.monitor(), streamSocket(host, d), in, image.streamOffset());
                    } catch (IOException | RuntimeException e) {
                        // A QEMU that can't load the stream says why on stderr, then exits.
                        run.process.onExit().completeOnTimeout(null, 2, java.util.concurrent.TimeUnit.SECONDS).join();
                        throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU,
                                "cannot restore domain '" + d.name + "' from '" + file + "': " + e.getMessage()
                                        + ": " + QemuProcess.tail(run.log), e);
                    }
                }

                @Override
                public boolean resume() {
                    return resume;
                }
            }, out);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                    "Failed to open domain image file '" + file + "': " + e.getMessage(), e);
        }
        if (!resume) {
            out.add(new DriverDomainEvent(d.ref(), flags.contains(DomainSaveFlag.PAUSED)
                    ? DomainEventDetail.Suspended.PAUSED : DomainEventDetail.Suspended.RESTORED));
        }
    }

    /** Where the driver and QEMU meet for the stream: beside the monitor socket. */
    static Path streamSocket(QemuHost host, QemuDomain d) {
        return host.runDir.resolve(d.uuid + ".migrate");
    }

    // ---- managed save ----

    /** The managed save image of a domain: DIR/lib/qemu/save/NAME.save (libvirt's saveDir). */
    static Path managedPath(QemuHost host, QemuDomain d) {
        return host.saveDir.resolve(d.name + ".save");
    }

    static boolean hasManagedImage(QemuHost host, QemuDomain d) {
        return Files.exists(managedPath(host, d));
    }

    static void managedSave(QemuHost host, QemuDomain d, Set<DomainSaveFlag> flags, List<DriverDomainEvent> out) {
        if (!d.isPersistent()) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                    "cannot do managed save for transient domain");
        }
        try {
            Files.createDirectories(host.saveDir);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                    "cannot create directory '" + host.saveDir + "': " + e.getMessage(), e);
        }
        save(host, d, managedPath(host, d), flags, out);
    }

    /**
     * libvirt's qemuDomainObjStart with a managed save image: restore from it and delete it. An
     * incomplete image is dropped and the domain boots; any other unreadable image fails start.
     * Returns false if there was nothing to restore (the caller boots).
     */
    static boolean startFromManagedImage(QemuHost host, QemuDomain d, boolean paused, List<DriverDomainEvent> out) {
        Path file = managedPath(host, d);
        if (!Files.exists(file)) {
            return false;
        }
        QemuSaveImage image;
        try {
            image = QemuSaveImage.read(file);
        } catch (QemuSaveImage.Refused r) {
            if (r.incomplete) {
                QemuHost.deleteQuietly(file);
                return false;
            }
            throw r;
        }
        DomainDef def = host.prepare(image.xml());
        if (!d.uuid.toString().equals(def.getUuid()) || !d.name.equals(def.getName())) {
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU,
                    "managed save image '" + file + "' holds domain '" + def.getName() + "', not '" + d.name + "'");
        }
        restore(host, d, def, image, file, paused ? Set.of(DomainSaveFlag.PAUSED) : Set.of(), out);
        QemuHost.deleteQuietly(file);
        return true;
    }
}
