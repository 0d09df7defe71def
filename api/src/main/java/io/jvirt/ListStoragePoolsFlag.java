package io.jvirt;

/** Filters for {@link Connection#listAllStoragePools}, libvirt's {@code virConnectListAllStoragePoolsFlags} (the pool-type bits are left out; filter on {@link StoragePool#xml} instead). */
public enum ListStoragePoolsFlag implements Flag {
    /** Inactive pools. */
    INACTIVE(1),
    /** Active pools. */
    ACTIVE(2),
    /** Persistent pools. */
    PERSISTENT(4),
    /** Transient pools. */
    TRANSIENT(8),
    /** Pools marked for autostart. */
    AUTOSTART(16),
    /** Pools not marked for autostart. */
    NO_AUTOSTART(32);

    private final int value;

    ListStoragePoolsFlag(int value) {
        this.value = value;
    }

    @Override
    public int value() {
        return value;
    }
}
