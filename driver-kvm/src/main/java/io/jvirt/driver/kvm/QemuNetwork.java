package io.jvirt.driver.kvm;

import io.jvirt.spi.NetworkRef;
import io.jvirt.xml.NetworkDef;
import java.util.UUID;

/** A virtual network, libvirt's virNetworkObj: definition, flags. Guarded by its monitor. */
final class QemuNetwork {
    final String name;
    final UUID uuid;
    final NetworkRef ref;
    NetworkDef def;
    boolean active;
    boolean persistent;
    boolean autostart;
    /** Left the registry: a handle to it now gets "no network". */
    boolean removed;

    QemuNetwork(NetworkDef def, boolean persistent) {
        this.def = def;
        this.name = def.getName();
        this.uuid = UUID.fromString(def.getUuid());
        this.ref = new NetworkRef(name, uuid);
        this.persistent = persistent;
    }

    String bridge() {
        return def.getBridge().getName();
    }

    /** {@code <forward mode='bridge'/>}: the bridge is the host's, not ours to create or delete. */
    boolean usesHostBridge() {
        return def.getForward() != null && "bridge".equals(def.getForward().getMode());
    }
}
