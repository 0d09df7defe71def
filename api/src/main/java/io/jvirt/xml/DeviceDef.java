package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlElement;

/**
 * What every device element shares: the {@code <alias>} the hypervisor names it by and its
 * {@code <address>} on a bus.
 */
public abstract class DeviceDef extends ExtensibleElement {
    @XmlElement(name = "alias")
    private AliasDef alias;

    @XmlElement(name = "address")
    private AddressDef address;

    public AliasDef getAlias() {
        return alias;
    }

    public void setAlias(AliasDef alias) {
        this.alias = alias;
    }

    public AddressDef getAddress() {
        return address;
    }

    public void setAddress(AddressDef address) {
        this.address = address;
    }
}
