package io.jvirt;

/** Flags of {@link Domain#destroy}, libvirt's {@code virDomainDestroyFlagsValues}. */
public enum DomainDestroyFlag implements Flag {
    /** Send SIGTERM only, never SIGKILL. */
    GRACEFUL(1),
    /** Remove the domain's log files. */
    REMOVE_LOGS(2);

    private final int value;

    DomainDestroyFlag(int value) {
        this.value = value;
    }

    @Override
    public int value() {
        return value;
    }
}
