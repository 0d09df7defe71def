package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * A disk's {@code <source>}: which attribute applies depends on the disk type ({@code file},
 * {@code dev}, {@code dir}, {@code pool}+{@code volume}, or {@code protocol}+{@code name} with
 * {@code <host>} children, which stay in {@link #getExtraElements()}).
 */
public class DiskSourceDef extends ExtensibleElement {
    @XmlAttribute(name = "protocol")
    private String protocol;

    @XmlAttribute(name = "name")
    private String name;

    @XmlAttribute(name = "file")
    private String file;

    @XmlAttribute(name = "dev")
    private String dev;

    @XmlAttribute(name = "dir")
    private String dir;

    @XmlAttribute(name = "pool")
    private String pool;

    @XmlAttribute(name = "volume")
    private String volume;

    @XmlAttribute(name = "mode")
    private String mode;

    @XmlAttribute(name = "startupPolicy")
    private String startupPolicy;

    public String getProtocol() {
        return protocol;
    }

    public void setProtocol(String protocol) {
        this.protocol = protocol;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
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

    public String getDir() {
        return dir;
    }

    public void setDir(String dir) {
        this.dir = dir;
    }

    public String getPool() {
        return pool;
    }

    public void setPool(String pool) {
        this.pool = pool;
    }

    public String getVolume() {
        return volume;
    }

    public void setVolume(String volume) {
        this.volume = volume;
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public String getStartupPolicy() {
        return startupPolicy;
    }

    public void setStartupPolicy(String startupPolicy) {
        this.startupPolicy = startupPolicy;
    }
}
