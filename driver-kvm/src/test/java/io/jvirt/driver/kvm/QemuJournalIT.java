package io.jvirt.driver.kvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.Connection;
import io.jvirt.Domain;
import io.jvirt.DomainStateInfo;
import io.jvirt.DomainStateReason;
import io.jvirt.Virt;
import io.jvirt.VirtException;
import io.jvirt.driver.kvm.qmp.QmpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host opened afresh trusts a guest's status file while QEMU's event journal shows nothing
 * new, without connecting to its monitor, and asks QEMU when it does. The monitors are held
 * here by a client of our own: a host that tried to connect would wait for a greeting that
 * never comes, give up and kill the guest.
 */
class QemuJournalIT {
    /** The child JVMs and this one leave the monitors alone unless a command needs them. */
    private static final List<String> NO_BACKGROUND_ATTACH =
            List.of("-D" + QemuReconnect.ATTACH_DELAY_PROPERTY + "=3600000");

    @TempDir
    Path root;

    @BeforeAll
    static void needQemu() {
        InstalledQemu.require();
    }

    @AfterEach
    void killQemus() {
        System.clearProperty(QemuReconnect.ATTACH_DELAY_PROPERTY);
        QemuEmbedDriverIT.killOurQemus();
    }

    private static String xml(String name) {
        return "<domain type='qemu'><name>" + name + "</name><memory unit='MiB'>64</memory>"
                + "<vcpu>1</vcpu><os><type machine='pc'>hvm</type></os></domain>";
    }

    private Path monitorOf(Domain d) {
        return root.resolve("run/qemu/" + d.uuid() + ".sock");
    }

    private String inAnotherJvm(String domain, String action) throws Exception {
        return QemuEmbedDriverIT.inAnotherJvm(NO_BACKGROUND_ATTACH, root, domain, action);
    }

    private static String line(String when, DomainStateInfo state, int id) {
        return when + " " + state + " id=" + id;
    }

    @Test
    void aFreshProcessListsGuestsWithoutTouchingTheirMonitors() throws Exception {
        int runningId;
        int pausedId;
        Domain running;
        Domain paused;
        try (Connection c = Virt.open(QemuEmbedDriverIT.uri(root))) {
            running = c.defineDomain(xml("running"));
            running.start();
            runningId = running.id();
            paused = c.defineDomain(xml("paused"));
            paused.start();
            paused.suspend();
            pausedId = paused.id();
        }
        try (QmpClient a = QmpClient.connect(monitorOf(running), null, Duration.ofSeconds(10));
                QmpClient b = QmpClient.connect(monitorOf(paused), null, Duration.ofSeconds(10))) {
            String out = inAnotherJvm("running", "none");
            assertTrue(out.contains(line("before", DomainStateInfo.of(DomainStateReason.Running.BOOTED), runningId)), out);
            out = inAnotherJvm("paused", "none");
            assertTrue(out.contains(line("before", DomainStateInfo.of(DomainStateReason.Paused.USER), pausedId)), out);
            // Both QEMUs still run, their monitors ours alone all along.
            assertEquals("running", a.execute("query-status").path("status").asText());
            assertEquals("paused", b.execute("query-status").path("status").asText());
        }
    }

    @Test
    void whatQemuDidWhileNobodyWatchedIsAskedFor() throws Exception {
        Domain d;
        int id;
        try (Connection c = Virt.open(QemuEmbedDriverIT.uri(root))) {
            d = c.defineDomain(xml("g"));
            d.start();
            id = d.id();
        }
        try (QmpClient q = QmpClient.connect(monitorOf(d), null, Duration.ofSeconds(10))) {
            q.execute("stop"); // a pause nobody of ours made: the journal gets STOP
        }
        String out = inAnotherJvm("g", "none");
        assertTrue(out.contains(line("before", DomainStateInfo.of(DomainStateReason.Paused.UNKNOWN), id)), out);

        // A host that is open already notices as well, at its next look.
        System.setProperty(QemuReconnect.ATTACH_DELAY_PROPERTY, "3600000");
        try (Connection c = Virt.open(QemuEmbedDriverIT.uri(root))) {
            Domain g = c.lookupDomainByName("g");
            assertEquals(DomainStateInfo.of(DomainStateReason.Paused.UNKNOWN), g.state());
            try (QmpClient q = QmpClient.connect(monitorOf(d), null, Duration.ofSeconds(10))) {
                q.execute("cont");
            }
            assertEquals(DomainStateInfo.of(DomainStateReason.Running.UNKNOWN), g.state());
            g.suspend(); // the monitor, connected by the look above, takes commands
            assertEquals(DomainStateInfo.of(DomainStateReason.Paused.USER), g.state());
        }
        out = inAnotherJvm("g", "none");
        assertTrue(out.contains(line("before", DomainStateInfo.of(DomainStateReason.Paused.USER), id)), out);
    }

    @Test
    void aGuestKilledWhileNobodyWatchedCrashed() throws Exception {
        Domain d;
        try (Connection c = Virt.open(QemuEmbedDriverIT.uri(root))) {
            d = c.defineDomain(xml("k"));
            d.start();
        }
        ProcessHandle qemu = ProcessHandle.of(QemuEmbedDriverIT.statusPid(root, d)).orElseThrow();
        qemu.destroyForcibly();
        qemu.onExit().join();
        String out = inAnotherJvm("k", "none");
        assertTrue(out.contains(line("before", DomainStateInfo.of(DomainStateReason.Shutoff.CRASHED), -1)), out);
    }

    @Test
    void anInterruptedCallerLeavesTheGuestAlone() throws Exception {
        try (Connection c = Virt.open(QemuEmbedDriverIT.uri(root))) {
            c.defineDomain(xml("calm")).start();
        }
        System.setProperty(QemuReconnect.ATTACH_DELAY_PROPERTY, "3600000");
        try (Connection c = Virt.open(QemuEmbedDriverIT.uri(root))) {
            Domain d = c.lookupDomainByName("calm");
            // Connecting the monitor on an interrupted thread fails (the JDK closes the socket):
            // that says nothing about QEMU, which must not be taken for lost and killed.
            Thread.currentThread().interrupt();
            try {
                assertThrows(VirtException.class, d::suspend);
            } finally {
                Thread.interrupted();
            }
            assertEquals(DomainStateInfo.of(DomainStateReason.Running.BOOTED), d.state());
            d.suspend();
            assertEquals(DomainStateInfo.of(DomainStateReason.Paused.USER), d.state());
        }
    }
}
