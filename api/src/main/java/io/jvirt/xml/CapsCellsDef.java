package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import java.util.ArrayList;
import java.util.List;

/**
 * The host's {@code <cells num='N'>}.
 */
public class CapsCellsDef extends ExtensibleElement {
    @XmlAttribute(name = "num")
    private String num;

    @XmlElement(name = "cell")
    private List<CapsCellDef> cells = new ArrayList<>();

    public String getNum() {
        return num;
    }

    public void setNum(String num) {
        this.num = num;
    }

    /** The {@code <cell>} children, in document order. Live, mutable. */
    public List<CapsCellDef> getCells() {
        return cells;
    }
}
