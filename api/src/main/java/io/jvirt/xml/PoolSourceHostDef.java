package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * A pool source's {@code <host name='nfs.example.org' port='2049'/>}.
 */
public class PoolSourceHostDef extends ExtensibleElement {
    @XmlAttribute(name = "name")
    private String name;

    @XmlAttribute(name = "port")
    private String port;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPort() {
        return port;
    }

    public void setPort(String port) {
        this.port = port;
    }
}
