package io.jvirt;

/** Flags of {@link StorageVolume#delete}, libvirt's {@code virStorageVolDeleteFlags}. */
public enum StorageVolumeDeleteFlag implements Flag {
    /** Clear all data to zeros before deleting. */
    ZEROED(1),
    /** Also delete the volume's snapshots. */
    WITH_SNAPSHOTS(2);

    private final int value;

    StorageVolumeDeleteFlag(int value) {
        this.value = value;
    }

    @Override
    public int value() {
        return value;
    }
}
