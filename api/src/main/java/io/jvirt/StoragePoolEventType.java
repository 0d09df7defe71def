package io.jvirt;

/** What happened to a storage pool, libvirt's {@code virStoragePoolEventLifecycleType}. */
public enum StoragePoolEventType {
    DEFINED("Defined"),
    UNDEFINED("Undefined"),
    STARTED("Started"),
    STOPPED("Stopped"),
    CREATED("Created"),
    DELETED("Deleted");

    private final String label;

    StoragePoolEventType(String label) {
        this.label = label;
    }

    /** libvirt's number for this event. */
    public int value() {
        return ordinal();
    }

    /** virsh's word for it, as {@code pool-event} prints it. */
    public String label() {
        return label;
    }
}
