package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * A guest NIC's {@code <source>}: {@code network} (and {@code portgroup}) for type network,
 * {@code bridge} for type bridge, {@code dev} and {@code mode} for type direct, and so on.
 */
public class InterfaceSourceDef extends ExtensibleElement {
    @XmlAttribute(name = "network")
    private String network;

    @XmlAttribute(name = "portgroup")
    private String portgroup;

    @XmlAttribute(name = "bridge")
    private String bridge;

    @XmlAttribute(name = "dev")
    private String dev;

    @XmlAttribute(name = "mode")
    private String mode;

    @XmlAttribute(name = "address")
    private String address;

    @XmlAttribute(name = "port")
    private String port;

    @XmlAttribute(name = "path")
    private String path;

    @XmlAttribute(name = "type")
    private String type;

    public String getNetwork() {
        return network;
    }

    public void setNetwork(String network) {
        this.network = network;
    }

    public String getPortgroup() {
        return portgroup;
    }

    public void setPortgroup(String portgroup) {
        this.portgroup = portgroup;
    }

    public String getBridge() {
        return bridge;
    }

    public void setBridge(String bridge) {
        this.bridge = bridge;
    }

    public String getDev() {
        return dev;
    }

    public void setDev(String dev) {
        this.dev = dev;
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getPort() {
        return port;
    }

    public void setPort(String port) {
        this.port = port;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }
}
