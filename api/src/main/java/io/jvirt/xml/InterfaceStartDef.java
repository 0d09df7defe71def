package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * A host interface's {@code <start mode='onboot|none|hotplug'/>}.
 */
public class InterfaceStartDef extends ExtensibleElement {
    @XmlAttribute(name = "mode")
    private String mode;

    public InterfaceStartDef() {
    }

    public InterfaceStartDef(String mode) {
        this.mode = mode;
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }
}
