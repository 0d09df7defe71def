package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * A page size {@code <pages unit='KiB' size='4'/>}; inside a NUMA cell the text is the number of
 * free pages of that size.
 */
public class CapsPagesDef extends TextElement {
    @XmlAttribute(name = "unit")
    private String unit;

    @XmlAttribute(name = "size")
    private String size;

    public CapsPagesDef() {
    }

    public CapsPagesDef(String unit, String size) {
        this.unit = unit;
        this.size = size;
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    public String getSize() {
        return size;
    }

    public void setSize(String size) {
        this.size = size;
    }
}
