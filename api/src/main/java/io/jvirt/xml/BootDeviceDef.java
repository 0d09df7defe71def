package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * One {@code <boot dev='hd'/>} of the OS boot order (hd, cdrom, fd, network).
 */
public class BootDeviceDef extends ExtensibleElement {
    @XmlAttribute(name = "dev")
    private String dev;

    public BootDeviceDef() {
    }

    public BootDeviceDef(String dev) {
        this.dev = dev;
    }

    public String getDev() {
        return dev;
    }

    public void setDev(String dev) {
        this.dev = dev;
    }
}
