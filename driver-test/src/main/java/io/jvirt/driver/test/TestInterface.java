package io.jvirt.driver.test;

import io.jvirt.spi.InterfaceRef;
import io.jvirt.xml.InterfaceDef;

/** A host network interface of a test host (immutable here: the test host's interfaces are fixed). */
record TestInterface(InterfaceDef def, boolean active) {
    String name() {
        return def.getName();
    }

    String mac() {
        return def.getMac() == null ? null : def.getMac().getAddress();
    }

    InterfaceRef ref() {
        return new InterfaceRef(name(), mac());
    }
}
