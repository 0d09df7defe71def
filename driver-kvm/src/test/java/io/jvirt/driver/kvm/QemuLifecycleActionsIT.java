package io.jvirt.driver.kvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.Domain;
import io.jvirt.DomainEventDetail;
import io.jvirt.DomainLifecycleEvent;
import io.jvirt.DomainShutdownFlag;
import io.jvirt.DomainStateInfo;
import io.jvirt.DomainStateReason;
import io.jvirt.ErrorCode;
import io.jvirt.VirtException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Reboot, reset, and the on_poweroff/on_reboot actions, with a {@link PowerButtonGuest} that
 * answers the ACPI power button under TCG.
 */
class QemuLifecycleActionsIT extends EmbeddedQemuTest {
    private static final Duration BOOT = Duration.ofSeconds(30);

    private final BlockingQueue<DomainLifecycleEvent> events = new LinkedBlockingQueue<>();

    private record Guest(Domain domain, Path serial) {
    }

    private Guest boot(String name, PowerButtonGuest.Answer answer, String lifecycle) throws Exception {
        Domain d = bootGuest(name, answer, lifecycle);
        conn.onDomainEvent(d, events::add);
        return new Guest(d, serial(name));
    }

    private DomainEventDetail nextEvent() throws InterruptedException {
        DomainLifecycleEvent e = events.poll(20, TimeUnit.SECONDS);
        assertNotNull(e, "no event within 20 s");
        return e.detail();
    }

    @Test
    void shutdownOfAGuestThatAnswersShutsItOff() throws Exception {
        Guest g = boot("answers", PowerButtonGuest.Answer.POWER_OFF, "");
        g.domain().shutdown();
        assertEquals(DomainEventDetail.Shutdown.GUEST, nextEvent());
        assertEquals(DomainEventDetail.Stopped.SHUTDOWN, nextEvent());
        assertEquals(DomainStateInfo.of(DomainStateReason.Shutoff.SHUTDOWN), g.domain().state());
    }

    @Test
    void rebootIsAFakeRebootTheSameQemuBootsAgainWithoutLifecycleEvents() throws Exception {
        Guest g = boot("rebooter", PowerButtonGuest.Answer.POWER_OFF, "");
        long pid = qemuPid(g.domain());
        int id = g.domain().id();

        g.domain().reboot();

        assertTrue(PowerButtonGuest.awaitBoots(g.serial(), 2, BOOT), "no second boot");
        assertEquals(DomainStateInfo.of(DomainStateReason.Running.BOOTED), g.domain().state());
        assertEquals(pid, qemuPid(g.domain()), "the same QEMU");
        assertEquals(id, g.domain().id());
        assertNull(events.poll(300, TimeUnit.MILLISECONDS), "a reboot is no lifecycle event");

        // The reboot was one-off: the next power-off is a power-off.
        g.domain().shutdown();
        assertEquals(DomainEventDetail.Shutdown.GUEST, nextEvent());
        assertEquals(DomainEventDetail.Stopped.SHUTDOWN, nextEvent());
    }

    @Test
    void onPoweroffRestartBootsAgainAfterAGuestPowerOff() throws Exception {
        Guest g = boot("phoenix", PowerButtonGuest.Answer.POWER_OFF, "<on_poweroff>restart</on_poweroff>");
        g.domain().shutdown();
        assertTrue(PowerButtonGuest.awaitBoots(g.serial(), 2, BOOT), "no second boot");
        assertEquals(DomainStateInfo.of(DomainStateReason.Running.BOOTED), g.domain().state());
        g.domain().shutdown();
        assertTrue(PowerButtonGuest.awaitBoots(g.serial(), 3, BOOT), "no third boot");
        assertNull(events.poll(300, TimeUnit.MILLISECONDS), "no lifecycle events");
    }

    @Test
    void onRebootDestroyTurnsAGuestRebootIntoAShutdown() throws Exception {
        Guest g = boot("norestart", PowerButtonGuest.Answer.REBOOT, "<on_reboot>destroy</on_reboot>");
        g.domain().shutdown(); // the guest answers by resetting itself: -no-reboot makes it a SHUTDOWN
        assertEquals(DomainEventDetail.Shutdown.GUEST, nextEvent());
        assertEquals(DomainEventDetail.Stopped.SHUTDOWN, nextEvent());
        assertEquals(1, PowerButtonGuest.boots(g.serial()));
    }

    @Test
    void aGuestRebootWithOnRebootRestartKeepsRunning() throws Exception {
        Guest g = boot("resetter", PowerButtonGuest.Answer.REBOOT, "");
        g.domain().shutdown();
        assertTrue(PowerButtonGuest.awaitBoots(g.serial(), 2, BOOT), "no second boot");
        assertEquals(DomainStateInfo.of(DomainStateReason.Running.BOOTED), g.domain().state());
    }

    @Test
    void rebootWithOnRebootDestroyIsAShutdownAsInLibvirt() throws Exception {
        Guest g = boot("overridden", PowerButtonGuest.Answer.POWER_OFF, "<on_reboot>destroy</on_reboot>");
        g.domain().reboot();
        assertEquals(DomainEventDetail.Shutdown.GUEST, nextEvent());
        assertEquals(DomainEventDetail.Stopped.SHUTDOWN, nextEvent());
    }

    @Test
    void resetRestartsTheMachineAtOnce() throws Exception {
        Guest g = boot("resetbutton", PowerButtonGuest.Answer.POWER_OFF, "");
        g.domain().reset();
        assertTrue(PowerButtonGuest.awaitBoots(g.serial(), 2, BOOT), "no second boot");
        assertEquals(DomainStateInfo.of(DomainStateReason.Running.BOOTED), g.domain().state());
        assertNull(events.poll(300, TimeUnit.MILLISECONDS), "a reset is no lifecycle event");
    }

    @Test
    void flagsAndActionsTheDriverCannotHonourAreRefused() throws Exception {
        Guest g = boot("flags", PowerButtonGuest.Answer.POWER_OFF, "");
        VirtException agent = assertThrows(VirtException.class,
                () -> g.domain().reboot(DomainShutdownFlag.GUEST_AGENT));
        assertEquals(ErrorCode.ARGUMENT_UNSUPPORTED, agent.code());
        assertEquals(ErrorCode.INVALID_ARG, assertThrows(VirtException.class,
                () -> g.domain().shutdown(DomainShutdownFlag.INITCTL)).code());
        assertEquals(DomainStateInfo.of(DomainStateReason.Running.BOOTED), g.domain().state());

        for (String lifecycle : List.of("<on_poweroff>preserve</on_poweroff>",
                "<on_reboot>rename-restart</on_reboot>", "<on_crash>rename-restart</on_crash>",
                "<on_poweroff>restart</on_poweroff><on_reboot>destroy</on_reboot>")) {
            String xml = PowerButtonGuest.xml("refused", files.resolve("x.img"), files.resolve("x.serial"), lifecycle);
            VirtException e = assertThrows(VirtException.class, () -> conn.defineDomain(xml), lifecycle);
            assertEquals(ErrorCode.CONFIG_UNSUPPORTED, e.code(), lifecycle);
        }
    }
}
