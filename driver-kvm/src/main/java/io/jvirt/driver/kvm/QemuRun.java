package io.jvirt.driver.kvm;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import io.jvirt.driver.kvm.qmp.QmpClient;
import io.jvirt.xml.DomainDef;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;

/** A running QEMU of one domain: its process, monitor and files under DIR/run/qemu. */
final class QemuRun {
    final int id;
    /** The live definition, once parsed; see {@link #def()}. */
    private DomainDef def;
    /** A reconnected run's definition not parsed yet: how to parse it (given this run), and its facts meanwhile. */
    private Function<QemuRun, DomainDef> pendingDef;
    private DomainFacts pendingFacts;
    final ProcessHandle process;
    /** The process's start time, so that a reused pid is never taken for our QEMU. */
    final Instant startTime;
    final Path monitor;
    final Path log;
    /** This QEMU's {@link QemuJournal}; null for one started before journals were kept. */
    final Path journal;
    /**
     * The journal line up to which the domain's state accounts for QEMU's events; null if
     * unknown. Guarded by the domain lock.
     */
    String journalMark;
    /** The mark the status file holds (see {@link QemuHost#writeStatus}). */
    String writtenMark;
    /**
     * The monitor; null for a run found from its status file whose monitor nobody needed yet.
     * Use {@link #monitor()} to send commands.
     */
    volatile QmpClient qmp;
    /** Connects the monitor of a run found from its status file (see QemuHost's attach). */
    Supplier<QmpClient> attacher;
    /** Set before we kill QEMU ourselves, so that the monitor's EOF is not taken for a crash. */
    volatile boolean stopping;
    /** QEMU reported SHUTDOWN: the EOF that follows is a shutdown, not a crash. */
    volatile boolean sawShutdown;
    /**
     * STOP and RESUME events our own {@code stop}/{@code cont} caused and not yet seen; the
     * listener skips them, since the call already changed the state (guarded by the domain lock).
     * Without this, a RESUME from start's {@code cont} handled after a quick suspend would undo it.
     */
    int ownStops;
    int ownResumes;
    /** reboot() pressed the power button: the guest's SHUTDOWN means reset and go on (fake reboot). */
    volatile boolean fakeReboot;
    /** A fake reboot is under way: the STOP that follows its SHUTDOWN is not a pause. */
    boolean pausedShutdown;
    /** Detaches waiting for QEMU's DEVICE_DELETED (given its journal line), by device id (see QemuHotplug). */
    final java.util.Map<String, java.util.concurrent.CompletableFuture<String>> unplugs =
            new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * Removals whose wait ran out: finished, given the event's journal line, when the guest lets
     * go and DEVICE_DELETED comes.
     */
    final java.util.Map<String, java.util.function.Consumer<String>> pendingRemovals =
            new java.util.concurrent.ConcurrentHashMap<>();
    /** A dump waiting for QEMU's DUMP_COMPLETED (see QemuCoreDump); null when none runs. */
    volatile java.util.concurrent.CompletableFuture<com.fasterxml.jackson.databind.JsonNode> dumpCompleted;

    QemuRun(int id, DomainDef def, ProcessHandle process, Instant startTime, Path monitor, Path log, Path journal) {
        this.id = id;
        this.def = def;
        this.process = process;
        this.startTime = startTime;
        this.monitor = monitor;
        this.log = log;
        this.journal = journal;
    }

    /** As the other constructor, with a live definition known by its facts and parsed by {@code source} on first need. */
    QemuRun(int id, DomainFacts facts, Function<QemuRun, DomainDef> source, ProcessHandle process, Instant startTime,
            Path monitor, Path log, Path journal) {
        this(id, (DomainDef) null, process, startTime, monitor, log, journal);
        this.pendingDef = source;
        this.pendingFacts = facts;
    }

    /**
     * The definition the running QEMU was built from (changed in place by hotplug, balloon, ...).
     * Synchronized: QEMU's events reach it from the monitor's thread.
     */
    synchronized DomainDef def() {
        if (pendingDef != null) {
            def = pendingDef.apply(this);
            pendingDef = null;
            pendingFacts = null;
        }
        return def;
    }

    /** Whether {@link #def()} has been parsed already. */
    synchronized boolean defParsed() {
        return pendingDef == null;
    }

    /**
     * The monitor to send commands to, connected first if this run was found from its status
     * file and nobody needed it yet. Call with the domain locked.
     */
    QmpClient monitor() {
        QmpClient c = qmp;
        if (c != null) {
            return c;
        }
        if (attacher == null) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                    "the monitor of this QEMU is not connected");
        }
        return attacher.get();
    }

    synchronized DomainFacts facts() {
        return pendingDef != null ? pendingFacts : DomainFacts.of(def);
    }

    /** True if {@link #process} still is the QEMU we started (alive, same start time). */
    boolean processAlive() {
        if (!process.isAlive()) {
            return false;
        }
        Instant now = process.info().startInstant().orElse(null);
        return startTime == null || now == null
                || Math.abs(Duration.between(now, startTime).toMillis()) < 2000;
    }
}
