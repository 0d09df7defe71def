package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * A device's {@code <alias name='...'/>}, the name the hypervisor knows it by.
 */
public class AliasDef extends ExtensibleElement {
    @XmlAttribute(name = "name")
    private String name;

    public AliasDef() {
    }

    public AliasDef(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
