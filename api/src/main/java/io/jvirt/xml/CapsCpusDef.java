package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import java.util.ArrayList;
import java.util.List;

/**
 * A NUMA cell's {@code <cpus num='N'>}.
 */
public class CapsCpusDef extends ExtensibleElement {
    @XmlAttribute(name = "num")
    private String num;

    @XmlElement(name = "cpu")
    private List<CapsCpuDef> cpus = new ArrayList<>();

    public String getNum() {
        return num;
    }

    public void setNum(String num) {
        this.num = num;
    }

    /** The {@code <cpu>} children, in document order. Live, mutable. */
    public List<CapsCpuDef> getCpus() {
        return cpus;
    }
}
