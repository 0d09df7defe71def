package io.jvirt.driver.test;

import io.jvirt.spi.NetworkRef;
import io.jvirt.xml.NetworkDef;
import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import java.util.UUID;

/** A virtual network of a test host, as libvirt's virNetworkObj. Guarded by its monitor. */
final class TestNetwork {
    private final String name;
    private final UUID uuid;
    private final NetworkRef ref;
    /** The definition, parsed on first need (see {@link DefaultHost}). */
    private Supplier<NetworkDef> def;
    private boolean active;
    private boolean persistent;
    private boolean autostart;
    private boolean removed;

    TestNetwork(NetworkDef def, boolean persistent) {
        this(def.getName(), UUID.fromString(def.getUuid()), Suppliers.ofInstance(def), persistent);
    }

    TestNetwork(String name, UUID uuid, Supplier<NetworkDef> def, boolean persistent) {
        this.def = Suppliers.memoize(def::get);
        this.name = name;
        this.uuid = uuid;
        this.ref = new NetworkRef(name, uuid);
        this.persistent = persistent;
    }

    String name() {
        return name;
    }

    UUID uuid() {
        return uuid;
    }

    NetworkRef ref() {
        return ref;
    }

    NetworkDef def() {
        return def.get();
    }

    void setDef(NetworkDef def) {
        this.def = Suppliers.ofInstance(def);
    }

    boolean isActive() {
        return active;
    }

    void setActive(boolean active) {
        this.active = active;
    }

    boolean isPersistent() {
        return persistent;
    }

    void setPersistent(boolean persistent) {
        this.persistent = persistent;
    }

    boolean autostart() {
        return autostart;
    }

    void setAutostart(boolean autostart) {
        this.autostart = autostart;
    }

    boolean isRemoved() {
        return removed;
    }

    void markRemoved() {
        removed = true;
    }
}
