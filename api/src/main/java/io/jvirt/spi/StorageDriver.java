package io.jvirt.spi;

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
        throw VirtException.noSupport("virConnectListAllStoragePools");
    }

    /** libvirt's {@code virConnectFindStoragePoolSources}: a {@code <sources>} document. */
    default String findStoragePoolSources(String type, String sourceSpec) {
        throw VirtException.noSupport("virConnectFindStoragePoolSources");
    }

    /** libvirt's {@code virStoragePoolLookupByName}. */
    default StoragePoolRef lookupStoragePoolByName(String name) {
        throw VirtException.noSupport("virStoragePoolLookupByName");
    }

    /** libvirt's {@code virStoragePoolLookupByUUID}. */
    default StoragePoolRef lookupStoragePoolByUuid(UUID uuid) {
        throw VirtException.noSupport("virStoragePoolLookupByUUID");
    }

    /** libvirt's {@code virStoragePoolDefineXML}. */
    default StoragePoolRef defineStoragePool(String xml) {
        throw VirtException.noSupport("virStoragePoolDefineXML");
    }

    /** libvirt's {@code virStoragePoolCreateXML}. */
    default StoragePoolRef createStoragePool(String xml, Set<StoragePoolCreateFlag> flags) {
        throw VirtException.noSupport("virStoragePoolCreateXML");
    }

    /** libvirt's {@code virStoragePoolGetInfo}. */
    default StoragePoolInfo poolInfo(StoragePoolRef pool) {
        throw VirtException.noSupport("virStoragePoolGetInfo");
    }

    /** libvirt's {@code virStoragePoolGetXMLDesc}. */
    default String poolXml(StoragePoolRef pool, boolean inactive) {
        throw VirtException.noSupport("virStoragePoolGetXMLDesc");
    }

    /** libvirt's {@code virStoragePoolBuild}. */
    default void poolBuild(StoragePoolRef pool, Set<StoragePoolBuildFlag> flags) {
        throw VirtException.noSupport("virStoragePoolBuild");
    }

    /** libvirt's {@code virStoragePoolCreate}. */
    default void poolStart(StoragePoolRef pool, Set<StoragePoolCreateFlag> flags) {
        throw VirtException.noSupport("virStoragePoolCreate");
    }

    /** libvirt's {@code virStoragePoolDestroy}. */
    default void poolDestroy(StoragePoolRef pool) {
        throw VirtException.noSupport("virStoragePoolDestroy");
    }

    /** libvirt's {@code virStoragePoolDelete}. */
    default void poolDelete(StoragePoolRef pool) {
        throw VirtException.noSupport("virStoragePoolDelete");
    }

    /** libvirt's {@code virStoragePoolRefresh}. */
    default void poolRefresh(StoragePoolRef pool) {
        throw VirtException.noSupport("virStoragePoolRefresh");
    }

    /** libvirt's {@code virStoragePoolUndefine}. */
    default void poolUndefine(StoragePoolRef pool) {
        throw VirtException.noSupport("virStoragePoolUndefine");
    }

    /** libvirt's {@code virStoragePoolGetAutostart}. */
    default boolean poolGetAutostart(StoragePoolRef pool) {
        throw VirtException.noSupport("virStoragePoolGetAutostart");
    }

    /** libvirt's {@code virStoragePoolSetAutostart}. */
    default void poolSetAutostart(StoragePoolRef pool, boolean autostart) {
        throw VirtException.noSupport("virStoragePoolSetAutostart");
    }

    /** libvirt's {@code virStoragePoolIsActive}. */
    default boolean poolIsActive(StoragePoolRef pool) {
        throw VirtException.noSupport("virStoragePoolIsActive");
    }

    /** libvirt's {@code virStoragePoolIsPersistent}. */
    default boolean poolIsPersistent(StoragePoolRef pool) {
        throw VirtException.noSupport("virStoragePoolIsPersistent");
    }

    /** libvirt's {@code virStoragePoolListAllVolumes}. */
    default List<StorageVolumeRef> poolListAllVolumes(StoragePoolRef pool) {
        throw VirtException.noSupport("virStoragePoolListAllVolumes");
    }

    /** libvirt's {@code virStorageVolLookupByName}. */
    default StorageVolumeRef lookupVolumeByName(StoragePoolRef pool, String name) {
        throw VirtException.noSupport("virStorageVolLookupByName");
    }

    /** libvirt's {@code virStorageVolLookupByPath}. */
    default StorageVolumeRef lookupVolumeByPath(String path) {
        throw VirtException.noSupport("virStorageVolLookupByPath");
    }

    /** libvirt's {@code virStorageVolLookupByKey}. */
    default StorageVolumeRef lookupVolumeByKey(String key) {
        throw VirtException.noSupport("virStorageVolLookupByKey");
    }

    /** libvirt's {@code virStorageVolCreateXML}. */
    default StorageVolumeRef createVolume(StoragePoolRef pool, String xml, Set<StorageVolumeCreateFlag> flags) {
        throw VirtException.noSupport("virStorageVolCreateXML");
    }

    /** libvirt's {@code virStorageVolCreateXMLFrom}. */
    default StorageVolumeRef createVolumeFrom(StoragePoolRef pool, String xml, StorageVolumeRef source, Set<StorageVolumeCreateFlag> flags) {
        throw VirtException.noSupport("virStorageVolCreateXMLFrom");
    }

    /** libvirt's {@code virStoragePoolLookupByVolume}. */
    default StoragePoolRef volumePool(StorageVolumeRef volume) {
        throw VirtException.noSupport("virStoragePoolLookupByVolume");
    }

    /** libvirt's {@code virStorageVolGetInfo}. */
    default StorageVolumeInfo volumeInfo(StorageVolumeRef volume) {
        throw VirtException.noSupport("virStorageVolGetInfo");
    }

    /** libvirt's {@code virStorageVolGetXMLDesc}. */
    default String volumeXml(StorageVolumeRef volume) {
        throw VirtException.noSupport("virStorageVolGetXMLDesc");
    }

    /** libvirt's {@code virStorageVolGetPath}. */
    default String volumePath(StorageVolumeRef volume) {
        throw VirtException.noSupport("virStorageVolGetPath");
    }

    /** libvirt's {@code virStorageVolDelete}. */
    default void volumeDelete(StorageVolumeRef volume, Set<StorageVolumeDeleteFlag> flags) {
        throw VirtException.noSupport("virStorageVolDelete");
    }

    /** libvirt's {@code virStorageVolResize}. */
    default void volumeResize(StorageVolumeRef volume, long capacity, Set<StorageVolumeResizeFlag> flags) {
        throw VirtException.noSupport("virStorageVolResize");
    }

    /** libvirt's {@code virStorageVolWipe}. */
    default void volumeWipe(StorageVolumeRef volume) {
        throw VirtException.noSupport("virStorageVolWipe");
    }

    /** libvirt's {@code virConnectStoragePoolEventRegisterAny}. */
    default Subscription onStoragePoolEvent(Consumer<DriverStoragePoolEvent> listener) {
        throw VirtException.noSupport("virConnectStoragePoolEventRegisterAny");
    }
}
