package io.jvirt;

/** A domain's state, libvirt's {@code virDomainState}, with virsh's words for it. */
public enum DomainState {
    NOSTATE(0, "no state"),
    RUNNING(1, "running"),
    BLOCKED(2, "idle"),
    PAUSED(3, "paused"),
    SHUTDOWN(4, "in shutdown"),
    SHUTOFF(5, "shut off"),
    CRASHED(6, "crashed"),
    PMSUSPENDED(7, "pmsuspended");

    private final int value;
    private final String label;

    DomainState(int value, String label) {
        this.value = value;
        this.label = label;
    }

    /** libvirt's number for this state. */
    public int value() {
        return value;
    }

    /** virsh's word for this state ("shut off"). */
    public String label() {
        return label;
    }

    /** True for every state but {@link #SHUTOFF}: the domain has an id and uses resources. */
    public boolean isActive() {
        return this != SHUTOFF;
    }

    /** The state with libvirt's number {@code value}. */
    public static DomainState of(int value) {
        for (DomainState s : values()) {
            if (s.value == value) {
                return s;
            }
        }
        throw new IllegalArgumentException("no domain state " + value);
    }
}
