package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * A {@code <model type='virtio'/>} element (the guest-visible device model).
 */
public class ModelDef extends ExtensibleElement {
    @XmlAttribute(name = "type")
    private String type;

    public ModelDef() {
    }

    public ModelDef(String type) {
        this.type = type;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }
}
