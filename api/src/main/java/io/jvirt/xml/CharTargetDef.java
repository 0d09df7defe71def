package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * A character device's {@code <target type='isa-serial' port='0'/>} or {@code <target type='virtio' name='org.qemu.guest_agent.0'/>}.
 */
public class CharTargetDef extends ExtensibleElement {
    @XmlAttribute(name = "type")
    private String type;

    @XmlAttribute(name = "address")
    private String address;

    @XmlAttribute(name = "port")
    private String port;

    @XmlAttribute(name = "name")
    private String name;

    @XmlAttribute(name = "state")
    private String state;

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
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

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }
}
