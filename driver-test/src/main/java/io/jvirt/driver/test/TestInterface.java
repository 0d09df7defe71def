package io.jvirt.driver.test;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import io.jvirt.spi.InterfaceRef;
import io.jvirt.xml.InterfaceDef;

/**
 * A host network interface of a test host (fixed: the test host's interfaces don't change). Its
 * definition may be parsed on first need; name and MAC are known before.
 */
record TestInterface(String name, String mac, Supplier<InterfaceDef> source, boolean active) {
    TestInterface {
        source = Suppliers.memoize(source);
    }

    TestInterface(InterfaceDef def, boolean active) {
        this(def.getName(), def.getMac() == null ? null : def.getMac().getAddress(), Suppliers.ofInstance(def), active);
    }

    InterfaceDef def() {
        return source.get();
    }

    InterfaceRef ref() {
        return new InterfaceRef(name, mac);
    }
}
