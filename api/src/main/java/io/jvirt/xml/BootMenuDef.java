package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * {@code <bootmenu enable='yes' timeout='3000'/>}.
 */
public class BootMenuDef extends ExtensibleElement {
    @XmlAttribute(name = "enable")
    private String enable;

    @XmlAttribute(name = "timeout")
    private String timeout;

    public String getEnable() {
        return enable;
    }

    public void setEnable(String enable) {
        this.enable = enable;
    }

    public String getTimeout() {
        return timeout;
    }

    public void setTimeout(String timeout) {
        this.timeout = timeout;
    }
}
