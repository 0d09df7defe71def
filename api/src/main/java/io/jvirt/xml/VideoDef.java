package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlElement;

/**
 * A {@code <video>} card.
 */
public class VideoDef extends DeviceDef {
    @XmlElement(name = "model")
    private VideoModelDef model;

    public VideoModelDef getModel() {
        return model;
    }

    public void setModel(VideoModelDef model) {
        this.model = model;
    }
}
