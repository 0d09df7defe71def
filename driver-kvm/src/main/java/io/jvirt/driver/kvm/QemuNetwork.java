package io.jvirt.driver.kvm;

import io.jvirt.spi.HostObject;
import io.jvirt.spi.NetworkRef;
import io.jvirt.xml.NetworkDef;
import java.util.UUID;

/** A virtual network, libvirt's virNetworkObj: its definition and a host object's flags. Guarded by its monitor. */
final class QemuNetwork extends HostObject {
    final NetworkRef ref;
    NetworkDef def;

    QemuNetwork(NetworkDef def, boolean persistent) {
        super(def.getName(), UUID.fromString(def.getUuid()), persistent);
        this.def = def;
        this.ref = new NetworkRef(name(), uuid());
    }

    String bridge() {
        return def.getBridge().getName();
    }

    /** {@code <forward mode='bridge'/>}: the bridge is the host's, not ours to create or delete. */
    boolean usesHostBridge() {
        return def.getForward() != null && "bridge".equals(def.getForward().getMode());
    }
}
