package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * A {@code <controller type='usb' index='0' model='piix3-uhci'/>}.
 */
public class ControllerDef extends DeviceDef {
    @XmlAttribute(name = "type")
    private String type;

    @XmlAttribute(name = "index")
    private String index;

    @XmlAttribute(name = "model")
    private String model;

    public ControllerDef() {
    }

    public ControllerDef(String type, String index) {
        this.type = type;
        this.index = index;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getIndex() {
        return index;
    }

    public void setIndex(String index) {
        this.index = index;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }
}
