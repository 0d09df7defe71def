package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * A random number generator's {@code <backend model='random'>/dev/urandom</backend>}.
 */
public class RngBackendDef extends TextElement {
    @XmlAttribute(name = "model")
    private String model;

    @XmlAttribute(name = "type")
    private String type;

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }
}
