package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;

/**
 * The hypervisor {@code <capabilities>} document: the host (CPU, NUMA topology, security models)
 * and the guest kinds it can run.
 *
 * <pre>{@code
 * CapabilitiesDef caps = new CapabilitiesDef();
 * caps.setHost(new CapsHostDef());
 * CapsGuestDef guest = new CapsGuestDef();
 * guest.setOsType("hvm");
 * caps.getGuests().add(guest);
 * String xml = LibvirtXml.format(caps);
 * }</pre>
 */
@XmlRootElement(name = "capabilities")
public class CapabilitiesDef extends ExtensibleElement {
    @XmlElement(name = "host")
    private CapsHostDef host;

    @XmlElement(name = "guest")
    private List<CapsGuestDef> guests = new ArrayList<>();

    public CapsHostDef getHost() {
        return host;
    }

    public void setHost(CapsHostDef host) {
        this.host = host;
    }

    /** The {@code <guest>} children, in document order. Live, mutable. */
    public List<CapsGuestDef> getGuests() {
        return guests;
    }
}
