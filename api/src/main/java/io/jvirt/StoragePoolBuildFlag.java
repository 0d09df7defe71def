package io.jvirt;

/** Flags of pool building, libvirt's {@code virStoragePoolBuildFlags}. */
public enum StoragePoolBuildFlag implements Flag {
    /** Repair an existing pool. */
    REPAIR(1),
    /** Extend an existing pool. */
    RESIZE(2),
    /** Do not overwrite existing data. */
    NO_OVERWRITE(4),
    /** Overwrite existing data. */
    OVERWRITE(8);

    private final int value;

    StoragePoolBuildFlag(int value) {
        this.value = value;
    }

    @Override
    public int value() {
        return value;
    }
}
