package io.jvirt;

/**
 * A storage pool's state and sizes, libvirt's {@code virStoragePoolInfo}; sizes in bytes.
 */
public record StoragePoolInfo(StoragePoolState state, long capacity, long allocation, long available) {
}
