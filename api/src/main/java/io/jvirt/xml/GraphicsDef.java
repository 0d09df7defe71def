package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * A {@code <graphics type='vnc' port='-1' autoport='yes' listen='127.0.0.1'>} console. Its
 * {@code <listen>} children and protocol-specific attributes stay untyped.
 */
public class GraphicsDef extends DeviceDef {
    @XmlAttribute(name = "type")
    private String type;

    @XmlAttribute(name = "port")
    private String port;

    @XmlAttribute(name = "autoport")
    private String autoport;

    @XmlAttribute(name = "listen")
    private String listen;

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getPort() {
        return port;
    }

    public void setPort(String port) {
        this.port = port;
    }

    public String getAutoport() {
        return autoport;
    }

    public void setAutoport(String autoport) {
        this.autoport = autoport;
    }

    public String getListen() {
        return listen;
    }

    public void setListen(String listen) {
        this.listen = listen;
    }
}
