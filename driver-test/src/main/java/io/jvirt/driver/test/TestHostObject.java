package io.jvirt.driver.test;

import java.util.UUID;

/**
 * What a test host's networks and storage pools have in common, as libvirt's virNetworkObj and
 * virStoragePoolObj: identity, the active/persistent/autostart flags, and whether the object has
 * left the host's registry (handles to it then get "not found"). Guarded by its monitor.
 */
abstract class TestHostObject {
    private final String name;
    private final UUID uuid;
    private boolean active;
    private boolean persistent;
    private boolean autostart;
    private boolean removed;

    TestHostObject(String name, UUID uuid, boolean persistent) {
        this.name = name;
        this.uuid = uuid;
        this.persistent = persistent;
    }

    final String name() {
        return name;
    }

    final UUID uuid() {
        return uuid;
    }

    final boolean isActive() {
        return active;
    }

    final void setActive(boolean active) {
        this.active = active;
    }

    final boolean isPersistent() {
        return persistent;
    }

    final void setPersistent(boolean persistent) {
        this.persistent = persistent;
    }

    final boolean autostart() {
        return autostart;
    }

    final void setAutostart(boolean autostart) {
        this.autostart = autostart;
    }

    final boolean isRemoved() {
        return removed;
    }

    final void markRemoved() {
        removed = true;
    }
}
