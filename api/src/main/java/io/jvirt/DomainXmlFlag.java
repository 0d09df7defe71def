package io.jvirt;

/** What {@link Domain#xml} includes, libvirt's {@code virDomainXMLFlags}. */
public enum DomainXmlFlag implements Flag {
    /** Include security-sensitive information (passwords). */
    SECURE(1),
    /** The persistent configuration instead of the live one. */
    INACTIVE(2),
    /** Update the guest CPU requirements from the host. */
    UPDATE_CPU(4),
    /** A form suitable for migration. */
    MIGRATABLE(8);

    private final int value;

    DomainXmlFlag(int value) {
        this.value = value;
    }

    @Override
    public int value() {
        return value;
    }
}
