package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * A shared filesystem's {@code <source dir='/srv/share'/>} (or file, dev, name, socket).
 */
public class FilesystemSourceDef extends ExtensibleElement {
    @XmlAttribute(name = "dir")
    private String dir;

    @XmlAttribute(name = "file")
    private String file;

    @XmlAttribute(name = "dev")
    private String dev;

    @XmlAttribute(name = "name")
    private String name;

    @XmlAttribute(name = "socket")
    private String socket;

    public String getDir() {
        return dir;
    }

    public void setDir(String dir) {
        this.dir = dir;
    }

    public String getFile() {
        return file;
    }

    public void setFile(String file) {
        this.file = file;
    }

    public String getDev() {
        return dev;
    }

    public void setDev(String dev) {
        this.dev = dev;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSocket() {
        return socket;
    }

    public void setSocket(String socket) {
        this.socket = socket;
    }
}
