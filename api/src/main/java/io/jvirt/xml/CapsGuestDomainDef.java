package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import java.util.ArrayList;
import java.util.List;

/**
 * A hypervisor that runs this guest kind: {@code <domain type='kvm'>}, optionally with its own emulator and machines.
 */
public class CapsGuestDomainDef extends ExtensibleElement {
    @XmlAttribute(name = "type")
    private String type;

    @XmlElement(name = "emulator")
    private String emulator;

    @XmlElement(name = "loader")
    private String loader;

    @XmlElement(name = "machine")
    private List<CapsMachineDef> machines = new ArrayList<>();

    public CapsGuestDomainDef() {
    }

    public CapsGuestDomainDef(String type) {
        this.type = type;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getEmulator() {
        return emulator;
    }

    public void setEmulator(String emulator) {
        this.emulator = emulator;
    }

    public String getLoader() {
        return loader;
    }

    public void setLoader(String loader) {
        this.loader = loader;
    }

    /** The {@code <machine>} children, in document order. Live, mutable. */
    public List<CapsMachineDef> getMachines() {
        return machines;
    }
}
