package io.jvirt.driver.test;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import io.jvirt.spi.HostObject;
import io.jvirt.spi.NetworkRef;
import io.jvirt.xml.NetworkDef;
import java.util.UUID;

/** A virtual network of a test host, as libvirt's virNetworkObj. Guarded by its monitor. */
final class TestNetwork extends HostObject {
    private final NetworkRef ref;
    /** The definition, parsed on first need (see {@link DefaultHost}). */
    private Supplier<NetworkDef> def;

    TestNetwork(NetworkDef def, boolean persistent) {
        this(def.getName(), UUID.fromString(def.getUuid()), Suppliers.ofInstance(def), persistent);
    }

    TestNetwork(String name, UUID uuid, Supplier<NetworkDef> def, boolean persistent) {
        super(name, uuid, persistent);
        this.def = Suppliers.memoize(def::get);
        this.ref = new NetworkRef(name, uuid);
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
}
