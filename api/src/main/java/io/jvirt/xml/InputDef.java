package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * An {@code <input type='tablet' bus='usb'/>}.
 */
public class InputDef extends DeviceDef {
    @XmlAttribute(name = "type")
    private String type;

    @XmlAttribute(name = "bus")
    private String bus;

    public InputDef() {
    }

    public InputDef(String type, String bus) {
        this.type = type;
        this.bus = bus;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getBus() {
        return bus;
    }

    public void setBus(String bus) {
        this.bus = bus;
    }
}
