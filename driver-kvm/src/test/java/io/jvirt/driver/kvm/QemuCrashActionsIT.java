package io.jvirt.driver.kvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.Domain;
import io.jvirt.DomainEventDetail;
import io.jvirt.DomainLifecycleEvent;
import io.jvirt.DomainStateInfo;
import io.jvirt.DomainStateReason;
import io.jvirt.Virt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * on_crash with the test guest told to panic ({@code jvirt.panic}: sysrq 'c' right after its
 * marker), reported through a {@code <panic>} device: QEMU's GUEST_PANICKED, as a libvirt user
 * sees it.
 */
class QemuCrashActionsIT extends EmbeddedQemuTest {
    private static final Duration BOOT = Duration.ofSeconds(90);
    private static final long EVENT_WAIT_SECONDS = 60;

    private static TestGuest guest;

    private final BlockingQueue<DomainLifecycleEvent> events = new LinkedBlockingQueue<>();

    @BeforeAll
    static void needGuest() {
        guest = TestGuest.require();
    }

    /** A started guest and its QEMU's pid, taken before the guest can panic. */
    private record Guest(Domain domain, long pid) {
    }

    /** Starts a guest that panics once booted, with {@code panic} and {@code on_crash}. */
    private Guest panickingGuest(String name, String panic, String onCrash) throws InterruptedException {
        String xml = guest.domainXml(name, serial(name))
                .replace("quiet</cmdline>", "quiet jvirt.panic</cmdline>")
                .replace("  <devices>", "  <on_crash>" + onCrash + "</on_crash>\n  <devices>")
                .replace("  </devices>", "    " + panic + "\n  </devices>");
        Domain d = conn.defineDomain(xml);
        conn.onDomainEvent(d, events::add);
        d.start();
        long pid = qemuPid(d);
        assertEquals(DomainEventDetail.Started.BOOTED, nextEvent());
        TestGuest.awaitReady(serial(name), BOOT);
        return new Guest(d, pid);
    }

    private DomainEventDetail nextEvent() throws InterruptedException {
        DomainLifecycleEvent e = events.poll(EVENT_WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(e, "no event within " + EVENT_WAIT_SECONDS + " s");
        return e.detail();
    }

    private int boots(String name) throws IOException {
        String log = Files.readString(serial(name), StandardCharsets.ISO_8859_1);
        return log.split(TestGuest.READY, -1).length - 1;
    }

    @Test
    void onCrashDestroyShutsTheGuestOffAsCrashed() throws Exception {
        Guest g = panickingGuest("crashdestroy", "<panic model='isa'/>", "destroy");
        Domain d = g.domain();
        assertEquals(DomainEventDetail.Crashed.PANICKED, nextEvent());
        assertEquals(DomainEventDetail.Stopped.CRASHED, nextEvent());
        assertEquals(DomainStateInfo.of(DomainStateReason.Shutoff.CRASHED), d.state());
        assertFalse(d.isActive());
        assertFalse(ProcessHandle.of(g.pid()).map(ProcessHandle::isAlive).orElse(false), "QEMU is gone");
    }

    @Test
    void onCrashRestartResetsTheSameQemuAndTheGuestBootsAgain() throws Exception {
        Guest g = panickingGuest("crashrestart", "<panic model='isa'><address type='isa' iobase='0x505'/></panic>",
                "restart");
        Domain d = g.domain();
        int id = d.id();
        assertEquals(DomainEventDetail.Crashed.PANICKED, nextEvent());
        // As libvirt's fake reboot after a panic: running again, reason crashed, no other event.
        long deadline = System.nanoTime() + BOOT.toNanos();
        while (boots("crashrestart") < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(boots("crashrestart") >= 2, "the guest booted again");
        assertEquals(g.pid(), qemuPid(d), "the same QEMU");
        assertEquals(id, d.id());
        // It panics again on every boot: each panic is one CRASHED event and another restart.
        assertEquals(DomainEventDetail.Crashed.PANICKED, nextEvent());
        DomainStateInfo state = d.state();
        assertTrue(state.equals(DomainStateInfo.of(DomainStateReason.Running.CRASHED))
                || state.equals(DomainStateInfo.of(DomainStateReason.Crashed.PANICKED)), state.toString());
        d.destroy();
        DomainEventDetail last;
        do {
            last = nextEvent();
        } while (last == DomainEventDetail.Crashed.PANICKED);
        assertEquals(DomainEventDetail.Stopped.DESTROYED, last);
        assertEquals(DomainStateInfo.of(DomainStateReason.Shutoff.DESTROYED), d.state());
    }

    @Test
    void onCrashPreserveKeepsTheCrashedGuestUntilDestroyed() throws Exception {
        Guest g = panickingGuest("crashpreserve", "<panic model='pvpanic'/>", "preserve");
        Domain d = g.domain();
        assertEquals(DomainEventDetail.Crashed.PANICKED, nextEvent());
        assertEquals(DomainStateInfo.of(DomainStateReason.Crashed.PANICKED), d.state());
        assertTrue(d.isActive());
        assertEquals(g.pid(), qemuPid(d), "QEMU is kept for debugging");
        assertEquals("guest-panicked", qmp(d, "query-status").path("status").asText());
        // Nothing else happens to a preserved guest: the STOP that came with the panic is no pause.
        assertNull(events.poll(500, TimeUnit.MILLISECONDS));
        assertEquals(DomainStateInfo.of(DomainStateReason.Crashed.PANICKED), d.state());
        d.destroy();
        assertEquals(DomainEventDetail.Stopped.DESTROYED, nextEvent());
        assertEquals(DomainStateInfo.of(DomainStateReason.Shutoff.DESTROYED), d.state());
    }

    @Test
    void aNewProcessFindsAPreservedGuestCrashed() throws Exception {
        panickingGuest("crashfound", "<panic model='isa'/>", "preserve");
        assertEquals(DomainEventDetail.Crashed.PANICKED, nextEvent());
        conn.close(); // QEMU's monitor takes one client: this JVM lets go

        String crashed = DomainStateInfo.of(DomainStateReason.Crashed.PANICKED).toString();
        String out = QemuEmbedDriverIT.inAnotherJvm(root, "crashfound", "none");
        assertTrue(out.contains("before " + crashed) && out.contains("after " + crashed), out);

        conn = Virt.open(QemuEmbedDriverIT.uri(root));
        Domain found = conn.lookupDomainByName("crashfound");
        assertEquals(DomainStateInfo.of(DomainStateReason.Crashed.PANICKED), found.state());
        found.destroy();
        assertEquals(DomainStateInfo.of(DomainStateReason.Shutoff.DESTROYED), found.state());
    }
}
