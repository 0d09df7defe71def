package io.jvirt;

/** Flags of {@link Connection#defineDomain}, libvirt's {@code virDomainDefineFlags}. */
public enum DomainDefineFlag implements Flag {
    /** Validate the XML against the schema. */
    VALIDATE(1);

    private final int value;

    DomainDefineFlag(int value) {
        this.value = value;
    }

    @Override
    public int value() {
        return value;
    }
}
