package io.jvirt;

import java.util.Objects;

/**
 * A domain's state and why it is in it, libvirt's {@code virDomainGetState}; virsh's
 * {@code domstate --reason} prints it as {@code running (booted)}.
 */
public record DomainStateInfo(DomainState state, DomainStateReason reason) {
    public DomainStateInfo {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        if (reason.state() != state) {
            throw new IllegalArgumentException("reason " + reason + " is not a reason of " + state);
        }
    }

    /** The state and reason for a reason (which knows its state). */
    public static DomainStateInfo of(DomainStateReason reason) {
        return new DomainStateInfo(reason.state(), reason);
    }

    /** As virsh prints it with {@code --reason}: {@code shut off (destroyed)}. */
    @Override
    public String toString() {
        return state.label() + " (" + reason.label() + ")";
    }
}
