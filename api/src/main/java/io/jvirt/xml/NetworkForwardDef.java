package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * A network's {@code <forward mode='nat'/>} (nat, route, open, bridge, passthrough, ...); its
 * children ({@code <nat>}, {@code <interface>}, {@code <pf>}) stay untyped.
 */
public class NetworkForwardDef extends ExtensibleElement {
    @XmlAttribute(name = "dev")
    private String dev;

    @XmlAttribute(name = "mode")
    private String mode;

    @XmlAttribute(name = "managed")
    private String managed;

    public NetworkForwardDef() {
    }

    public NetworkForwardDef(String mode) {
        this.mode = mode;
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

    public String getManaged() {
        return managed;
    }

    public void setManaged(String managed) {
        this.managed = managed;
    }
}
