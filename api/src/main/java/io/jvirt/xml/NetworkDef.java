package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;

/**
 * A libvirt virtual {@code <network>}.
 *
 * <pre>{@code
 * NetworkDef net = LibvirtXml.parseNetwork(xml);
 * String bridge = net.getBridge() == null ? null : net.getBridge().getName();
 * }</pre>
 *
 * <p>DNS, routes, port groups and other untyped children stay in {@link #getExtraElements()}.
 */
@XmlRootElement(name = "network")
public class NetworkDef extends ExtensibleElement {
    @XmlAttribute(name = "connections")
    private String connections;

    @XmlAttribute(name = "ipv6")
    private String ipv6;

    @XmlAttribute(name = "trustGuestRxFilters")
    private String trustGuestRxFilters;

    @XmlElement(name = "name")
    private String name;

    @XmlElement(name = "uuid")
    private String uuid;

    @XmlElement(name = "metadata")
    private MetadataDef metadata;

    @XmlElement(name = "forward")
    private NetworkForwardDef forward;

    @XmlElement(name = "bridge")
    private NetworkBridgeDef bridge;

    @XmlElement(name = "mtu")
    private MtuDef mtu;

    @XmlElement(name = "mac")
    private MacDef mac;

    @XmlElement(name = "domain")
    private NetworkDomainDef domain;

    @XmlElement(name = "ip")
    private List<NetworkIpDef> ips = new ArrayList<>();

    public String getConnections() {
        return connections;
    }

    public void setConnections(String connections) {
        this.connections = connections;
    }

    public String getIpv6() {
        return ipv6;
    }

    public void setIpv6(String ipv6) {
        this.ipv6 = ipv6;
    }

    public String getTrustGuestRxFilters() {
        return trustGuestRxFilters;
    }

    public void setTrustGuestRxFilters(String trustGuestRxFilters) {
        this.trustGuestRxFilters = trustGuestRxFilters;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getUuid() {
        return uuid;
    }

    public void setUuid(String uuid) {
        this.uuid = uuid;
    }

    public MetadataDef getMetadata() {
        return metadata;
    }

    public void setMetadata(MetadataDef metadata) {
        this.metadata = metadata;
    }

    public NetworkForwardDef getForward() {
        return forward;
    }

    public void setForward(NetworkForwardDef forward) {
        this.forward = forward;
    }

    public NetworkBridgeDef getBridge() {
        return bridge;
    }

    public void setBridge(NetworkBridgeDef bridge) {
        this.bridge = bridge;
    }

    public MtuDef getMtu() {
        return mtu;
    }

    public void setMtu(MtuDef mtu) {
        this.mtu = mtu;
    }

    public MacDef getMac() {
        return mac;
    }

    public void setMac(MacDef mac) {
        this.mac = mac;
    }

    public NetworkDomainDef getDomain() {
        return domain;
    }

    public void setDomain(NetworkDomainDef domain) {
        this.domain = domain;
    }

    /** The {@code <ip>} children, in document order. Live, mutable. */
    public List<NetworkIpDef> getIps() {
        return ips;
    }
}
