package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;

/**
 * The libvirt test driver's configuration file ({@code test:///path/to/node.xml}): host CPU and
 * memory, and the domains, networks, host interfaces, pools (with their volumes), node devices
 * and fake users to start with.
 *
 * <p>Each entry is either inline or a reference {@code <domain file='dom.xml'/>} to a file
 * relative to the node file; {@link #fileOf} tells which. The test driver reads referenced files
 * and parses them with {@link LibvirtXml}.
 */
@XmlRootElement(name = "node")
public class NodeDef extends ExtensibleElement {
    @XmlElement(name = "cpu")
    private NodeCpuDef cpu;

    @XmlElement(name = "memory")
    private String memory;

    @XmlElement(name = "domain")
    private List<DomainDef> domains = new ArrayList<>();

    @XmlElement(name = "network")
    private List<NetworkDef> networks = new ArrayList<>();

    @XmlElement(name = "interface")
    private List<InterfaceDef> interfaces = new ArrayList<>();

    @XmlElement(name = "pool")
    private List<StoragePoolDef> pools = new ArrayList<>();

    @XmlElement(name = "device")
    private List<NodeDeviceDef> devices = new ArrayList<>();

    @XmlElement(name = "auth")
    private NodeAuthDef auth;

    /**
     * The {@code file} attribute of a node-file entry ({@code <domain file='dom.xml'/>}), or null
     * for an inline entry.
     */
    public static String fileOf(ExtensibleElement entry) {
        return entry.getExtraAttribute("file");
    }

    public NodeCpuDef getCpu() {
        return cpu;
    }

    public void setCpu(NodeCpuDef cpu) {
        this.cpu = cpu;
    }

    public String getMemory() {
        return memory;
    }

    public void setMemory(String memory) {
        this.memory = memory;
    }

    /** The {@code <domain>} children, in document order. Live, mutable. */
    public List<DomainDef> getDomains() {
        return domains;
    }

    /** The {@code <network>} children, in document order. Live, mutable. */
    public List<NetworkDef> getNetworks() {
        return networks;
    }

    /** The {@code <interface>} children, in document order. Live, mutable. */
    public List<InterfaceDef> getInterfaces() {
        return interfaces;
    }

    /** The {@code <pool>} children, in document order. Live, mutable. */
    public List<StoragePoolDef> getPools() {
        return pools;
    }

    /** The {@code <device>} children, in document order. Live, mutable. */
    public List<NodeDeviceDef> getDevices() {
        return devices;
    }

    public NodeAuthDef getAuth() {
        return auth;
    }

    public void setAuth(NodeAuthDef auth) {
        this.auth = auth;
    }
}
