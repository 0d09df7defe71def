package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlElement;
import java.util.ArrayList;
import java.util.List;

/**
 * A network address's {@code <dhcp>}: ranges and static hosts ({@code <bootp>} stays untyped).
 */
public class DhcpDef extends ExtensibleElement {
    @XmlElement(name = "range")
    private List<DhcpRangeDef> ranges = new ArrayList<>();

    @XmlElement(name = "host")
    private List<DhcpHostDef> hosts = new ArrayList<>();

    /** The {@code <range>} children, in document order. Live, mutable. */
    public List<DhcpRangeDef> getRanges() {
        return ranges;
    }

    /** The {@code <host>} children, in document order. Live, mutable. */
    public List<DhcpHostDef> getHosts() {
        return hosts;
    }
}
