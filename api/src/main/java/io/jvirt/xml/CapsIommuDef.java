package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * The host's {@code <iommu support='yes|no'/>}.
 */
public class CapsIommuDef extends ExtensibleElement {
    @XmlAttribute(name = "support")
    private String support;

    public String getSupport() {
        return support;
    }

    public void setSupport(String support) {
        this.support = support;
    }
}
