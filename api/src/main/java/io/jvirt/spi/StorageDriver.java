package io.jvirt.spi;

import io.jvirt.ErrorDomain;
import io.jvirt.ListStoragePoolsFlag;
import io.jvirt.StoragePoolBuildFlag;
import io.jvirt.StoragePoolCreateFlag;
import io.jvirt.StoragePoolInfo;
import io.jvirt.StorageVolumeCreateFlag;
import io.jvirt.StorageVolumeDeleteFlag;
import io.jvirt.StorageVolumeInfo;
import io.jvirt.StorageVolumeResizeFlag;
import io.jvirt.Subscription;
import io.jvirt.VirtException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Storage pools and volumes: libvirt's {@code virStorageDriver}. Every method defaults to
 * {@code NO_SUPPORT} naming libvirt's API; a driver overrides what it supports.
 */
public interface StorageDriver {
    /** libvirt's {@code virConnectListAllStoragePools}. */
    default List<StoragePoolRef> listAllStoragePools(Set<ListStoragePoolsFlag> flags) {
        throw unsupported("virConnectListAllStoragePools");
    }

    /** libvirt's {@code virConnectFindStoragePoolSources}: a {@code <sources>} document. */
    default String findStoragePoolSources(String type, String sourceSpec) {
        throw VirtException.noSupport("virConnectFindStoragePoolSources");
    }

    /** libvirt's {@code virStoragePoolLookupByName}. */
    default StoragePoolRef lookupStoragePoolByName(String name) {
        throw unsupported("virStoragePoolLookupByName");
    }

    /** libvirt's {@code virStoragePoolLookupByUUID}. */
    default StoragePoolRef lookupStoragePoolByUuid(UUID uuid) {
        throw unsupported("virStoragePoolLookupByUUID");
    }

    /** libvirt's {@code virStoragePoolDefineXML}. */
    default StoragePoolRef defineStoragePool(String xml) {
        throw unsupported("virStoragePoolDefineXML");
    }

    /** libvirt's {@code virStoragePoolCreateXML}. */
    default StoragePoolRef createStoragePool(String xml, Set<StoragePoolCreateFlag> flags) {
        throw unsupported("virStoragePoolCreateXML");
    }

    /** libvirt's {@code virStoragePoolGetInfo}. */
    default StoragePoolInfo poolInfo(StoragePoolRef pool) {
        throw unsupported("virStoragePoolGetInfo");
    }

    /** libvirt's {@code virStoragePoolGetXMLDesc}. */
    default String poolXml(StoragePoolRef pool, boolean inactive) {
        throw unsupported("virStoragePoolGetXMLDesc");
    }

    /** libvirt's {@code virStoragePoolBuild}. */
    default void poolBuild(StoragePoolRef pool, Set<StoragePoolBuildFlag> flags) {
        throw unsupported("virStoragePoolBuild");
    }

    /** libvirt's {@code virStoragePoolCreate}. */
    default void poolStart(StoragePoolRef pool, Set<StoragePoolCreateFlag> flags) {
        throw unsupported("virStoragePoolCreate");
    }

    /** libvirt's {@code virStoragePoolDestroy}. */
    default void poolDestroy(StoragePoolRef pool) {
        throw unsupported("virStoragePoolDestroy");
    }

    /** libvirt's {@code virStoragePoolDelete}. */
    default void poolDelete(StoragePoolRef pool) {
        throw unsupported("virStoragePoolDelete");
    }

    /** libvirt's {@code virStoragePoolRefresh}. */
    default void poolRefresh(StoragePoolRef pool) {
        throw unsupported("virStoragePoolRefresh");
    }

    /** libvirt's {@code virStoragePoolUndefine}. */
    default void poolUndefine(StoragePoolRef pool) {
        throw unsupported("virStoragePoolUndefine");
    }

    /** libvirt's {@code virStoragePoolGetAutostart}. */
    default boolean poolGetAutostart(StoragePoolRef pool) {
        throw unsupported("virStoragePoolGetAutostart");
    }

    /** libvirt's {@code virStoragePoolSetAutostart}. */
    default void poolSetAutostart(StoragePoolRef pool, boolean autostart) {
        throw unsupported("virStoragePoolSetAutostart");
    }

    /** libvirt's {@code virStoragePoolIsActive}. */
    default boolean poolIsActive(StoragePoolRef pool) {
        throw unsupported("virStoragePoolIsActive");
    }

    /** libvirt's {@code virStoragePoolIsPersistent}. */
    default boolean poolIsPersistent(StoragePoolRef pool) {
        throw unsupported("virStoragePoolIsPersistent");
    }

    /** libvirt's {@code virStoragePoolListAllVolumes}. */
    default List<StorageVolumeRef> poolListAllVolumes(StoragePoolRef pool) {
        throw unsupported("virStoragePoolListAllVolumes");
    }

    /** libvirt's {@code virStorageVolLookupByName}. */
    default StorageVolumeRef lookupVolumeByName(StoragePoolRef pool, String name) {
        throw unsupported("virStorageVolLookupByName");
    }

    /** libvirt's {@code virStorageVolLookupByPath}. */
    default StorageVolumeRef lookupVolumeByPath(String path) {
        throw unsupported("virStorageVolLookupByPath");
    }

    /** libvirt's {@code virStorageVolLookupByKey}. */
    default StorageVolumeRef lookupVolumeByKey(String key) {
        throw unsupported("virStorageVolLookupByKey");
    }

    /** libvirt's {@code virStorageVolCreateXML}. */
    default StorageVolumeRef createVolume(StoragePoolRef pool, String xml, Set<StorageVolumeCreateFlag> flags) {
        throw unsupported("virStorageVolCreateXML");
    }

    /** libvirt's {@code virStorageVolCreateXMLFrom}. */
    default StorageVolumeRef createVolumeFrom(StoragePoolRef pool, String xml, StorageVolumeRef source, Set<StorageVolumeCreateFlag> flags) {
        throw unsupported("virStorageVolCreateXMLFrom");
    }

    /** libvirt's {@code virStoragePoolLookupByVolume}. */
    default StoragePoolRef volumePool(StorageVolumeRef volume) {
        throw unsupported("virStoragePoolLookupByVolume");
    }

    /** libvirt's {@code virStorageVolGetInfo}. */
    default StorageVolumeInfo volumeInfo(StorageVolumeRef volume) {
        throw unsupported("virStorageVolGetInfo");
    }

    /** libvirt's {@code virStorageVolGetXMLDesc}. */
    default String volumeXml(StorageVolumeRef volume) {
        throw unsupported("virStorageVolGetXMLDesc");
    }

    /** libvirt's {@code virStorageVolGetPath}. */
    default String volumePath(StorageVolumeRef volume) {
        throw unsupported("virStorageVolGetPath");
    }

    /** libvirt's {@code virStorageVolDelete}. */
    default void volumeDelete(StorageVolumeRef volume, Set<StorageVolumeDeleteFlag> flags) {
        throw unsupported("virStorageVolDelete");
    }

    /** libvirt's {@code virStorageVolResize}. */
    default void volumeResize(StorageVolumeRef volume, long capacity, Set<StorageVolumeResizeFlag> flags) {
        throw unsupported("virStorageVolResize");
    }

    /** libvirt's {@code virStorageVolWipe}. */
    default void volumeWipe(StorageVolumeRef volume) {
        throw unsupported("virStorageVolWipe");
    }

    /** libvirt's {@code virConnectStoragePoolEventRegisterAny}. */
    default Subscription onStoragePoolEvent(Consumer<DriverStoragePoolEvent> listener) {
        throw unsupported("virConnectStoragePoolEventRegisterAny");
    }

    /**
     * NO_SUPPORT for a missing entry point, in the domain libvirt reports it in: not the driver's
     * but that of the file defining the public API, which finds the entry point missing
     * (libvirt-storage.c raises it in VIR_FROM_STORAGE).
     */
    private static VirtException unsupported(String api) {
        return VirtException.noSupport(ErrorDomain.STORAGE, api);
    }
}
