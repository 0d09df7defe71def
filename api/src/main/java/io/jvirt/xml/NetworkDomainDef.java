package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * A network's DNS {@code <domain name='example.org' localOnly='yes'/>}.
 */
public class NetworkDomainDef extends ExtensibleElement {
    @XmlAttribute(name = "name")
    private String name;

    @XmlAttribute(name = "localOnly")
    private String localOnly;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getLocalOnly() {
        return localOnly;
    }

    public void setLocalOnly(String localOnly) {
        this.localOnly = localOnly;
    }
}
