package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlElement;

/**
 * {@code <permissions>} of a pool or volume target: octal {@code mode}, {@code owner}, {@code group}, {@code label}.
 */
public class PermissionsDef extends ExtensibleElement {
    @XmlElement(name = "mode")
    private String mode;

    @XmlElement(name = "owner")
    private String owner;

    @XmlElement(name = "group")
    private String group;

    @XmlElement(name = "label")
    private String label;

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }
}
