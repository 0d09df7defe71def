package io.jvirt;

/** A storage pool's state, libvirt's {@code virStoragePoolState}, with virsh's words. */
public enum StoragePoolState {
    INACTIVE("inactive"),
    BUILDING("building"),
    RUNNING("running"),
    DEGRADED("degraded"),
    INACCESSIBLE("inaccessible");

    private final String label;

    StoragePoolState(String label) {
        this.label = label;
    }

    /** libvirt's number for this state. */
    public int value() {
        return ordinal();
    }

    /** virsh's word for this state, as {@code pool-info} prints it. */
    public String label() {
        return label;
    }
}
