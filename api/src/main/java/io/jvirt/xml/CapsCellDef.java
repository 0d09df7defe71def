package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import java.util.ArrayList;
import java.util.List;

/**
 * A host NUMA {@code <cell id='0'>}: memory, free pages, CPUs (distances stay untyped).
 */
public class CapsCellDef extends ExtensibleElement {
    @XmlAttribute(name = "id")
    private String id;

    @XmlElement(name = "memory")
    private ScaledValue memory;

    @XmlElement(name = "pages")
    private List<CapsPagesDef> pages = new ArrayList<>();

    @XmlElement(name = "cpus")
    private CapsCpusDef cpus;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public ScaledValue getMemory() {
        return memory;
    }

    public void setMemory(ScaledValue memory) {
        this.memory = memory;
    }

    /** The {@code <pages>} children, in document order. Live, mutable. */
    public List<CapsPagesDef> getPages() {
        return pages;
    }

    public CapsCpusDef getCpus() {
        return cpus;
    }

    public void setCpus(CapsCpusDef cpus) {
        this.cpus = cpus;
    }
}
