package io.jvirt;

/**
 * A storage volume's type and sizes, libvirt's {@code virStorageVolInfo}; sizes in bytes.
 */
public record StorageVolumeInfo(StorageVolumeType type, long capacity, long allocation) {
}
