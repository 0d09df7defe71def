package io.jvirt;

/** Flags of {@link Domain#coreDump}, libvirt's {@code virDomainCoreDumpFlags}. */
public enum DomainCoreDumpFlag implements Flag {
    /** Crash the domain after the dump: it is shut off (crashed). */
    CRASH(1),
    /** Dump while the guest keeps running, where the driver can. */
    LIVE(2),
    /** Avoid the file system cache. */
    BYPASS_CACHE(4),
    /** Reset the domain after the dump. */
    RESET(8),
    /** Dump the guest's memory only (an ELF core), not the hypervisor's device state. */
    MEMORY_ONLY(16);

    private final int value;

    DomainCoreDumpFlag(int value) {
        this.value = value;
    }

    @Override
    public int value() {
        return value;
    }
}
