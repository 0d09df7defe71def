package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * A node device {@code <capability type='system|pci|usb_device|net|scsi_host|...'>}; its content
 * (including nested capabilities) stays untyped.
 */
public class NodeDeviceCapabilityDef extends ExtensibleElement {
    @XmlAttribute(name = "type")
    private String type;

    public NodeDeviceCapabilityDef() {
    }

    public NodeDeviceCapabilityDef(String type) {
        this.type = type;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }
}
