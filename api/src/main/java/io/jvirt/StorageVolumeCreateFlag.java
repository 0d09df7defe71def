package io.jvirt;

/** Flags of volume creation, libvirt's {@code virStorageVolCreateFlags}. */
public enum StorageVolumeCreateFlag implements Flag {
    /** Preallocate metadata (qcow2). */
    PREALLOC_METADATA(1),
    /** Clone with a reflink where the file system allows. */
    REFLINK(2);

    private final int value;

    StorageVolumeCreateFlag(int value) {
        this.value = value;
    }

    @Override
    public int value() {
        return value;
    }
}
