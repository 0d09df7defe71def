package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;

/**
 * A {@code <hostdev mode='subsystem' type='pci' managed='yes'>} passed through to the guest.
 */
public class HostdevDef extends DeviceDef {
    @XmlAttribute(name = "mode")
    private String mode;

    @XmlAttribute(name = "type")
    private String type;

    @XmlAttribute(name = "managed")
    private String managed;

    @XmlElement(name = "source")
    private HostdevSourceDef source;

    @XmlElement(name = "boot")
    private BootOrderDef boot;

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getManaged() {
        return managed;
    }

    public void setManaged(String managed) {
        this.managed = managed;
    }

    public HostdevSourceDef getSource() {
        return source;
    }

    public void setSource(HostdevSourceDef source) {
        this.source = source;
    }

    public BootOrderDef getBoot() {
        return boot;
    }

    public void setBoot(BootOrderDef boot) {
        this.boot = boot;
    }
}
