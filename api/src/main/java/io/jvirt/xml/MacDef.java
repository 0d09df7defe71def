package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * A {@code <mac address='52:54:00:xx:xx:xx'/>} element.
 */
public class MacDef extends ExtensibleElement {
    @XmlAttribute(name = "address")
    private String address;

    @XmlAttribute(name = "type")
    private String type;

    @XmlAttribute(name = "check")
    private String check;

    public MacDef() {
    }

    public MacDef(String address) {
        this.address = address;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getCheck() {
        return check;
    }

    public void setCheck(String check) {
        this.check = check;
    }
}
