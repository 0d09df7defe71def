package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;

/**
 * A network's {@code <ip address='192.168.122.1' netmask='255.255.255.0'>} with optional DHCP.
 */
public class NetworkIpDef extends ExtensibleElement {
    @XmlAttribute(name = "family")
    private String family;

    @XmlAttribute(name = "address")
    private String address;

    @XmlAttribute(name = "netmask")
    private String netmask;

    @XmlAttribute(name = "prefix")
    private String prefix;

    @XmlAttribute(name = "localPtr")
    private String localPtr;

    @XmlElement(name = "dhcp")
    private DhcpDef dhcp;

    public String getFamily() {
        return family;
    }

    public void setFamily(String family) {
        this.family = family;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getNetmask() {
        return netmask;
    }

    public void setNetmask(String netmask) {
        this.netmask = netmask;
    }

    public String getPrefix() {
        return prefix;
    }

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    public String getLocalPtr() {
        return localPtr;
    }

    public void setLocalPtr(String localPtr) {
        this.localPtr = localPtr;
    }

    public DhcpDef getDhcp() {
        return dhcp;
    }

    public void setDhcp(DhcpDef dhcp) {
        this.dhcp = dhcp;
    }
}
