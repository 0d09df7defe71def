package io.jvirt.spi;

import io.jvirt.StoragePoolEventType;

/** A storage pool lifecycle event as a driver emits it. */
public record DriverStoragePoolEvent(StoragePoolRef pool, StoragePoolEventType type) {
}
