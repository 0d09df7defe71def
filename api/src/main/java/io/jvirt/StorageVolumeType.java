package io.jvirt;

/** What backs a storage volume, libvirt's {@code virStorageVolType}, with virsh's words. */
public enum StorageVolumeType {
    FILE("file"),
    BLOCK("block"),
    DIR("dir"),
    NETWORK("network"),
    NETDIR("netdir"),
    PLOOP("ploop");

    private final String label;

    StorageVolumeType(String label) {
        this.label = label;
    }

    /** libvirt's number for this type. */
    public int value() {
        return ordinal();
    }

    /** virsh's word for this type, as {@code vol-info} prints it. */
    public String label() {
        return label;
    }
}
