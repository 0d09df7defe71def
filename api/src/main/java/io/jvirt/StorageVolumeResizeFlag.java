package io.jvirt;

/** Flags of {@link StorageVolume#resize}, libvirt's {@code virStorageVolResizeFlags}. */
public enum StorageVolumeResizeFlag implements Flag {
    /** Allocate the new capacity. */
    ALLOCATE(1),
    /** The size is added to (or with SHRINK, taken from) the current capacity. */
    DELTA(2),
    /** Allow shrinking. */
    SHRINK(4);

    private final int value;

    StorageVolumeResizeFlag(int value) {
        this.value = value;
    }

    @Override
    public int value() {
        return value;
    }
}
