package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * An {@code <mtu size='1500'/>} element.
 */
public class MtuDef extends ExtensibleElement {
    @XmlAttribute(name = "size")
    private String size;

    public MtuDef() {
    }

    public MtuDef(String size) {
        this.size = size;
    }

    public String getSize() {
        return size;
    }

    public void setSize(String size) {
        this.size = size;
    }
}
