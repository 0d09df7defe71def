package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * A guest machine type {@code <machine canonical='pc-i440fx-7.2' maxCpus='255'>pc</machine>}.
 */
public class CapsMachineDef extends TextElement {
    @XmlAttribute(name = "canonical")
    private String canonical;

    @XmlAttribute(name = "maxCpus")
    private String maxCpus;

    public CapsMachineDef() {
    }

    public CapsMachineDef(String machine) {
        super(machine);
    }

    public String getCanonical() {
        return canonical;
    }

    public void setCanonical(String canonical) {
        this.canonical = canonical;
    }

    public String getMaxCpus() {
        return maxCpus;
    }

    public void setMaxCpus(String maxCpus) {
        this.maxCpus = maxCpus;
    }
}
