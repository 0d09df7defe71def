package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * A disk's {@code <target dev='vda' bus='virtio'/>}: the guest-visible name and bus.
 */
public class DiskTargetDef extends ExtensibleElement {
    @XmlAttribute(name = "dev")
    private String dev;

    @XmlAttribute(name = "bus")
    private String bus;

    @XmlAttribute(name = "tray")
    private String tray;

    public DiskTargetDef() {
    }

    public DiskTargetDef(String dev, String bus) {
        this.dev = dev;
        this.bus = bus;
    }

    public String getDev() {
        return dev;
    }

    public void setDev(String dev) {
        this.dev = dev;
    }

    public String getBus() {
        return bus;
    }

    public void setBus(String bus) {
        this.bus = bus;
    }

    public String getTray() {
        return tray;
    }

    public void setTray(String tray) {
        this.tray = tray;
    }
}
