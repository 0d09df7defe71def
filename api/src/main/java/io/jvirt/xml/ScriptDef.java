package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * An {@code <script path='/etc/qemu-ifup'/>}.
 */
public class ScriptDef extends ExtensibleElement {
    @XmlAttribute(name = "path")
    private String path;

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }
}
