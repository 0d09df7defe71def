package io.jvirt;

/** How {@link Domain#start} and {@link Connection#createDomain} start a guest, libvirt's {@code virDomainCreateFlags}. */
public enum DomainStartFlag implements Flag {
    /** Leave the guest paused after starting. */
    PAUSED(1),
    /** Destroy the guest when the connection closes. */
    AUTODESTROY(2),
    /** Avoid the file system cache when restoring a managed save. */
    BYPASS_CACHE(4),
    /** Boot, discarding any managed save image. */
    FORCE_BOOT(8),
    /** Validate the XML against the schema. */
    VALIDATE(16),
    /** Re-initialise the NVRAM from its template. */
    RESET_NVRAM(32);

    private final int value;

    DomainStartFlag(int value) {
        this.value = value;
    }

    @Override
    public int value() {
        return value;
    }
}
