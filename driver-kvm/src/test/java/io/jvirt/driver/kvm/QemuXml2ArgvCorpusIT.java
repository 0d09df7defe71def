package io.jvirt.driver.kvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jvirt.VirtException;
import io.jvirt.driver.kvm.qmp.QmpClient;
import io.jvirt.xml.DomainDef;
import io.jvirt.xml.LibvirtSourceTree;
import io.jvirt.xml.LibvirtXml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * libvirt 9.0.0's qemuxml2argv corpus against real QEMU 7.2 (issue 5 part 9). Each fixture is
 * parsed, given define-time defaults from the probed capabilities, and built into an argv. The
 * driver either refuses it with a {@link VirtException} (counted by code and reason), or QEMU
 * must start from that argv paused, reach {@code prelaunch} over QMP and quit with status 0.
 * An accepted fixture QEMU cannot start, or any other exception, fails the test.
 */
class QemuXml2ArgvCorpusIT {
    /** Fixtures started on the last count; lowering it means the driver regressed. */
    private static final int MIN_STARTED = 138;
    private static final Duration QMP_TIMEOUT = Duration.ofSeconds(30);
    private static final int PARALLEL = 2; // two cores, shared
    /** Enough for the most block disks one fixture has (5); two fixtures may wait for each other. */
    private static final int LOOP_DEVICES = 6;

    @TempDir
    static Path work;

    @Test
    void acceptedFixturesStartInQemuAndTheRestAreRefusedWithAReason() throws Exception {
        Path corpus = corpus();
        InstalledQemu.require();
        // Probed once per binary the fixtures name (qemu-system-x86_64, qemu-system-i386).
        Map<Path, QemuCapabilities> caps = new ConcurrentHashMap<>();
        List<Path> fixtures;
        try (Stream<Path> s = Files.list(corpus)) {
            fixtures = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        StringBuilder noLoops = new StringBuilder();
        LoopDevices loops = LoopDevices.attach(Files.createDirectories(work.resolve("loops")), LOOP_DEVICES, noLoops)
                .orElse(null);
        if (loops == null) {
            System.err.println("NO HOST BLOCK DEVICES: fixtures with type='block' disks are counted as needing"
                    + " them, not started (" + noLoops + ")");
        }
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        List<Future<CorpusOutcome>> futures = new ArrayList<>();
        for (int i = 0; i < fixtures.size(); i++) {
            Path fixture = fixtures.get(i);
            Path dir = work.resolve(Integer.toString(i));
            futures.add(pool.submit(() -> run(fixture, dir, caps, loops)));
        }
        pool.shutdown();
        List<CorpusOutcome> outcomes = new ArrayList<>();
        try {
            for (Future<CorpusOutcome> f : futures) {
                // Each fixture bounds its own waits (QMP_TIMEOUT); this only guards against a hang.
                outcomes.add(f.get(5, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
            if (loops != null) {
                loops.close();
            }
        }
        CorpusReport report = new CorpusReport(outcomes);
        System.out.println(report);
        // Every fixture's outcome, one a line, for whoever wants more than the summary.
        Files.write(Path.of("target", "qemuxml2argv-outcomes.txt"),
                outcomes.stream().map(CorpusOutcome::toString).map(o -> o.replace('\n', ' ')).toList());

        assertEquals(fixtures.size(), outcomes.size());
        List<CorpusOutcome> failed = report.failures();
        if (!failed.isEmpty()) {
            fail(failed.size() + " fixture(s) failed:\n" + failed.stream().map(CorpusOutcome::toString)
                    .collect(Collectors.joining("\n")));
        }
        if ("true".equals(System.getenv("CI"))) {
            // CI runs as root with loop devices: every accepted fixture must really start there.
            assertEquals(0, report.needingHost(), "fixtures not started for want of host resources (CI=true)");
        }
        assertTrue(report.started() >= MIN_STARTED,
                "started " + report.started() + " fixtures, fewer than the " + MIN_STARTED + " before");
    }

    /**
     * This machine's /dev/kvm opens but cannot run every guest (QEMU aborts setting MSRs for
     * {@code -cpu host}); guests here run under TCG. So {@code type='kvm'} fixtures are refused
     * as on a host without KVM, and counted as such, rather than failing for the host's sake.
     */
    private static QemuCapabilities withoutKvm(QemuCapabilities c) {
        return new QemuCapabilities(c.binary(), c.version(), c.packageName(), c.machines(), c.cpuModels(),
                c.accelerators(), false, c.sandbox());
    }

    private static Path corpus() {
        Path dir = LibvirtSourceTree.find("tests/qemuxml2argvdata").orElse(null);
        if (dir == null) {
            String msg = "libvirt 9.0.0 source tree with tests/qemuxml2argvdata (set "
                    + LibvirtSourceTree.ENV + "=DIR; see scripts/fetch-libvirt-src.sh)";
            if ("true".equals(System.getenv("CI"))) {
                fail(msg + " (CI=true: failing rather than skipping)");
            }
            System.err.println("SKIPPED: " + msg);
            Assumptions.abort(msg);
        }
        return dir;
    }

    private static CorpusOutcome run(Path fixture, Path dir, Map<Path, QemuCapabilities> probed, LoopDevices loops) {
        String name = fixture.getFileName().toString().replaceFirst("\\.xml$", "");
        CorpusOutcome.Expectation libvirt = CorpusOutcome.expectation(fixture);
        try {
            String xml = Files.readString(fixture);
            // What define does (QemuHost.prepare): libvirt's generic checks, then QEMU's defaults.
            DomainDef def = LibvirtXml.parseDomain(xml);
            QemuHost.CHECKS.apply(def);
            QemuCapabilities caps = probed.computeIfAbsent(QemuHost.binaryFor(def),
                    b -> withoutKvm(QemuProber.probe(b, work)));
            QemuDomainDefaults.apply(def, caps);
            Path socket = dir.resolve("m.sock");
            QemuCommandLine.build(def, caps, socket); // acceptance is judged on the fixture as written
            Files.createDirectories(dir);
            try (FixtureHostResources host = new FixtureHostResources(dir, loops)) {
                host.relocate(def);
                return start(name, libvirt, QemuCommandLine.build(def, caps, socket), socket,
                        dir.resolve("qemu.log"));
            }
        } catch (VirtException e) {
            return CorpusOutcome.refused(name, libvirt, e);
        } catch (FixtureHostResources.Unavailable e) {
            return CorpusOutcome.needsHost(name, libvirt, e.getMessage());
        } catch (Exception | AssertionError e) {
            return CorpusOutcome.failed(name, libvirt, e.toString());
        }
    }

    private static CorpusOutcome start(String name, CorpusOutcome.Expectation libvirt, List<String> argv,
            Path socket, Path log) throws InterruptedException {
        Process qemu = QemuProcess.start(argv, log);
        try (QmpClient qmp = QemuProcess.connectMonitor(qemu, socket, log, null, QMP_TIMEOUT)) {
            String status = qmp.execute("query-status").path("status").asText();
            if (!status.equals("prelaunch")) {
                return CorpusOutcome.failed(name, libvirt, "status " + status + " instead of prelaunch");
            }
            QemuProber.quit(qmp);
            if (!qemu.waitFor(QMP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                return CorpusOutcome.failed(name, libvirt, "QEMU did not quit");
            }
            if (qemu.exitValue() != 0) {
                return CorpusOutcome.failed(name, libvirt, "QEMU exited " + qemu.exitValue() + ": "
                        + QemuProcess.tail(log));
            }
            return CorpusOutcome.started(name, libvirt);
        } catch (VirtException e) {
            // The driver accepted this fixture: QEMU refusing it is the builder's bug.
            return CorpusOutcome.failed(name, libvirt, "accepted but QEMU did not start: " + e.getMessage()
                    + "\nargv: " + argv);
        } finally {
            if (qemu.isAlive()) {
                QemuProcess.terminate(qemu, Duration.ofSeconds(5));
            }
        }
    }
}
