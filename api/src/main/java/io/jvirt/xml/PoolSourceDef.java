package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlElement;
import java.util.ArrayList;
import java.util.List;

/**
 * A storage pool's {@code <source>}: hosts, devices, a directory, a name and a format; adapters,
 * authentication and the rest stay untyped.
 */
public class PoolSourceDef extends ExtensibleElement {
    @XmlElement(name = "host")
    private List<PoolSourceHostDef> hosts = new ArrayList<>();

    @XmlElement(name = "device")
    private List<PathDef> devices = new ArrayList<>();

    @XmlElement(name = "dir")
    private PathDef dir;

    @XmlElement(name = "name")
    private String name;

    @XmlElement(name = "format")
    private StorageFormatDef format;

    /** The {@code <host>} children, in document order. Live, mutable. */
    public List<PoolSourceHostDef> getHosts() {
        return hosts;
    }

    /** The {@code <device>} children, in document order. Live, mutable. */
    public List<PathDef> getDevices() {
        return devices;
    }

    public PathDef getDir() {
        return dir;
    }

    public void setDir(PathDef dir) {
        this.dir = dir;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public StorageFormatDef getFormat() {
        return format;
    }

    public void setFormat(StorageFormatDef format) {
        this.format = format;
    }
}
