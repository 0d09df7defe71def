package io.jvirt.driver.kvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jvirt.Domain;
import io.jvirt.DomainEventDetail;
import io.jvirt.DomainLifecycleEvent;
import io.jvirt.DomainState;
import io.jvirt.DomainStateInfo;
import io.jvirt.DomainStateReason;
import io.jvirt.DomainXmlFlag;
import io.jvirt.ErrorCode;
import io.jvirt.ListDomainsFlag;
import io.jvirt.Virt;
import io.jvirt.VirtException;
import io.jvirt.driver.kvm.qmp.QmpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The test guest (scripts/test-guest/build.sh) booted under TCG through {@code qemu:///embed}: a
 * real kernel that answers the ACPI power button, so graceful shutdown, crashes, reconnects,
 * save/restore and disk hotplug are seen as a libvirt user sees them.
 */
class QemuGuestBootIT extends EmbeddedQemuTest {
    /** Generous: a TCG boot takes seconds here, more on a loaded machine. */
    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(90);
    private static final long EVENT_WAIT_SECONDS = 60;

    private static TestGuest guest;

    private final BlockingQueue<DomainLifecycleEvent> events = new LinkedBlockingQueue<>();

    @BeforeAll
    static void needGuest() {
        guest = TestGuest.require();
    }

    @BeforeEach
    void listen() {
        conn.onDomainEvent(events::add);
    }

    private Domain define(String name) {
        return conn.defineDomain(guest.domainXml(name, serialLog(name)));
    }

    private Path serialLog(String name) {
        return files.resolve(name + ".serial.log");
    }

    private void expectEvent(String name, DomainEventDetail detail) throws InterruptedException {
        DomainLifecycleEvent e = events.poll(EVENT_WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(e, "no " + detail + " event for " + name + " within " + EVENT_WAIT_SECONDS + " s");
        assertEquals(name, e.domain().name(), "event " + e);
        assertEquals(detail, e.detail(), "event " + e);
    }

    /** Defines the guest {@code name} and boots it to its marker. */
    private Domain bootedGuest(String name) throws InterruptedException {
        Domain d = define(name);
        expectEvent(name, DomainEventDetail.Defined.ADDED);
        startAndAwaitGuest(d);
        return d;
    }

    private void startAndAwaitGuest(Domain d) throws InterruptedException {
        d.start();
        expectEvent(d.name(), DomainEventDetail.Started.BOOTED);
        TestGuest.awaitReady(serialLog(d.name()), BOOT_TIMEOUT);
    }

    private static List<String> names(List<Domain> domains) {
        return domains.stream().map(Domain::name).toList();
    }

    @Test
    void bootsSuspendsResumesShutsDownGracefullyStartsAgainAndIsDestroyed() throws Exception {
        Domain d = define("guest");
        expectEvent("guest", DomainEventDetail.Defined.ADDED);

        startAndAwaitGuest(d);
        assertEquals(DomainStateInfo.of(DomainStateReason.Running.BOOTED), d.state());
        assertEquals(List.of("guest"), names(conn.listAllDomains(ListDomainsFlag.RUNNING)));
        assertEquals(List.of(), names(conn.listAllDomains(ListDomainsFlag.INACTIVE)));

        d.suspend();
        expectEvent("guest", DomainEventDetail.Suspended.PAUSED);
        assertEquals(DomainStateInfo.of(DomainStateReason.Paused.USER), d.state());
        assertEquals(List.of("guest"), names(conn.listAllDomains(ListDomainsFlag.PAUSED)));
        d.resume();
        expectEvent("guest", DomainEventDetail.Resumed.UNPAUSED);
        assertEquals(DomainStateInfo.of(DomainStateReason.Running.UNPAUSED), d.state());

        // The power button: the guest's acpid powers it off, QEMU reports SHUTDOWN from the guest.
        d.shutdown();
        expectEvent("guest", DomainEventDetail.Shutdown.GUEST);
        expectEvent("guest", DomainEventDetail.Stopped.SHUTDOWN);
        assertEquals(DomainStateInfo.of(DomainStateReason.Shutoff.SHUTDOWN), d.state());
        assertEquals(-1, d.id());
        assertTrue(Files.readString(serialLog("guest"), StandardCharsets.ISO_8859_1).contains("JVIRT-GUEST-POWEROFF"),
                "the guest acted on the power button");
        assertEquals(List.of("guest"), names(conn.listAllDomains(ListDomainsFlag.INACTIVE)));
        assertEquals(List.of(), QemuEmbedDriverIT.ourQemus());

        // QEMU truncates the serial file at start: the one marker in it is the second boot's.
        startAndAwaitGuest(d);
        assertEquals(DomainStateInfo.of(DomainStateReason.Running.BOOTED), d.state());
        assertEquals(1, Files.readString(serialLog("guest"), StandardCharsets.ISO_8859_1)
                .split(TestGuest.READY, -1).length - 1, "markers in the serial log");
        d.destroy();
        expectEvent("guest", DomainEventDetail.Stopped.DESTROYED);
        assertEquals(DomainStateInfo.of(DomainStateReason.Shutoff.DESTROYED), d.state());

        d.undefine();
        expectEvent("guest", DomainEventDetail.Undefined.REMOVED);
        assertFalse(Files.exists(root.resolve("etc/qemu/guest.xml")));
        assertEquals(ErrorCode.NO_DOMAIN, assertThrows(VirtException.class, () -> conn.lookupDomainByName("guest")).code());
    }

    @Test
    void aGuestThatPoweredOffWhileNoProcessWatchedIsShutOffOnReconnect() throws Exception {
        Domain d = bootedGuest("alone");
        ProcessHandle qemu = ProcessHandle.of(qemuPid(d)).orElseThrow();
        Path monitor = root.resolve("run/qemu/" + d.uuid() + ".sock");
        conn.close();

        // Someone presses the power button while no process holds the monitor: the guest powers
        // off and QEMU, told -no-shutdown, waits in its "shutdown" state.
        try (QmpClient qmp = commandAndAwait(monitor, "system_powerdown", e -> e.name().equals("SHUTDOWN"),
                EVENT_WAIT_SECONDS)) {
            assertEquals("shutdown", qmp.execute("query-status").path("status").asText());
        }
        assertTrue(qemu.isAlive(), "QEMU waits after the guest's power-off");

        conn = Virt.open(QemuEmbedDriverIT.uri(root));
        Domain back = conn.lookupDomainByName("alone");
        assertEquals(DomainStateInfo.of(DomainStateReason.Shutoff.SHUTDOWN), back.state());
        assertEquals(-1, back.id());
        assertFalse(qemu.isAlive(), "the reconnect ended the waiting QEMU");
        assertFalse(Files.exists(root.resolve("run/qemu/" + d.uuid() + ".status")));
        conn.close();

        // And the next process agrees: shut off (the reason went with the process that saw it).
        conn = Virt.open(QemuEmbedDriverIT.uri(root));
        assertEquals(DomainState.SHUTOFF, conn.lookupDomainByName("alone").state().state());
    }

    @Test
    void aMissingKernelFileIsAClearErrorAndNothingRuns() throws Exception {
        Path missing = files.resolve("no-such-vmlinuz");
        Domain d = conn.defineDomain(guest.domainXml("nokernel", serialLog("nokernel"))
                .replace(guest.kernel().toString(), missing.toString()));
        expectEvent("nokernel", DomainEventDetail.Defined.ADDED);

        VirtException e = assertThrows(VirtException.class, d::start);
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage()); // QEMU's own words
        assertEquals(DomainStateInfo.of(DomainStateReason.Shutoff.UNKNOWN), d.state());
        assertEquals(-1, d.id());
        assertEquals(List.of(), QemuEmbedDriverIT.ourQemus());
        assertFalse(Files.exists(root.resolve("run/qemu/" + d.uuid() + ".status")));
        assertNull(events.poll(200, TimeUnit.MILLISECONDS), "no STARTED event");
    }

    @Test
    void killMinus9OfABootedGuestsQemuIsACrash() throws Exception {
        Domain d = bootedGuest("crash");
        ProcessHandle qemu = ProcessHandle.of(qemuPid(d)).orElseThrow();

        qemu.destroyForcibly(); // SIGKILL: no SHUTDOWN, only the monitor's EOF
        expectEvent("crash", DomainEventDetail.Stopped.CRASHED);
        assertEquals(DomainStateInfo.of(DomainStateReason.Shutoff.CRASHED), d.state());
        assertEquals(-1, d.id());
        assertFalse(Files.exists(root.resolve("run/qemu/" + d.uuid() + ".status")));

        startAndAwaitGuest(d); // a crashed guest boots again
        d.destroy();
        expectEvent("crash", DomainEventDetail.Stopped.DESTROYED);
    }

    @Test
    void aNewProcessFindsTheRunningGuestAndItStillShutsDownGracefully() throws Exception {
        Domain d = bootedGuest("kept");
        int id = d.id();
        long pid = qemuPid(d);
        conn.close(); // QEMU's monitor takes one client: this JVM lets go

        String out = QemuEmbedDriverIT.inAnotherJvm(root, "kept", "suspend");
        assertTrue(out.contains("before running (booted) id=" + id), out);
        assertTrue(out.contains("after paused (user) id=" + id), out);
        assertTrue(ProcessHandle.of(pid).orElseThrow().isAlive(), "the guest outlived both processes");

        conn = Virt.open(QemuEmbedDriverIT.uri(root));
        BlockingQueue<DomainLifecycleEvent> heard = new LinkedBlockingQueue<>();
        conn.onDomainEvent(heard::add);
        Domain back = conn.lookupDomainByName("kept");
        assertEquals(DomainStateInfo.of(DomainStateReason.Paused.USER), back.state());
        assertEquals(id, back.id());
        back.resume();
        back.shutdown();
        List<DomainEventDetail> details = new ArrayList<>();
        while (!details.contains(DomainEventDetail.Stopped.SHUTDOWN)) {
            DomainLifecycleEvent e = heard.poll(EVENT_WAIT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(e, "events so far " + details);
            details.add(e.detail());
        }
        assertEquals(List.of(DomainEventDetail.Resumed.UNPAUSED, DomainEventDetail.Shutdown.GUEST,
                DomainEventDetail.Stopped.SHUTDOWN), details);
        assertEquals(DomainStateInfo.of(DomainStateReason.Shutoff.SHUTDOWN), back.state());
        back.undefine();
    }

    /**
     * Presses the power button and waits for the guest to power off: proof that the kernel that
     * printed the marker still runs. The serial log is QEMU's of the current run only (QEMU
     * truncates it at each start, a restore included).
     */
    private void shutDownGracefully(Domain d) throws Exception {
        d.shutdown();
        expectEvent(d.name(), DomainEventDetail.Shutdown.GUEST);
        expectEvent(d.name(), DomainEventDetail.Stopped.SHUTDOWN);
        assertEquals(DomainStateInfo.of(DomainStateReason.Shutoff.SHUTDOWN), d.state());
        assertTrue(Files.readString(serialLog(d.name()), StandardCharsets.ISO_8859_1).contains("JVIRT-GUEST-POWEROFF"),
                "the guest acted on the power button");
    }

    @Test
    void aSavedGuestIsRestoredAliveAndStillAnswersThePowerButton() throws Exception {
        Domain d = bootedGuest("saved");
        int id = d.id();
        Path file = files.resolve("saved.save");

        d.save(file);
        expectEvent("saved", DomainEventDetail.Stopped.SAVED);
        assertEquals(DomainStateInfo.of(DomainStateReason.Shutoff.SAVED), d.state());
        assertEquals(-1, d.id());
        // The running kernel alone is larger than its compressed file: the image holds guest memory.
        assertTrue(Files.size(file) > Files.size(guest.kernel()), "image of " + Files.size(file) + " bytes");
        assertEquals(List.of(), QemuEmbedDriverIT.ourQemus());

        conn.restoreDomain(file);
        expectEvent("saved", DomainEventDetail.Started.RESTORED);
        assertEquals(DomainStateInfo.of(DomainStateReason.Running.RESTORED), d.state());
        assertTrue(d.id() > 0 && d.id() != id, "a new id: " + d.id());
        // The kernel is not booted again: it resumes where it was, past its marker.
        assertFalse(TestGuest.holdsReady(serialLog("saved")), "the restored guest did not boot again");
        shutDownGracefully(d);
        assertEquals(List.of(), QemuEmbedDriverIT.ourQemus());
    }

    @Test
    void aManagedSavedGuestIsRestoredByStart() throws Exception {
        Domain d = bootedGuest("managed");

        d.managedSave();
        expectEvent("managed", DomainEventDetail.Stopped.SAVED);
        assertEquals(DomainStateInfo.of(DomainStateReason.Shutoff.SAVED), d.state());
        assertTrue(d.hasManagedSaveImage());

        d.start();
        expectEvent("managed", DomainEventDetail.Started.RESTORED);
        assertEquals(DomainStateInfo.of(DomainStateReason.Running.RESTORED), d.state());
        assertFalse(d.hasManagedSaveImage(), "consumed by start");
        assertFalse(TestGuest.holdsReady(serialLog("managed")), "restored, not booted");
        shutDownGracefully(d);
    }

    /** The virtio disks QEMU has, by device id, from its block layer. */
    private List<String> qemuDisks(Domain d) {
        List<String> ids = new ArrayList<>();
        for (JsonNode b : qmp(d, "query-block")) {
            if (b.has("inserted")) {
                ids.add(b.path("qdev").asText());
            }
        }
        return ids;
    }

    @Test
    void aQcow2DiskIsPluggedIntoTheRunningGuestAndEjectedByIt() throws Exception {
        Path image = files.resolve("extra.qcow2");
        Process img = new ProcessBuilder("qemu-img", "create", "-q", "-f", "qcow2", image.toString(), "16M")
                .redirectErrorStream(true).start();
        String imgOut = new String(img.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, img.waitFor(), "qemu-img: " + imgOut);
        String disk = "<disk type='file' device='disk'><driver name='qemu' type='qcow2'/>"
                + "<source file='" + image + "'/><target dev='vdb' bus='virtio'/></disk>";
        Domain d = bootedGuest("plug");
        assertEquals(List.of(), qemuDisks(d));

        d.attachDevice(disk);
        assertTrue(d.xml().contains("<target dev='vdb' bus='virtio'/>"), d.xml());
        assertTrue(d.xml().contains(image.toString()), d.xml());
        assertFalse(d.xml(DomainXmlFlag.INACTIVE).contains("vdb"), "a live attach leaves the config alone");
        assertEquals(List.of("/machine/peripheral/virtio-disk1/virtio-backend"), qemuDisks(d));

        // Unplugging needs the guest's consent: its kernel (virtio_pci, ACPI hotplug) lets the
        // device go and QEMU reports DEVICE_DELETED. A guest that ignored the request would
        // keep the disk in the live XML; the bound only ends the wait of a failing test.
        d.detachDevice(disk);
        long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
        while (d.xml().contains("vdb") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(d.xml().contains("vdb"), "the guest ejected the disk: " + d.xml());
        assertEquals(List.of(), qemuDisks(d));
        assertEquals(DomainStateInfo.of(DomainStateReason.Running.BOOTED), d.state());
        shutDownGracefully(d);
        assertNull(events.poll(200, TimeUnit.MILLISECONDS), "no other event");
    }
}
