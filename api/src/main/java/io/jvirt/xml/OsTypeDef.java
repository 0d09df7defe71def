package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * The OS {@code <type arch='x86_64' machine='pc'>hvm</type>}: hvm, xen, linux, exe, ...
 */
public class OsTypeDef extends TextElement {
    @XmlAttribute(name = "arch")
    private String arch;

    @XmlAttribute(name = "machine")
    private String machine;

    public OsTypeDef() {
    }

    public OsTypeDef(String type) {
        super(type);
    }

    public String getArch() {
        return arch;
    }

    public void setArch(String arch) {
        this.arch = arch;
    }

    public String getMachine() {
        return machine;
    }

    public void setMachine(String machine) {
        this.machine = machine;
    }
}
