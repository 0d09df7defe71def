package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * A guest NIC's host-side {@code <target dev='vnet0'/>}.
 */
public class InterfaceTargetDef extends ExtensibleElement {
    @XmlAttribute(name = "dev")
    private String dev;

    @XmlAttribute(name = "managed")
    private String managed;

    public InterfaceTargetDef() {
    }

    public InterfaceTargetDef(String dev) {
        this.dev = dev;
    }

    public String getDev() {
        return dev;
    }

    public void setDev(String dev) {
        this.dev = dev;
    }

    public String getManaged() {
        return managed;
    }

    public void setManaged(String managed) {
        this.managed = managed;
    }
}
