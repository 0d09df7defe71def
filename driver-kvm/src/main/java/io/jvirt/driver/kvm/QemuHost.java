package io.jvirt.driver.kvm;

import com.fasterxml.jackson.databind.JsonNode;
import io.jvirt.DomainEventDetail;
import io.jvirt.DomainState;
import io.jvirt.DomainStateInfo;
import io.jvirt.DomainStateReason;
import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import io.jvirt.driver.kvm.qmp.QmpEvent;
import io.jvirt.driver.kvm.qmp.QmpListener;
import io.jvirt.spi.AtomicConfigStore;
import io.jvirt.spi.DomainTransition;
import io.jvirt.spi.DriverDomainEvent;
import io.jvirt.spi.EventDispatcher;
import io.jvirt.spi.ObjectRegistry;
import io.jvirt.xml.DomainDef;
import io.jvirt.xml.DomainDefChecks;
import io.jvirt.xml.LibvirtXml;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The state behind every connection to one URI's {@link QemuPaths} ({@code qemu:///system},
 * {@code qemu:///session} or {@code qemu:///embed?root=DIR}): the domains, their QEMU processes
 * and monitors, and the event stream. One per state directory per JVM, shared by its
 * connections (QEMU's monitor takes one client, so two hosts can't both hold it); another JVM
 * opening the same URI meanwhile is refused (a lock file), and takes over once this one closed.
 * Created by the first connection, which takes running guests back from their status files
 * ({@link QemuReconnect}); dropped by the last, which leaves the guests running.
 *
 * <p>Locking: each {@link QemuDomain} is its own lock. Events are collected while a domain is
 * locked and published after it is released.
 */
final class QemuHost {
    static final Duration MONITOR_TIMEOUT = Duration.ofSeconds(30);
    static final Duration DESTROY_GRACE = Duration.ofSeconds(10);
    private static final Map<Path, QemuHost> HOSTS = new HashMap<>();
    static final DomainDefChecks CHECKS = DomainDefChecks.forArch("x86_64");

    final QemuPaths paths;
    final Path runDir;
    /** Managed save images, NAME.save (libvirt's cfg->saveDir). */
    final Path saveDir;
    final Path autostartDir;
    final AtomicConfigStore store;
    final ObjectRegistry<QemuDomain> domains = new ObjectRegistry<>(d -> d.name, d -> d.uuid);
    final EventDispatcher<DriverDomainEvent> events = new EventDispatcher<>();
    final QemuStoragePools storagePools;
    final QemuNetworks networks;
    /** Running guests taken back from their status files; their monitors connected on demand. */
    final QemuReconnect reconnects = new QemuReconnect(this);
    final AtomicInteger nextId = new AtomicInteger(1);
    private final FileChannel lockChannel;
    private final FileLock lock;
    private int refs;

    private QemuHost(QemuPaths paths) {
        this.paths = paths;
        this.store = new AtomicConfigStore(paths.configDir(), ErrorDomain.QEMU);
        this.autostartDir = store.directory().resolve("autostart");
        this.runDir = paths.stateDir();
        this.saveDir = paths.libDir().resolve("save");
        this.storagePools = new QemuStoragePools(paths);
        this.networks = new QemuNetworks(paths);
        try {
            Files.createDirectories(runDir);
            Files.createDirectories(autostartDir);
            lockChannel = FileChannel.open(runDir.resolve("driver.pid"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU,
                    "cannot set up state directory '" + runDir + "': " + e.getMessage(), e);
        }
        FileLock l;
        try {
            l = lockChannel.tryLock();
        } catch (IOException e) {
            l = null;
        }
        if (l == null) {
            String holder;
            try {
                holder = Files.readString(runDir.resolve("driver.pid")).strip();
            } catch (IOException e) {
                holder = "?";
            }
            closeQuietly(lockChannel);
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU,
                    "state directory '" + runDir + "' is in use by another process (pid " + holder
                            + "); close its connections first");
        }
        this.lock = l;
        try {
            lockChannel.truncate(0);
            lockChannel.write(java.nio.ByteBuffer.wrap((ProcessHandle.current().pid() + "\n")
                    .getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            // the lock is what matters; the pid is for people
        }
    }

    /**
     * Looked up when first needed: the first System.Logger of a process scans every jar for a
     * logging backend, about 20 ms of a jvirsh command that never logs.
     */
    static System.Logger log() {
        return System.getLogger(QemuHost.class.getName());
    }

    static QemuHost acquire(QemuPaths paths) {
        synchronized (HOSTS) {
            QemuHost host = HOSTS.get(paths.stateDir());
            if (host == null) {
                host = new QemuHost(paths);
                try {
                    host.load();
                    host.storagePools.load();
                    host.networks.load();
                } catch (RuntimeException e) {
                    host.shutdown();
                    throw e;
                }
                HOSTS.put(paths.stateDir(), host);
                host.reconnects.scheduleAttach();
            }
            host.refs++;
            return host;
        }
    }

    static void release(QemuHost host) {
        synchronized (HOSTS) {
            if (--host.refs == 0) {
                HOSTS.remove(host.runDir);
                host.shutdown();
            }
        }
    }

    /**
     * Lets go of the monitors and the lock; the guests keep running. Events QEMU sent before
     * are handled first and their journal mark written, so the next process needn't ask QEMU.
     */
    private void shutdown() {
        reconnects.stopBackgroundAttach();
        for (QemuDomain d : domains.all()) {
            QemuRun run = d.run;
            if (run != null && run.qmp != null) {
                run.qmp.awaitEventsDelivered(Duration.ofSeconds(1));
            }
            synchronized (d) {
                run = d.run;
                if (run != null && run.qmp != null) {
                    if (!run.stopping && !run.qmp.isClosed()
                            && !java.util.Objects.equals(run.journalMark, run.writtenMark)) {
                        try {
                            writeStatus(d);
                        } catch (VirtException e) {
                            // the next process asks QEMU instead
                        }
                    }
                    run.qmp.close();
                }
            }
        }
        try {
            lock.release();
        } catch (IOException | RuntimeException e) {
            // closing the channel releases it too
        }
        closeQuietly(lockChannel);
    }

    // ---- capabilities ----

    QemuCapabilities caps() {
        return caps(qemuBinary());
    }

    /** The capabilities of the binary {@code def} runs on (see {@link #binaryFor}). */
    QemuCapabilities caps(DomainDef def) {
        return caps(binaryFor(def));
    }

    private QemuCapabilities caps(Path binary) {
        return QemuCapsCache.get(binary, paths.cacheDir(), b -> QemuProber.probe(b, runDir));
    }

    /**
     * The binary a definition runs on: the {@code <emulator>} it names when that is an installed
     * qemu-system-* (libvirt's fixtures give i686 guests qemu-system-i386), else the default one.
     * Any other emulator is left for the argv builder to refuse, naming it.
     */
    static Path binaryFor(DomainDef def) {
        String emulator = def.getDevices() == null ? null : def.getDevices().getEmulator();
        if (emulator != null) {
            Path p = Path.of(emulator);
            if (p.isAbsolute() && p.getFileName().toString().startsWith("qemu-system-") && Files.isExecutable(p)) {
                return p;
            }
        }
        return qemuBinary();
    }

    static Path qemuBinary() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(":")) {
                if (!dir.isEmpty()) {
                    Path p = Path.of(dir, "qemu-system-x86_64");
                    if (Files.isExecutable(p)) {
                        return p;
                    }
                }
            }
        }
        return Path.of("/usr/bin/qemu-system-x86_64");
    }

    /**
     * Parses, checks and completes a domain definition as define does, then builds its argv
     * once so that whatever QEMU can't be given is refused now (CONFIG_UNSUPPORTED), not at start.
     */
    DomainDef prepare(String xml) {
        DomainDef def = LibvirtXml.parseDomain(xml);
        CHECKS.apply(def);
        QemuCapabilities caps = caps(def);
        QemuDomainDefaults.apply(def, caps);
        QemuCommandLine.build(def, caps, runDir.resolve("check.sock"));
        return def;
    }

    /**
     * Writes {@code def} as domain {@code name}'s persistent config, its {@link DomainFacts}
     * cached beside it, so that the next process lists the domain without binding its XML.
     */
    void writeConfig(String name, DomainDef def) {
        String text = LibvirtXml.format(def);
        store.write(name, text);
        DomainFacts.of(def).cache(DomainFacts.cacheFile(paths, name), text);
    }

    // ---- loading and reconnecting ----

    private void load() {
        for (String name : store.names()) {
            try {
                String xml = store.read(name).orElseThrow();
                Path factsFile = DomainFacts.cacheFile(paths, name);
                DomainFacts facts = DomainFacts.cached(factsFile, xml).orElse(null);
                QemuDomain d;
                if (facts != null) {
                    // parsed and checked when its facts were cached: parse again when needed
                    d = new QemuDomain(facts.name(), facts.uuid());
                    d.setPersistentDef(facts, () -> parseChecked(xml, facts));
                } else {
                    DomainDef def = parseChecked(xml, null);
                    d = new QemuDomain(def.getName(), UUID.fromString(def.getUuid()));
                    d.setPersistentDef(def);
                    DomainFacts.of(def).cache(factsFile, xml);
                }
                d.autostart = Files.exists(autostartDir.resolve(name + ".xml"));
                ShutoffRecord.recall(runDir, d.name).ifPresent(state -> d.state = state);
                if (domains.add(d) != ObjectRegistry.Conflict.NONE) {
                    log().log(System.Logger.Level.WARNING, "ignoring duplicate config " + store.pathOf(name));
                }
            } catch (RuntimeException e) {
                log().log(System.Logger.Level.WARNING, "ignoring unreadable config " + store.pathOf(name), e);
            }
        }
        reconnects.loadRunning();
    }

    /**
     * Parses and checks a definition this driver wrote; if {@code facts} is not null, they were
     * taken from it and must still name it.
     */
    static DomainDef parseChecked(String xml, DomainFacts facts) {
        DomainDef def = LibvirtXml.parseDomain(xml);
        CHECKS.apply(def);
        if (facts != null && !(facts.name().equals(def.getName()) && facts.uuid().toString().equals(def.getUuid()))) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                    "definition of domain '" + facts.name() + "' names '" + def.getName() + "' now");
        }
        return def;
    }

    // ---- lifecycle, with the domain locked by the caller ----

    /** Launches QEMU paused, connects to its monitor, continues it. */
    void start(QemuDomain d, DomainDef def, DomainTransition transition, List<DriverDomainEvent> out) {
        start(d, def, transition, null, out);
    }

    /** The guest's state arrives as a migration stream (restore) before start lets it run. */
    interface Incoming {
        /** Feeds the QEMU just started with {@code -incoming defer}; it is still paused. */
        void receive(QemuRun run);

        /** Whether the guest runs afterwards; if not, it stays paused (reason migration, as libvirt). */
        boolean resume();
    }

    /** As {@link #start(QemuDomain, DomainDef, DomainTransition, List)}, fed by {@code incoming} if not null. */
    void start(QemuDomain d, DomainDef def, DomainTransition transition, Incoming incoming,
            List<DriverDomainEvent> out) {
        QemuCapabilities caps = caps(def);
        DomainDef live = LibvirtXml.copy(def);
        QemuTaps.assign(live, networks);
        int id = nextId.getAndIncrement();
        Path monitor = runDir.resolve(d.uuid + ".sock");
        Path log = runDir.resolve(d.name + ".log");
        deleteQuietly(monitor);
        Path journal = QemuJournal.base(runDir, d.uuid);
        List<String> argv = new ArrayList<>(QemuCommandLine.build(live, caps, monitor));
        argv.addAll(QemuJournal.prepare(journal));
        if (incoming != null) {
            argv.addAll(List.of("-incoming", "defer"));
        }
        appendLog(log, Instant.now() + ": starting up: " + String.join(" ", argv) + "\n");
        Process process = QemuProcess.start(argv, log);
        QemuRun run = new QemuRun(id, live, process.toHandle(),
                QemuProcess.startTicks(process.pid()), monitor, log, journal);
        try {
            run.qmp = QemuProcess.connectMonitor(process, monitor, log, listener(d, run), MONITOR_TIMEOUT);
            // Paused (-S), QEMU has sent no event yet: the state accounts for the whole journal.
            run.journalMark = QemuJournal.lastLine(journal);
            QemuTaps.plug(live);
            QemuResources.balloonAtStart(run);
            boolean resume = transition != DomainTransition.START_PAUSED;
            if (incoming != null) {
                incoming.receive(run);
                resume = incoming.resume();
            }
            if (resume) {
                run.qmp.execute("cont");
                run.ownResumes++;
            }
            d.run = run;
            d.state = resume || incoming == null ? transition.result()
                    : DomainStateInfo.of(DomainStateReason.Paused.MIGRATION);
            domains.setId(d, -1, id);
            writeStatus(d);
            ShutoffRecord.forget(runDir, d.name);
        } catch (RuntimeException e) {
            run.stopping = true;
            d.run = null;
            if (run.qmp != null) {
                run.qmp.close();
            }
            QemuProcess.terminate(process, Duration.ofSeconds(5));
            cleanupRunFiles(d, run);
            appendLog(log, Instant.now() + ": shutting down, reason=failed\n");
            throw e;
        }
        out.add(new DriverDomainEvent(d.ref(), transition.event()));
    }

    /** Kills QEMU (SIGTERM, SIGKILL after the grace period) and records the stop. */
    void destroy(QemuDomain d, List<DriverDomainEvent> out) {
        end(d, DomainTransition.DESTROY, out);
    }

    /** Ends QEMU as {@link #destroy} does and records the stop as {@code transition} (e.g. saved). */
    void end(QemuDomain d, DomainTransition transition, List<DriverDomainEvent> out) {
        QemuRun run = d.run;
        run.stopping = true;
        if (run.qmp != null) {
            run.qmp.close();
        }
        kill(run.process, DESTROY_GRACE);
        stopped(d, transition, out);
    }

    /** The domain's QEMU is gone: state, id, files, event; a transient domain disappears. */
    void stopped(QemuDomain d, DomainTransition transition, List<DriverDomainEvent> out) {
        QemuRun run = d.run;
        run.stopping = true;
        if (run.qmp != null) {
            run.qmp.close();
        }
        d.run = null;
        domains.setId(d, run.id, -1);
        d.state = transition.result();
        cleanupRunFiles(d, run);
        appendLog(run.log, Instant.now() + ": shutting down, reason="
                + transition.result().reason().label() + "\n");
        out.add(new DriverDomainEvent(d.ref(), transition.event()));
        if (!d.isPersistent()) {
            domains.remove(d);
            d.removed = true;
        } else {
            ShutoffRecord.remember(runDir, d.name, d.state);
        }
    }

    void writeStatus(QemuDomain d) {
        QemuRun run = d.run;
        DomainDef live = LibvirtXml.copy(run.def());
        live.setId(run.id);
        new StatusFile(run.process.pid(), run.startTicks, run.monitor, run.log, run.journal, run.journalMark, run.id,
                d.state, d.isPersistent(), LibvirtXml.format(live), DomainFacts.of(live))
                .write(StatusFile.pathFor(runDir, d.uuid));
        run.writtenMark = run.journalMark;
        try {
            Files.writeString(runDir.resolve(d.name + ".pid"), run.process.pid() + "\n");
        } catch (IOException e) {
            // the status file holds the pid too
        }
    }

    private void cleanupRunFiles(QemuDomain d, QemuRun run) {
        deleteQuietly(StatusFile.pathFor(runDir, d.uuid));
        deleteQuietly(runDir.resolve(d.name + ".pid"));
        deleteQuietly(run.monitor);
        if (run.journal != null) {
            QemuJournal.delete(run.journal);
        }
    }

    static void kill(ProcessHandle p, Duration grace) {
        p.destroy();
        try {
            p.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            p.destroyForcibly();
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // reported by the caller's state checks
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        } catch (Exception e) {
            p.destroyForcibly();
        }
    }

    // ---- what QEMU says unprompted ----

    QmpListener listener(QemuDomain d, QemuRun run) {
        return new QmpListener() {
            @Override
            public void onEvent(QmpEvent event) {
                handleEvent(d, run, event);
            }

            @Override
            public void onMonitorClosed() {
                handleEof(d, run);
            }
        };
    }

    private void handleEvent(QemuDomain d, QemuRun run, QmpEvent event) {
        if (run.stopping) {
            return;
        }
        if ("DEVICE_DELETED".equals(event.name())) {
            QemuHotplug.deviceDeleted(d, run, event); // a detach may be waiting for it under the lock
            return;
        }
        if ("DUMP_COMPLETED".equals(event.name())) {
            QemuCoreDump.completed(run, event);
            return;
        }
        List<DriverDomainEvent> out = new ArrayList<>();
        synchronized (d) {
            if (d.run != run || run.stopping) {
                return;
            }
            // First, so that a status file written while handling it holds the new mark too.
            run.journalMark = event.line();
            DomainState s = d.stateKind();
            switch (event.name()) {
                case "STOP" -> {
                    if (run.pausedShutdown) {
                        run.pausedShutdown = false;
                    } else if (run.ownStops > 0) {
                        run.ownStops--;
                    } else if (s == DomainState.RUNNING) {
                        d.state = DomainStateInfo.of(DomainStateReason.Paused.UNKNOWN);
                        out.add(new DriverDomainEvent(d.ref(), DomainEventDetail.Suspended.PAUSED));
                        writeStatus(d);
                    }
                }
                case "RESUME" -> {
                    if (run.ownResumes > 0) {
                        run.ownResumes--;
                    } else if (s == DomainState.PAUSED) {
                        d.state = DomainStateInfo.of(DomainStateReason.Running.UNPAUSED);
                        out.add(new DriverDomainEvent(d.ref(), DomainEventDetail.Resumed.UNPAUSED));
                        writeStatus(d);
                    }
                }
                case "SHUTDOWN" -> {
                    if (QemuReboot.shutdownRestarts(run)) {
                        QemuReboot.restart(this, d, run);
                    } else if (!run.sawShutdown) {
                        run.sawShutdown = true;
                        boolean guest = event.data().path("guest").asBoolean(false);
                        d.state = DomainStateInfo.of(DomainStateReason.Shutdown.USER);
                        out.add(new DriverDomainEvent(d.ref(), guest ? DomainEventDetail.Shutdown.GUEST
                                : DomainEventDetail.Shutdown.HOST));
                        writeStatus(d);
                        // on_poweroff=destroy: QEMU waits (-no-shutdown); end it, EOF follows.
                        run.process.destroy();
                    }
                }
                case "GUEST_PANICKED" -> QemuCrash.panicked(this, d, run, event, out);
                case "BALLOON_CHANGE" -> {
                    // libvirt's cur_balloon: what the guest gave back, as the live <currentMemory>
                    long kib = event.data().path("actual").asLong(0) / 1024;
                    if (kib > 0) {
                        run.def().setCurrentMemoryKiB(kib);
                        writeStatus(d);
                    }
                }
                default -> {
                    // other events don't change the lifecycle state
                }
            }
            d.outbox.addAll(out);
        }
        flush(d);
    }

    private void handleEof(QemuDomain d, QemuRun run) {
        if (run.stopping) {
            return;
        }
        List<DriverDomainEvent> out = new ArrayList<>();
        synchronized (d) {
            if (d.run != run || run.stopping) {
                return;
            }
            if (run.process.isAlive()) {
                if (!run.sawShutdown) {
                    // The monitor broke but QEMU lives: without a monitor it can't be controlled.
                    run.process.destroyForcibly();
                }
                // QEMU closes its monitor before its process has ended: shut off means no QEMU
                // runs any more, as libvirt's qemuProcessStop waits for the process to go.
                kill(run.process, Duration.ofSeconds(5));
            }
            stopped(d, run.sawShutdown ? DomainTransition.SHUTDOWN : DomainTransition.CRASH, out);
            d.outbox.addAll(out);
        }
        flush(d);
    }

    /**
     * Hands {@code d}'s pending events to the dispatcher, outside the domain's lock. The outbox's
     * own lock only keeps them in order (two flushes racing); publish merely queues.
     */
    void flush(QemuDomain d) {
        synchronized (d.outbox) {
            DriverDomainEvent e;
            while ((e = d.outbox.poll()) != null) {
                events.publish(e);
            }
        }
    }

    // ---- helpers ----

    JsonNode qmp(QemuDomain d, String command) {
        return d.run.monitor().execute(command);
    }

    static void appendLog(Path log, String line) {
        try {
            Files.writeString(log, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the log is for people; a failure to write it must not fail the operation
        }
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // stale files under DIR/run harm nothing
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }
}
