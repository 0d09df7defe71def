package io.jvirt;

/** Flags of {@link Domain#save}, {@link Domain#managedSave} and {@link Connection#restoreDomain}, libvirt's {@code virDomainSaveRestoreFlags}. */
public enum DomainSaveFlag implements Flag {
    /** Avoid the file system cache. */
    BYPASS_CACHE(1),
    /** Restore as running, whatever the image says. */
    RUNNING(2),
    /** Restore as paused, whatever the image says. */
    PAUSED(4),
    /** Re-initialise the NVRAM on restore. */
    RESET_NVRAM(8);

    private final int value;

    DomainSaveFlag(int value) {
        this.value = value;
    }

    @Override
    public int value() {
        return value;
    }
}
