package io.jvirt;

import java.util.List;
import java.util.UUID;

/** A storage pool (libvirt's {@code virStoragePoolPtr}): a place volumes live, such as a directory. */
public interface StoragePool {
    /** The connection this handle belongs to. */
    Connection connection();

    /** The pool's name. */
    String name();

    /** The pool's UUID. */
    UUID uuid();

    /** State and sizes. */
    StoragePoolInfo info();

    /** The pool's XML; {@code inactive} for the persistent definition. */
    String xml(boolean inactive);

    /** Builds the pool's underlying storage (creates the directory, ...). */
    void build(StoragePoolBuildFlag... flags);

    /** Starts (activates) the pool, building it first with {@link StoragePoolCreateFlag#WITH_BUILD}. */
    void start(StoragePoolCreateFlag... flags);

    /** Stops the pool; a transient pool disappears. */
    void destroy();

    /** Deletes the pool's underlying storage. */
    void delete();

    /** Rescans the pool's volumes. */
    void refresh();

    /** Removes the persistent definition. */
    void undefine();

    /** True if the pool starts with the host. */
    boolean autostart();

    /** Marks the pool to start with the host, or not. */
    void setAutostart(boolean autostart);

    /** True while the pool is active. */
    boolean isActive();

    /** True if the pool has a persistent definition. */
    boolean isPersistent();

    /** The pool's volumes. */
    List<StorageVolume> listAllVolumes();

    /** The volume called {@code name}, else {@link ErrorCode#NO_STORAGE_VOL}. */
    StorageVolume lookupVolumeByName(String name);

    /** Creates a volume from its XML ({@code <volume>}). */
    StorageVolume createVolume(String xml, StorageVolumeCreateFlag... flags);

    /** Creates a volume from its XML, filled with a copy of {@code source}. */
    StorageVolume createVolumeFrom(String xml, StorageVolume source, StorageVolumeCreateFlag... flags);

    /**
     * Creates a volume of {@code capacity} bytes in {@code format} ("raw", "qcow2"; null for the
     * pool's default), as virsh's {@code vol-create-as}.
     */
    StorageVolume createVolume(String name, long capacity, String format);
}
