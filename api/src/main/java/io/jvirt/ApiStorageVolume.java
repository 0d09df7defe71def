package io.jvirt;

import io.jvirt.spi.StorageDriver;
import io.jvirt.spi.StorageVolumeRef;

/** A storage volume handle over the driver's storage table. */
final class ApiStorageVolume implements StorageVolume {
    private final ApiConnection conn;
    private final StorageVolumeRef ref;

    ApiStorageVolume(ApiConnection conn, StorageVolumeRef ref) {
        this.conn = conn;
        this.ref = ref;
    }

    StorageVolumeRef ref() {
        return ref;
    }

    private StorageDriver write(String api) {
        StorageDriver s = conn.storage(api);
        conn.checkWritable(api, ErrorDomain.STORAGE);
        return s;
    }

    @Override
    public StoragePool pool() {
        return new ApiStoragePool(conn, conn.storage("virStoragePoolLookupByVolume").volumePool(ref));
    }

    @Override
    public String name() {
        return ref.name();
    }

    @Override
    public String key() {
        return ref.key();
    }

    @Override
    public String path() {
        return conn.storage("virStorageVolGetPath").volumePath(ref);
    }

    @Override
    public StorageVolumeInfo info() {
        return conn.storage("virStorageVolGetInfo").volumeInfo(ref);
    }

    @Override
    public String xml() {
        return conn.storage("virStorageVolGetXMLDesc").volumeXml(ref);
    }

    @Override
    public void delete(StorageVolumeDeleteFlag... flags) {
        write("virStorageVolDelete").volumeDelete(ref, Flags.of(StorageVolumeDeleteFlag.class, flags));
    }

    @Override
    public void resize(long capacity, StorageVolumeResizeFlag... flags) {
        write("virStorageVolResize").volumeResize(ref, capacity, Flags.of(StorageVolumeResizeFlag.class, flags));
    }

    @Override
    public void wipe() {
        write("virStorageVolWipe").volumeWipe(ref);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiStorageVolume other && other.conn == conn && other.ref.key().equals(ref.key());
    }

    @Override
    public int hashCode() {
        return ref.key().hashCode();
    }

    @Override
    public String toString() {
        return "StorageVolume[" + ref.pool() + "/" + ref.name() + "]";
    }
}
