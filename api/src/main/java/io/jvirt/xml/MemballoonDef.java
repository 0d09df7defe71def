package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * The {@code <memballoon model='virtio'/>} device.
 */
public class MemballoonDef extends DeviceDef {
    @XmlAttribute(name = "model")
    private String model;

    public MemballoonDef() {
    }

    public MemballoonDef(String model) {
        this.model = model;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }
}
