package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;

/**
 * A host network {@code <interface type='ethernet' name='eth1'>} (the interface driver's XML, not
 * a guest NIC; that is {@link DomainInterfaceDef}). Protocols, bridge/bond/vlan members and links
 * stay untyped in {@link #getExtraElements()}.
 */
@XmlRootElement(name = "interface")
public class InterfaceDef extends ExtensibleElement {
    @XmlAttribute(name = "type")
    private String type;

    @XmlAttribute(name = "name")
    private String name;

    @XmlElement(name = "start")
    private InterfaceStartDef start;

    @XmlElement(name = "mtu")
    private MtuDef mtu;

    @XmlElement(name = "mac")
    private MacDef mac;

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public InterfaceStartDef getStart() {
        return start;
    }

    public void setStart(InterfaceStartDef start) {
        this.start = start;
    }

    public MtuDef getMtu() {
        return mtu;
    }

    public void setMtu(MtuDef mtu) {
        this.mtu = mtu;
    }

    public MacDef getMac() {
        return mac;
    }

    public void setMac(MacDef mac) {
        this.mac = mac;
    }
}
