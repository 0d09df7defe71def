package io.jvirt;

/** Which metadata {@link Domain#metadata} reads or writes, libvirt's {@code virDomainMetadataType}. */
public enum DomainMetadataType {
    /** The {@code <description>} element. */
    DESCRIPTION,
    /** The {@code <title>} element. */
    TITLE,
    /** An application's element under {@code <metadata>}, identified by its namespace URI. */
    ELEMENT;

    /** libvirt's number for this type. */
    public int value() {
        return ordinal();
    }
}
