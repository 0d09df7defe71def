package io.jvirt.spi;

import io.jvirt.DomainEventDetail;
import io.jvirt.DomainState;
import io.jvirt.DomainStateInfo;
import io.jvirt.DomainStateReason;
import java.util.EnumSet;
import java.util.Set;

/**
 * libvirt's domain state machine: for each lifecycle transition, the states it may start from,
 * the state and reason it leaves, and the lifecycle event it emits (libvirt.md §6.1). Drivers
 * check {@link #allowedFrom} and report a refusal in their own wording, then apply
 * {@link #result} and publish {@link #event}.
 */
public enum DomainTransition {
    /** Boot a shut-off domain. */
    START(EnumSet.of(DomainState.SHUTOFF), DomainStateReason.Running.BOOTED,
            DomainEventDetail.Started.BOOTED),
    /** Boot a shut-off domain and leave it paused (libvirt also emits SUSPENDED/PAUSED). */
    START_PAUSED(EnumSet.of(DomainState.SHUTOFF), DomainStateReason.Paused.USER,
            DomainEventDetail.Started.BOOTED),
    /** Bring a saved domain back. */
    RESTORE(EnumSet.of(DomainState.SHUTOFF), DomainStateReason.Running.RESTORED,
            DomainEventDetail.Started.RESTORED),
    /** Pause a running domain. */
    SUSPEND(EnumSet.of(DomainState.RUNNING, DomainState.BLOCKED, DomainState.SHUTDOWN,
            DomainState.PMSUSPENDED, DomainState.CRASHED), DomainStateReason.Paused.USER,
            DomainEventDetail.Suspended.PAUSED),
    /** Continue a paused domain. */
    RESUME(EnumSet.of(DomainState.PAUSED), DomainStateReason.Running.UNPAUSED,
            DomainEventDetail.Resumed.UNPAUSED),
    /** The guest powered off. */
    SHUTDOWN(active(), DomainStateReason.Shutoff.SHUTDOWN, DomainEventDetail.Stopped.SHUTDOWN),
    /** Pulled the plug. */
    DESTROY(active(), DomainStateReason.Shutoff.DESTROYED, DomainEventDetail.Stopped.DESTROYED),
    /** Memory saved to a file; the domain stopped. */
    SAVE(active(), DomainStateReason.Shutoff.SAVED, DomainEventDetail.Stopped.SAVED),
    /** The guest or its emulator died. */
    CRASH(active(), DomainStateReason.Shutoff.CRASHED, DomainEventDetail.Stopped.CRASHED),
    /** The emulator failed while starting or running. */
    FAIL(active(), DomainStateReason.Shutoff.FAILED, DomainEventDetail.Stopped.FAILED);

    private final Set<DomainState> from;
    private final DomainStateInfo result;
    private final DomainEventDetail event;

    DomainTransition(Set<DomainState> from, DomainStateReason to, DomainEventDetail event) {
        this.from = from;
        this.result = DomainStateInfo.of(to);
        this.event = event;
    }

    private static Set<DomainState> active() {
        EnumSet<DomainState> s = EnumSet.allOf(DomainState.class);
        s.remove(DomainState.SHUTOFF);
        return s;
    }

    /** True if the transition may start from {@code state}. */
    public boolean allowedFrom(DomainState state) {
        return from.contains(state);
    }

    /** The state and reason the transition leaves. */
    public DomainStateInfo result() {
        return result;
    }

    /** The lifecycle event the transition emits. */
    public DomainEventDetail event() {
        return event;
    }
}
