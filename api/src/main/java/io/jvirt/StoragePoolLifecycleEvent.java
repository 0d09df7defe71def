package io.jvirt;

/** A storage pool changed state: libvirt's storage pool lifecycle event. */
public record StoragePoolLifecycleEvent(StoragePool pool, StoragePoolEventType type) {
}
