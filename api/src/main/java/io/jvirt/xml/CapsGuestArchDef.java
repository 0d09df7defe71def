package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import java.util.ArrayList;
import java.util.List;

/**
 * A guest architecture {@code <arch name='x86_64'>}: word size, emulator, machines, domain types.
 */
public class CapsGuestArchDef extends ExtensibleElement {
    @XmlAttribute(name = "name")
    private String name;

    @XmlElement(name = "wordsize")
    private String wordsize;

    @XmlElement(name = "emulator")
    private String emulator;

    @XmlElement(name = "loader")
    private String loader;

    @XmlElement(name = "machine")
    private List<CapsMachineDef> machines = new ArrayList<>();

    @XmlElement(name = "domain")
    private List<CapsGuestDomainDef> domains = new ArrayList<>();

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getWordsize() {
        return wordsize;
    }

    public void setWordsize(String wordsize) {
        this.wordsize = wordsize;
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

    /** The {@code <domain>} children, in document order. Live, mutable. */
    public List<CapsGuestDomainDef> getDomains() {
        return domains;
    }
}
