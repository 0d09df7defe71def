package io.jvirt.xml;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.StorageVolumeType;
import io.jvirt.VirtException;

/**
 * Volume XML as libvirt's volume parser and test driver leave it: capacity required, allocation
 * defaulting to capacity, path {@code POOL_TARGET/NAME}, key = path, type and format from the pool.
 */
public final class StorageVolumeDefaults {
    private StorageVolumeDefaults() {
    }

    /** Parses volume XML for a new volume in {@code pool}, completed as {@link #complete} does. */
    public static StorageVolumeDef parse(String xml, StoragePoolDef pool) {
        StorageVolumeDef v = LibvirtXml.parseStorageVolume(xml);
        complete(v, pool, true);
        return v;
    }

    /** Fills what libvirt fills; {@code created} volumes get their path and key from the pool. */
    public static void complete(StorageVolumeDef v, StoragePoolDef pool, boolean created) {
        if (v.getName() == null || v.getName().isEmpty()) {
            throw new VirtException(ErrorCode.NO_NAME, ErrorDomain.STORAGE, "missing volume name element");
        }
        if (v.getCapacity() == null) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.STORAGE, "missing capacity element");
        }
        long capacity = v.getCapacity().toBytes();
        v.setCapacity(ScaledValue.bytes(capacity));
        v.setAllocation(ScaledValue.bytes(v.getAllocation() == null ? capacity : v.getAllocation().toBytes()));
        StorageVolumeType type = volumeType(pool.getType());
        if (v.getType() == null) {
            v.setType(type.label());
        }
        if (v.getTarget() == null) {
            v.setTarget(new VolumeTargetDef());
        }
        if (created || v.getTarget().getPath() == null) {
            v.getTarget().setPath((pool.getTarget() == null ? null : pool.getTarget().getPath()) + "/" + v.getName());
        }
        if (created || v.getKey() == null) {
            v.setKey(v.getTarget().getPath());
        }
        if (v.getTarget().getFormat() == null && type == StorageVolumeType.FILE) {
            v.getTarget().setFormat(new StorageFormatDef("raw"));
        }
    }

    /** libvirt's testStorageVolumeTypeForPool. */
    public static StorageVolumeType volumeType(String poolType) {
        if (poolType == null) {
            return StorageVolumeType.FILE;
        }
        return switch (poolType) {
            case "dir", "fs", "netfs", "vstorage" -> StorageVolumeType.FILE;
            case "logical", "disk", "iscsi", "iscsi-direct", "scsi", "mpath", "zfs" -> StorageVolumeType.BLOCK;
            case "rbd", "sheepdog", "gluster" -> StorageVolumeType.NETWORK;
            default -> StorageVolumeType.FILE;
        };
    }
}
