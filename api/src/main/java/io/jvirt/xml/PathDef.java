package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * An element naming a path in an attribute: a pool source's {@code <device path='/dev/sdb'/>} or {@code <dir path='/srv'/>}.
 */
public class PathDef extends ExtensibleElement {
    @XmlAttribute(name = "path")
    private String path;

    public PathDef() {
    }

    public PathDef(String path) {
        this.path = path;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }
}
