package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * A static DHCP lease {@code <host mac='...' name='...' ip='...'/>}.
 */
public class DhcpHostDef extends ExtensibleElement {
    @XmlAttribute(name = "mac")
    private String mac;

    @XmlAttribute(name = "id")
    private String id;

    @XmlAttribute(name = "name")
    private String name;

    @XmlAttribute(name = "ip")
    private String ip;

    public String getMac() {
        return mac;
    }

    public void setMac(String mac) {
        this.mac = mac;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getIp() {
        return ip;
    }

    public void setIp(String ip) {
        this.ip = ip;
    }
}
