package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;

/**
 * A host (node) {@code <device>}: name, parent and capabilities.
 */
@XmlRootElement(name = "device")
public class NodeDeviceDef extends ExtensibleElement {
    @XmlElement(name = "name")
    private String name;

    @XmlElement(name = "path")
    private String path;

    @XmlElement(name = "parent")
    private String parent;

    @XmlElement(name = "capability")
    private List<NodeDeviceCapabilityDef> capabilities = new ArrayList<>();

    /** The first capability's type (system, pci, net, scsi_host, ...), or null. */
    public String getCapabilityType() {
        return capabilities.isEmpty() ? null : capabilities.get(0).getType();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public String getParent() {
        return parent;
    }

    public void setParent(String parent) {
        this.parent = parent;
    }

    /** The {@code <capability>} children, in document order. Live, mutable. */
    public List<NodeDeviceCapabilityDef> getCapabilities() {
        return capabilities;
    }
}
