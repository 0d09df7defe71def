package io.jvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * States, reasons and event details carry libvirt's numbers (libvirt-domain.h) and virsh's words
 * (tools/virsh-domain-monitor.c, tools/virsh-domain-event.c, extracted from libvirt 9.0).
 */
class StatesAndEventsTest {

    private static List<String> labels(DomainStateReason[] reasons) {
        for (int i = 0; i < reasons.length; i++) {
            assertEquals(i, reasons[i].value(), "libvirt's number of " + reasons[i]);
        }
        return Arrays.stream(reasons).map(DomainStateReason::label).collect(Collectors.toList());
    }

    private static List<String> labels(DomainEventDetail[] details) {
        for (int i = 0; i < details.length; i++) {
            assertEquals(i, details[i].value(), "libvirt's number of " + details[i]);
        }
        return Arrays.stream(details).map(DomainEventDetail::label).collect(Collectors.toList());
    }

    @Test
    void statesAreVirshs() {
        assertEquals(List.of("no state", "running", "idle", "paused", "in shutdown", "shut off", "crashed",
                "pmsuspended"), Arrays.stream(DomainState.values()).map(DomainState::label).toList());
        for (DomainState s : DomainState.values()) {
            assertEquals(s.ordinal(), s.value());
            assertSame(s, DomainState.of(s.value()));
        }
        assertThrows(IllegalArgumentException.class, () -> DomainState.of(8));
    }

    @Test
    void reasonsAreVirshs() {
        assertEquals(List.of("unknown", "booted", "migrated", "restored", "from snapshot", "unpaused",
                "migration canceled", "save canceled", "event wakeup", "crashed", "post-copy", "post-copy failed"),
                labels(DomainStateReason.Running.values()));
        assertEquals(List.of("unknown", "user", "migrating", "saving", "dumping", "I/O error", "watchdog",
                "from snapshot", "shutting down", "creating snapshot", "crashed", "starting up", "post-copy",
                "post-copy failed"), labels(DomainStateReason.Paused.values()));
        assertEquals(List.of("unknown", "user"), labels(DomainStateReason.Shutdown.values()));
        assertEquals(List.of("unknown", "shutdown", "destroyed", "crashed", "migrated", "saved", "failed",
                "from snapshot", "daemon"), labels(DomainStateReason.Shutoff.values()));
        assertEquals(List.of("unknown", "panicked"), labels(DomainStateReason.Crashed.values()));
        assertEquals(List.of("unknown"), labels(DomainStateReason.NoState.values()));
        assertEquals(List.of("unknown"), labels(DomainStateReason.Blocked.values()));
        assertEquals(List.of("unknown"), labels(DomainStateReason.PmSuspended.values()));
    }

    @Test
    void reasonsByNumber() {
        assertSame(DomainStateReason.Shutoff.SAVED, DomainStateReason.of(DomainState.SHUTOFF, 5));
        assertSame(DomainStateReason.Running.UNKNOWN, DomainStateReason.of(DomainState.RUNNING, 99));
        assertEquals("shut off (destroyed)", DomainStateInfo.of(DomainStateReason.Shutoff.DESTROYED).toString());
        assertThrows(IllegalArgumentException.class,
                () -> new DomainStateInfo(DomainState.RUNNING, DomainStateReason.Shutoff.SAVED));
    }

    @Test
    void eventTypesAndDetailsAreVirshs() {
        assertEquals(List.of("Defined", "Undefined", "Started", "Suspended", "Resumed", "Stopped", "Shutdown",
                "PMSuspended", "Crashed"), Arrays.stream(DomainEventType.values()).map(DomainEventType::label).toList());
        assertEquals(List.of("Added", "Updated", "Renamed", "Snapshot"), labels(DomainEventDetail.Defined.values()));
        assertEquals(List.of("Removed", "Renamed"), labels(DomainEventDetail.Undefined.values()));
        assertEquals(List.of("Booted", "Migrated", "Restored", "Snapshot", "Event wakeup"),
                labels(DomainEventDetail.Started.values()));
        assertEquals(List.of("Paused", "Migrated", "I/O Error", "Watchdog", "Restored", "Snapshot", "API error",
                "Post-copy", "Post-copy Error"), labels(DomainEventDetail.Suspended.values()));
        assertEquals(List.of("Unpaused", "Migrated", "Snapshot", "Post-copy", "Post-copy Error"),
                labels(DomainEventDetail.Resumed.values()));
        assertEquals(List.of("Shutdown", "Destroyed", "Crashed", "Migrated", "Saved", "Failed", "Snapshot"),
                labels(DomainEventDetail.Stopped.values()));
        assertEquals(List.of("Finished", "Finished after guest request", "Finished after host request"),
                labels(DomainEventDetail.Shutdown.values()));
        assertEquals(List.of("Memory", "Disk"), labels(DomainEventDetail.PmSuspended.values()));
        assertEquals(List.of("Panicked", "Crashloaded"), labels(DomainEventDetail.Crashed.values()));
        for (DomainEventType t : DomainEventType.values()) {
            assertEquals(t.ordinal(), t.value());
        }
    }

    @Test
    void anEventPrintsAsVirshsEventCommand() {
        Domain d = mock(Domain.class);
        when(d.name()).thenReturn("demo");
        DomainLifecycleEvent e = new DomainLifecycleEvent(d, DomainEventType.STOPPED, DomainEventDetail.Stopped.DESTROYED);
        assertEquals("event 'lifecycle' for domain 'demo': Stopped Destroyed", e.toString());
    }

    @Test
    void listFlagsAreLibvirtsBits() {
        int bit = 1;
        for (ListDomainsFlag f : ListDomainsFlag.values()) {
            assertEquals(bit, f.value(), f.name());
            bit <<= 1;
        }
        assertEquals(1 | 2, Flag.mask(List.of(DomainXmlFlag.SECURE, DomainXmlFlag.INACTIVE)));
    }
}
