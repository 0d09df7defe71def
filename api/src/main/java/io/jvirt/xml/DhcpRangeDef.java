package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * A DHCP {@code <range start='...' end='...'/>}.
 */
public class DhcpRangeDef extends ExtensibleElement {
    @XmlAttribute(name = "start")
    private String start;

    @XmlAttribute(name = "end")
    private String end;

    public DhcpRangeDef() {
    }

    public DhcpRangeDef(String start, String end) {
        this.start = start;
        this.end = end;
    }

    public String getStart() {
        return start;
    }

    public void setStart(String start) {
        this.start = start;
    }

    public String getEnd() {
        return end;
    }

    public void setEnd(String end) {
        this.end = end;
    }
}
