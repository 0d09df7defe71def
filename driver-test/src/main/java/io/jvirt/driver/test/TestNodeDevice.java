package io.jvirt.driver.test;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import io.jvirt.xml.NodeDeviceCapabilityDef;
import io.jvirt.xml.NodeDeviceDef;
import java.util.ArrayList;
import java.util.List;

/** A device of a test host ({@code computer}, {@code scsi_host1}, ...), parsed on first need. */
record TestNodeDevice(String name, Supplier<NodeDeviceDef> source) {
    TestNodeDevice {
        source = Suppliers.memoize(source);
    }

    TestNodeDevice(NodeDeviceDef def) {
        this(def.getName(), Suppliers.ofInstance(def));
    }

    NodeDeviceDef def() {
        return source.get();
    }

    /** The capability types, nested ones included (scsi_host, fc_host, vport_ops), as libvirt lists them. */
    List<String> capabilityTypes() {
        List<String> out = new ArrayList<>();
        for (NodeDeviceCapabilityDef c : def().getCapabilities()) {
            out.add(c.getType());
            for (org.w3c.dom.Element nested : c.getExtraElements("capability")) {
                out.add(nested.getAttribute("type"));
            }
        }
        return out;
    }
}
