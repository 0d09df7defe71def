package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * A device's {@code <address>}. {@code type} selects which attributes apply: {@code pci} uses
 * domain, bus, slot, function (hexadecimal strings such as {@code 0x01}); {@code drive} uses
 * controller, bus, target, unit; {@code virtio-serial} controller, bus, port; others keep their
 * attributes in {@link #getExtraAttributes()}. Values are kept as written.
 */
public class AddressDef extends ExtensibleElement {
    @XmlAttribute(name = "type")
    private String type;

    @XmlAttribute(name = "domain")
    private String domain;

    @XmlAttribute(name = "bus")
    private String bus;

    @XmlAttribute(name = "slot")
    private String slot;

    @XmlAttribute(name = "function")
    private String function;

    @XmlAttribute(name = "multifunction")
    private String multifunction;

    @XmlAttribute(name = "controller")
    private String controller;

    @XmlAttribute(name = "target")
    private String target;

    @XmlAttribute(name = "unit")
    private String unit;

    @XmlAttribute(name = "port")
    private String port;

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public String getBus() {
        return bus;
    }

    public void setBus(String bus) {
        this.bus = bus;
    }

    public String getSlot() {
        return slot;
    }

    public void setSlot(String slot) {
        this.slot = slot;
    }

    public String getFunction() {
        return function;
    }

    public void setFunction(String function) {
        this.function = function;
    }

    public String getMultifunction() {
        return multifunction;
    }

    public void setMultifunction(String multifunction) {
        this.multifunction = multifunction;
    }

    public String getController() {
        return controller;
    }

    public void setController(String controller) {
        this.controller = controller;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    public String getPort() {
        return port;
    }

    public void setPort(String port) {
        this.port = port;
    }
}
