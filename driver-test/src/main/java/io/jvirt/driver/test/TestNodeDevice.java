package io.jvirt.driver.test;

import io.jvirt.xml.NodeDeviceCapabilityDef;
import io.jvirt.xml.NodeDeviceDef;
import java.util.ArrayList;
import java.util.List;

/** A device of a test host ({@code computer}, {@code scsi_host1}, ...). */
record TestNodeDevice(NodeDeviceDef def) {
    String name() {
        return def.getName();
    }

    /** The capability types, nested ones included (scsi_host, fc_host, vport_ops), as libvirt lists them. */
    List<String> capabilityTypes() {
        List<String> out = new ArrayList<>();
        for (NodeDeviceCapabilityDef c : def.getCapabilities()) {
            out.add(c.getType());
            for (org.w3c.dom.Element nested : c.getExtraElements("capability")) {
                out.add(nested.getAttribute("type"));
            }
        }
        return out;
    }
}
