package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * A network's {@code <bridge name='virbr0' stp='on' delay='0'/>}.
 */
public class NetworkBridgeDef extends ExtensibleElement {
    @XmlAttribute(name = "name")
    private String name;

    @XmlAttribute(name = "zone")
    private String zone;

    @XmlAttribute(name = "stp")
    private String stp;

    @XmlAttribute(name = "delay")
    private String delay;

    @XmlAttribute(name = "macTableManager")
    private String macTableManager;

    public NetworkBridgeDef() {
    }

    public NetworkBridgeDef(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getZone() {
        return zone;
    }

    public void setZone(String zone) {
        this.zone = zone;
    }

    public String getStp() {
        return stp;
    }

    public void setStp(String stp) {
        this.stp = stp;
    }

    public String getDelay() {
        return delay;
    }

    public void setDelay(String delay) {
        this.delay = delay;
    }

    public String getMacTableManager() {
        return macTableManager;
    }

    public void setMacTableManager(String macTableManager) {
        this.macTableManager = macTableManager;
    }
}
