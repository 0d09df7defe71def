package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * A shared filesystem's {@code <target dir='share'/>} (the mount tag in the guest).
 */
public class FilesystemTargetDef extends ExtensibleElement {
    @XmlAttribute(name = "dir")
    private String dir;

    public String getDir() {
        return dir;
    }

    public void setDir(String dir) {
        this.dir = dir;
    }
}
