package io.jvirt;

/** A storage volume (libvirt's {@code virStorageVolPtr}): a disk image in a {@link StoragePool}. */
public interface StorageVolume {
    /** The pool this volume lives in. */
    StoragePool pool();

    /** The volume's name within its pool. */
    String name();

    /** The volume's unique key (for file volumes, its path). */
    String key();

    /** The volume's path on the host. */
    String path();

    /** Type and sizes. */
    StorageVolumeInfo info();

    /** The volume's XML ({@code <volume>}). */
    String xml();

    /** Deletes the volume. */
    void delete(StorageVolumeDeleteFlag... flags);

    /** Changes the capacity to {@code capacity} bytes (or by it, with {@link StorageVolumeResizeFlag#DELTA}). */
    void resize(long capacity, StorageVolumeResizeFlag... flags);

    /** Overwrites the volume's data with zeros. */
    void wipe();
}
