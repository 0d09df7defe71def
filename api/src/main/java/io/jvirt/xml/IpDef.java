package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * An {@code <ip address='192.168.1.10' prefix='24'/>} (guest NIC or host interface).
 */
public class IpDef extends ExtensibleElement {
    @XmlAttribute(name = "address")
    private String address;

    @XmlAttribute(name = "family")
    private String family;

    @XmlAttribute(name = "prefix")
    private String prefix;

    @XmlAttribute(name = "peer")
    private String peer;

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getFamily() {
        return family;
    }

    public void setFamily(String family) {
        this.family = family;
    }

    public String getPrefix() {
        return prefix;
    }

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    public String getPeer() {
        return peer;
    }

    public void setPeer(String peer) {
        this.peer = peer;
    }
}
