package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * A {@code <format type='raw'/>} of a pool source or volume.
 */
public class StorageFormatDef extends ExtensibleElement {
    @XmlAttribute(name = "type")
    private String type;

    public StorageFormatDef() {
    }

    public StorageFormatDef(String type) {
        this.type = type;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }
}
