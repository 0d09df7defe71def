package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;

/**
 * An {@code <rng model='virtio'>} device.
 */
public class RngDef extends DeviceDef {
    @XmlAttribute(name = "model")
    private String model;

    @XmlElement(name = "backend")
    private RngBackendDef backend;

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public RngBackendDef getBackend() {
        return backend;
    }

    public void setBackend(RngBackendDef backend) {
        this.backend = backend;
    }
}
