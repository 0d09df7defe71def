package io.jvirt.driver.kvm;

import com.google.common.base.Throwables;
import com.google.common.util.concurrent.ThreadFactoryBuilder;
import com.google.common.util.concurrent.Uninterruptibles;
import io.jvirt.DomainState;
import io.jvirt.DomainStateInfo;
import io.jvirt.DomainStateReason;
import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import io.jvirt.driver.kvm.qmp.QmpClient;
import io.jvirt.spi.DomainTransition;
import io.jvirt.spi.DriverDomainEvent;
import io.jvirt.spi.ObjectRegistry;
import io.jvirt.xml.DomainDef;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Running guests taken back from their status files (libvirt's qemuProcessReconnect), and their
 * monitors connected only when needed. A guest whose status file is current (its QEMU lives, and
 * its {@link QemuJournal} shows no event the file doesn't account for) is listed from that file
 * alone; its monitor is connected by the first command for it ({@link QemuRun#monitor()}), by a
 * listener subscribing, or a while after the host opened. A guest whose QEMU did something
 * nobody saw is asked over its monitor at once ({@link #sync}).
 */
final class QemuReconnect {
    /** Monitors connected at once (see {@link #inParallel}). */
    private static final int ATTACH_THREADS = 8;
    /**
     * How long monitors of guests found running stay unconnected when nothing needs them, in ms
     * (system property {@value #ATTACH_DELAY_PROPERTY}, default 500). Long enough for one jvirsh
     * command, which then never connects them; a longer-lived process connects them all, so
     * that QEMU's events are acted on as they come (on_poweroff, on_crash, crash detection)
     * rather than at the next look.
     */
    static final String ATTACH_DELAY_PROPERTY = "jvirt.qemu.attachDelayMs";

    private final QemuHost host;
    /** Connects the monitors a while after opening (see {@link #ATTACH_DELAY_PROPERTY}); null if none was left. */
    private Thread backgroundAttach;
    /** Opened when the host closes: the background attach no longer waits, or starts. */
    private final CountDownLatch closing = new CountDownLatch(1);

    QemuReconnect(QemuHost host) {
        this.host = host;
    }

    /**
     * Takes back every running guest the state directory's status files name (at the host's
     * opening, after the persistent definitions are loaded).
     */
    void loadRunning() {
        // Loops rather than streams here: each lambda costs a fresh process (one jvirsh command)
        // about a millisecond to spin.
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(host.runDir, "*" + StatusFile.SUFFIX)) {
            for (Path f : ds) {
                if (!f.getFileName().toString().startsWith(".tmp-")) {
                    reconnect(f);
                }
            }
        } catch (IOException e) {
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU,
                    "cannot list '" + host.runDir + "': " + e.getMessage(), e);
        }
        // Those whose QEMU did something nobody saw are asked over their monitors, all at once:
        // each waits mostly on its QEMU.
        List<QemuDomain> stale = new ArrayList<>();
        for (QemuDomain d : detached()) {
            if (!(d.run.processAlive() && journalCurrent(d.run))) {
                stale.add(d);
            }
        }
        if (!stale.isEmpty()) {
            inParallel(stale, this::sync);
        }
    }

    /** The domains whose QEMU runs with its monitor not connected. */
    private List<QemuDomain> detached() {
        List<QemuDomain> found = new ArrayList<>();
        for (QemuDomain d : host.domains.all()) {
            if (d.run != null && d.run.qmp == null) {
                found.add(d);
            }
        }
        return found;
    }

    /** Connects the monitors left unconnected after {@link #ATTACH_DELAY_PROPERTY} ms, on a thread of its own. */
    void scheduleAttach() {
        if (detached().isEmpty()) {
            return;
        }
        long delay = Long.getLong(ATTACH_DELAY_PROPERTY, 500);
        backgroundAttach = new Thread(() -> {
            try {
                if (!Uninterruptibles.awaitUninterruptibly(closing, delay, TimeUnit.MILLISECONDS)) {
                    attachAll();
                }
            } catch (RuntimeException e) {
                QemuHost.log().log(System.Logger.Level.WARNING, "cannot connect to the monitors of " + host.runDir, e);
            }
        }, "qemu-attach " + host.runDir);
        backgroundAttach.setDaemon(true);
        backgroundAttach.start();
    }

    /**
     * Stops the background attach; one under way finishes first, so no monitor outlives the
     * host. Not by interrupting it: an interrupt closes the socket of a monitor being connected,
     * and a monitor that can't be had means killing its QEMU.
     */
    void stopBackgroundAttach() {
        closing.countDown();
        if (backgroundAttach != null) {
            Uninterruptibles.joinUninterruptibly(backgroundAttach);
        }
    }

    /**
     * Runs {@code action} on each domain, locked, several at once, and publishes the events it
     * collected. With sixteen guests, one monitor after another cost a fresh process most of a
     * {@code list --all} in waiting.
     */
    private void inParallel(List<QemuDomain> targets, BiConsumer<QemuDomain, List<DriverDomainEvent>> action) {
        List<Runnable> work = new ArrayList<>();
        for (QemuDomain d : targets) {
            work.add(() -> {
                List<DriverDomainEvent> out = new ArrayList<>();
                synchronized (d) {
                    if (!d.removed) {
                        action.accept(d, out);
                    }
                    d.outbox.addAll(out);
                }
                host.flush(d);
            });
        }
        if (work.size() <= 1) {
            work.forEach(Runnable::run);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(work.size(), ATTACH_THREADS),
                new ThreadFactoryBuilder().setDaemon(true).setNameFormat("qemu-attach-%d").build());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Runnable r : work) {
                done.add(pool.submit(r));
            }
            for (Future<?> f : done) {
                try {
                    Uninterruptibles.getUninterruptibly(f);
                } catch (ExecutionException e) {
                    // what the action itself throws, as when it ran on this thread
                    Throwables.throwIfUnchecked(e.getCause());
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    /** libvirt's qemuProcessReconnect: take a running QEMU back from its status file. */
    private void reconnect(Path file) {
        StatusFile status;
        DomainFacts facts;
        DomainDef live = null;
        try {
            status = StatusFile.read(file);
            facts = status.facts();
            if (facts == null) {
                live = QemuHost.parseChecked(status.domainXml(), null);
                facts = DomainFacts.of(live);
            }
        } catch (IOException | RuntimeException e) {
            QemuHost.log().log(System.Logger.Level.WARNING, "ignoring unreadable status file " + file, e);
            QemuHost.deleteQuietly(file);
            return;
        }
        UUID uuid = facts.uuid();
        QemuDomain d = host.domains.byUuid(uuid).orElse(null);
        if (d == null) {
            d = new QemuDomain(facts.name(), uuid);
            if (host.domains.add(d) != ObjectRegistry.Conflict.NONE) {
                QemuHost.log().log(System.Logger.Level.WARNING, "status file " + file + " names a domain that exists");
                return;
            }
        }
        ProcessHandle process = ProcessHandle.of(status.pid()).orElse(null);
        host.nextId.accumulateAndGet(status.id() + 1, Math::max);
        // A guest that had powered off (QEMU said SHUTDOWN) and whose QEMU was being ended when
        // the last process let go stopped by shutting down, not by crashing.
        boolean wasShuttingDown = status.state().state() == DomainState.SHUTDOWN;
        if (process == null) {
            // QEMU died while nobody watched: shut off (crashed), as libvirt's reconnect says.
            QemuHost.deleteQuietly(file);
            QemuHost.deleteQuietly(host.runDir.resolve(d.name + ".pid"));
            QemuHost.deleteQuietly(status.monitor());
            synchronized (d) {
                d.state = DomainStateInfo.of(wasShuttingDown ? DomainStateReason.Shutoff.SHUTDOWN
                        : DomainStateReason.Shutoff.CRASHED);
                if (!d.isPersistent()) {
                    host.domains.remove(d);
                    d.removed = true;
                }
            }
            return;
        }
        QemuRun run;
        if (live != null) {
            run = new QemuRun(status.id(), live, process, status.startTicks(), status.monitor(), status.log(),
                    status.journal());
        } else {
            // The status file's XML is what this driver wrote from a checked definition. Devices
            // QEMU deleted while no process watched are forgotten when it is first parsed.
            DomainFacts known = facts;
            run = new QemuRun(status.id(), known, r -> QemuMissedUnplugs.without(r,
                    QemuHost.parseChecked(status.domainXml(), known)), process, status.startTicks(), status.monitor(),
                    status.log(), status.journal());
        }
        QemuDomain domain = d;
        run.attacher = () -> attachForCommand(domain, run);
        synchronized (d) {
            run.journalMark = status.journalMark();
            run.writtenMark = status.journalMark();
            d.run = run;
            d.state = status.state();
            host.domains.setId(d, -1, run.id);
            if (d.isPersistent() != status.persistent() && run.processAlive()) {
                host.writeStatus(d);
            }
            // If the status file is current, the monitor waits until a command needs it; else load
            // brings the domain up to date (sync).
        }
    }

    /**
     * Brings a domain whose monitor is not connected up to date, with the domain locked: if its
     * QEMU is gone or its journal has events the status file doesn't account for, connects to
     * the monitor and asks QEMU (see {@link #attach}). Cheap when nothing happened: a look at
     * the process and at the journal's last line.
     */
    void sync(QemuDomain d, List<DriverDomainEvent> out) {
        QemuRun run = d.run;
        if (run == null || run.qmp != null || run.stopping) {
            return;
        }
        if (!(run.processAlive() && journalCurrent(run))) {
            attach(d, run, out);
        }
    }

    private static boolean journalCurrent(QemuRun run) {
        return run.journal != null && run.journalMark != null
                && run.journalMark.equals(QemuJournal.lastLine(run.journal));
    }

    /** {@link QemuRun#monitor()} of a run whose monitor is not connected: attach, or say it stopped. */
    private QmpClient attachForCommand(QemuDomain d, QemuRun run) {
        synchronized (d) {
            if (d.run == run && run.qmp == null && !run.stopping) {
                List<DriverDomainEvent> out = new ArrayList<>();
                attach(d, run, out);
                d.outbox.addAll(out); // published by the command's caller when it lets go of the domain
            }
            QmpClient c = run.qmp;
            if (d.run != run || c == null) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "domain is not running");
            }
            return c;
        }
    }

    /**
     * Connects all monitors not connected yet, at once, so that QEMU's events are handled as
     * they come (lifecycle actions, crash detection, event listeners).
     */
    void attachAll() {
        inParallel(detached(), (d, out) -> {
            QemuRun run = d.run;
            if (run != null && run.qmp == null && !run.stopping) {
                attach(d, run, out);
            }
        });
    }

    /**
     * libvirt's qemuProcessReconnect, with the domain locked: connects to the monitor of a QEMU
     * found from its status file and takes QEMU's word for the state. A QEMU that is gone, or
     * whose monitor can't be had, leaves the domain shut off.
     */
    private void attach(QemuDomain d, QemuRun run, List<DriverDomainEvent> out) {
        DomainStateInfo known = d.state;
        // A guest that had powered off (QEMU said SHUTDOWN) and whose QEMU was being ended when
        // the last process let go stopped by shutting down, not by crashing.
        boolean wasShuttingDown = known.state() == DomainState.SHUTDOWN;
        // Read before asking QEMU: whatever the journal gets later, the listener hears too.
        String journalBefore = run.journal == null ? null : QemuJournal.lastLine(run.journal);
        boolean alive = run.processAlive();
        if (alive) {
            try {
                run.qmp = QmpClient.connect(run.monitor, host.listener(d, run), Duration.ofSeconds(10));
                String qemuState = run.qmp.execute("query-status").path("status").asText();
                run.journalMark = journalBefore;
                d.state = switch (qemuState) {
                    case "running" -> known.state() == DomainState.RUNNING ? known
                            : DomainStateInfo.of(DomainStateReason.Running.UNKNOWN);
                    case "shutdown" -> DomainStateInfo.of(DomainStateReason.Shutdown.UNKNOWN);
                    // libvirt's qemuProcessUpdateState: a panic seen by nobody is a crash
                    case "guest-panicked" -> known.state() == DomainState.PAUSED ? known
                            : DomainStateInfo.of(DomainStateReason.Crashed.PANICKED);
                    default -> known.state() == DomainState.PAUSED ? known
                            : DomainStateInfo.of(DomainStateReason.Paused.UNKNOWN);
                };
                if ("shutdown".equals(qemuState)) {
                    // The guest powered off while nobody watched and QEMU waits (-no-shutdown):
                    // end it here, so this connection already sees it shut off. Left to the
                    // monitor's EOF, a short-lived process (one jvirsh command) would exit
                    // first and the next one would take the vanished QEMU for a crash. The
                    // status file says so first, in case this process ends midway.
                    host.writeStatus(d);
                    run.sawShutdown = true;
                    run.stopping = true;
                    QemuHost.kill(run.process, Duration.ofSeconds(5));
                    host.stopped(d, DomainTransition.SHUTDOWN, out);
                    return;
                }
                boolean forgot = run.defParsed() && QemuMissedUnplugs.forget(run.qmp, run.def());
                if (forgot || !d.state.equals(known) || !Objects.equals(run.journalMark, run.writtenMark)) {
                    host.writeStatus(d); // else the file already says it all: no XML to format, no fsync
                }
                return;
            } catch (RuntimeException e) {
                if (run.qmp != null) {
                    run.qmp.close();
                }
                if (Thread.currentThread().isInterrupted()) {
                    // Our thread was interrupted, which closes sockets: no sign of QEMU's state.
                    // Leave the guest as found; the next look connects again.
                    run.qmp = null;
                    d.state = known;
                    throw e;
                }
                QemuHost.log().log(System.Logger.Level.WARNING, "cannot reconnect to " + d.name + "'s monitor", e);
            }
        }
        // The monitor can't be had back: kill what is left so the guest never runs twice
        // (libvirt does the same) and call it crashed.
        if (alive) {
            run.stopping = true;
            QemuHost.kill(run.process, Duration.ofSeconds(5));
        }
        host.stopped(d, wasShuttingDown ? DomainTransition.SHUTDOWN : DomainTransition.CRASH, out);
    }
}
