package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * The firmware variable store {@code <nvram template='...'>/path</nvram>}.
 */
public class NvramDef extends TextElement {
    @XmlAttribute(name = "template")
    private String template;

    public String getTemplate() {
        return template;
    }

    public void setTemplate(String template) {
        this.template = template;
    }
}
