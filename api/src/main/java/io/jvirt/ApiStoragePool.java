package io.jvirt;

import io.jvirt.spi.StorageDriver;
import io.jvirt.spi.StoragePoolRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A storage pool handle over the driver's storage table. */
final class ApiStoragePool implements StoragePool {
    private final ApiConnection conn;
    private final StoragePoolRef ref;

    ApiStoragePool(ApiConnection conn, StoragePoolRef ref) {
        this.conn = conn;
        this.ref = ref;
    }

    private StorageDriver read(String api) {
        return conn.storage(api);
    }

    private StorageDriver write(String api) {
        StorageDriver s = conn.storage(api);
        conn.checkWritable(api, ErrorDomain.STORAGE);
        return s;
    }

    @Override
    public Connection connection() {
        return conn;
    }

    @Override
    public String name() {
        return ref.name();
    }

    @Override
    public UUID uuid() {
        return ref.uuid();
    }

    @Override
    public StoragePoolInfo info() {
        return read("virStoragePoolGetInfo").poolInfo(ref);
    }

    @Override
    public String xml(boolean inactive) {
        return read("virStoragePoolGetXMLDesc").poolXml(ref, inactive);
    }

    @Override
    public void build(StoragePoolBuildFlag... flags) {
        write("virStoragePoolBuild").poolBuild(ref, Flags.of(StoragePoolBuildFlag.class, flags));
    }

    @Override
    public void start(StoragePoolCreateFlag... flags) {
        write("virStoragePoolCreate").poolStart(ref, Flags.of(StoragePoolCreateFlag.class, flags));
    }

    @Override
    public void destroy() {
        write("virStoragePoolDestroy").poolDestroy(ref);
    }

    @Override
    public void delete() {
        write("virStoragePoolDelete").poolDelete(ref);
    }

    @Override
    public void refresh() {
        write("virStoragePoolRefresh").poolRefresh(ref);
    }

    @Override
    public void undefine() {
        write("virStoragePoolUndefine").poolUndefine(ref);
    }

    @Override
    public boolean autostart() {
        return read("virStoragePoolGetAutostart").poolGetAutostart(ref);
    }

    @Override
    public void setAutostart(boolean autostart) {
        write("virStoragePoolSetAutostart").poolSetAutostart(ref, autostart);
    }

    @Override
    public boolean isActive() {
        return read("virStoragePoolIsActive").poolIsActive(ref);
    }

    @Override
    public boolean isPersistent() {
        return read("virStoragePoolIsPersistent").poolIsPersistent(ref);
    }

    @Override
    public List<StorageVolume> listAllVolumes() {
        List<StorageVolume> out = new ArrayList<>();
        for (var v : read("virStoragePoolListAllVolumes").poolListAllVolumes(ref)) {
            out.add(new ApiStorageVolume(conn, v));
        }
        return out;
    }

    @Override
    public StorageVolume lookupVolumeByName(String name) {
        Objects.requireNonNull(name, "name");
        return new ApiStorageVolume(conn, read("virStorageVolLookupByName").lookupVolumeByName(ref, name));
    }

    @Override
    public StorageVolume createVolume(String xml, StorageVolumeCreateFlag... flags) {
        Objects.requireNonNull(xml, "xml");
        return new ApiStorageVolume(conn, write("virStorageVolCreateXML")
                .createVolume(ref, xml, Flags.of(StorageVolumeCreateFlag.class, flags)));
    }

    @Override
    public StorageVolume createVolumeFrom(String xml, StorageVolume source, StorageVolumeCreateFlag... flags) {
        Objects.requireNonNull(xml, "xml");
        if (!(source instanceof ApiStorageVolume src)) {
            throw new VirtException(ErrorCode.INVALID_STORAGE_VOL, ErrorDomain.STORAGE, "virStorageVolCreateXMLFrom");
        }
        return new ApiStorageVolume(conn, write("virStorageVolCreateXMLFrom")
                .createVolumeFrom(ref, xml, src.ref(), Flags.of(StorageVolumeCreateFlag.class, flags)));
    }

    @Override
    public StorageVolume createVolume(String name, long capacity, String format) {
        Objects.requireNonNull(name, "name");
        return createVolume(VolumeXml.of(name, capacity, format));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiStoragePool other && other.conn == conn && other.ref.uuid().equals(ref.uuid());
    }

    @Override
    public int hashCode() {
        return ref.uuid().hashCode();
    }

    @Override
    public String toString() {
        return "StoragePool[" + ref.name() + "]";
    }
}
