package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlElement;

/**
 * A host security model {@code <secmodel>}: model name and DOI ({@code <baselabel>}s stay untyped).
 */
public class CapsSecModelDef extends ExtensibleElement {
    @XmlElement(name = "model")
    private String model;

    @XmlElement(name = "doi")
    private String doi;

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getDoi() {
        return doi;
    }

    public void setDoi(String doi) {
        this.doi = doi;
    }
}
