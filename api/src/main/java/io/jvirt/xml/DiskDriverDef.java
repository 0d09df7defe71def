package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * A disk's {@code <driver name='qemu' type='qcow2' cache='none'/>}.
 */
public class DiskDriverDef extends ExtensibleElement {
    @XmlAttribute(name = "name")
    private String name;

    @XmlAttribute(name = "type")
    private String type;

    @XmlAttribute(name = "cache")
    private String cache;

    @XmlAttribute(name = "io")
    private String io;

    @XmlAttribute(name = "discard")
    private String discard;

    public DiskDriverDef() {
    }

    public DiskDriverDef(String name, String type) {
        this.name = name;
        this.type = type;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getCache() {
        return cache;
    }

    public void setCache(String cache) {
        this.cache = cache;
    }

    public String getIo() {
        return io;
    }

    public void setIo(String io) {
        this.io = io;
    }

    public String getDiscard() {
        return discard;
    }

    public void setDiscard(String discard) {
        this.discard = discard;
    }
}
