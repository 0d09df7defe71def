package io.jvirt.driver.test;

import io.jvirt.CredentialType;
import io.jvirt.Credentials;
import io.jvirt.DomainState;
import io.jvirt.DomainStateReason;
import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.NodeInfo;
import io.jvirt.VirtException;
import io.jvirt.xml.DomainDef;
import io.jvirt.xml.ExtensibleElement;
import io.jvirt.xml.InterfaceDef;
import io.jvirt.xml.LibvirtXml;
import io.jvirt.xml.NetworkDef;
import io.jvirt.xml.NodeAuthUserDef;
import io.jvirt.xml.NodeCpuDef;
import io.jvirt.xml.NodeDef;
import io.jvirt.xml.NodeDeviceDef;
import io.jvirt.xml.StoragePoolDef;
import io.jvirt.xml.StorageVolumeDef;
import io.jvirt.xml.NetworkDefaults;
import io.jvirt.xml.StoragePoolDefaults;
import io.jvirt.xml.StorageVolumeDefaults;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds a test host from libvirt's {@code <node>} document (libvirt's testOpenParse): node CPU
 * and memory, then domains, networks, interfaces, pools with their volumes, node devices and
 * fake authentication users. Each entry is inline or names a file ({@code <domain file='d.xml'/>})
 * relative to the node file's directory.
 */
final class NodeFileLoader {
    /** libvirt's defaultNodeInfo. */
    static final NodeInfo DEFAULT_NODE_INFO = new NodeInfo("i686", 3L * 1024 * 1024, 16, 1400, 2, 2, 2, 2);

    /** The node file's directory, against which {@code file=} references resolve. */
    private final Path baseDir;

    private NodeFileLoader(Path baseDir) {
        this.baseDir = baseDir;
    }

    /** A host from the node file at {@code file}, after asking {@code credentials} if it has users. */
    static TestHost load(Path file, Credentials credentials) {
        String xml;
        try {
            xml = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.XML,
                    "failed to parse xml document '" + file + "'");
        }
        Path dir = file.toAbsolutePath().getParent();
        TestHost host = new NodeFileLoader(dir).build(LibvirtXml.parseNode(xml));
        authenticate(host, credentials);
        return host;
    }

    /** libvirt's testOpenFromFile: node info from defaultNodeInfo and the file, no NUMA cells. */
    private TestHost build(NodeDef node) {
        NodeInfo info = nodeInfo(node);
        Map<String, TestInterface> ifaces = new LinkedHashMap<>();
        for (InterfaceDef i : entries(node.getInterfaces(), LibvirtXml::parseInterface)) {
            ifaces.put(i.getName(), new TestInterface(i, true));
        }
        Map<String, TestNodeDevice> devices = new LinkedHashMap<>();
        for (NodeDeviceDef d : entries(node.getDevices(), LibvirtXml::parseNodeDevice)) {
            devices.put(d.getName(), new TestNodeDevice(d));
        }
        Map<String, String> users = new LinkedHashMap<>();
        if (node.getAuth() != null) {
            for (NodeAuthUserDef u : node.getAuth().getUsers()) {
                String name = u.getName() == null ? "" : u.getName().trim();
                if (name.isEmpty()) {
                    throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.TEST,
                            "missing username in /node/auth/user field");
                }
                users.put(name, u.getPassword());
            }
        }
        TestHost host = new TestHost(info, List.of(), ifaces, devices, users);
        loadDomains(host, node);
        for (NetworkDef n : entries(node.getNetworks(), LibvirtXml::parseNetwork)) {
            TestNetwork net = TestNetworks.assign(host, NetworkDefaults.complete(n), false);
            net.setActive(true);
        }
        for (StoragePoolDef entry : node.getPools()) {
            loadPool(host, entry);
        }
        return host;
    }

    private static NodeInfo nodeInfo(NodeDef node) {
        NodeInfo d = DEFAULT_NODE_INFO;
        NodeCpuDef cpu = node.getCpu();
        int nodes = d.nodes();
        int sockets = d.sockets();
        int cores = d.cores();
        int threads = d.threads();
        int mhz = d.mhz();
        String model = d.model();
        Integer active = null;
        if (cpu != null) {
            nodes = uint(cpu.getNodes(), nodes, "invalid node cpu nodes value");
            sockets = uint(cpu.getSockets(), sockets, "invalid node cpu sockets value");
            cores = uint(cpu.getCores(), cores, "invalid node cpu cores value");
            threads = uint(cpu.getThreads(), threads, "invalid node cpu threads value");
            if (cpu.getActive() != null) {
                active = uint(cpu.getActive(), 0, "invalid node cpu active value");
            }
            mhz = uint(cpu.getMhz(), mhz, "invalid node cpu mhz value");
            if (cpu.getModel() != null) {
                model = cpu.getModel().trim();
                if (model.length() >= 32) {
                    throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.TEST,
                            "Model " + model + " too big for destination");
                }
            }
        }
        int cpus = nodes * sockets * cores * threads;
        if (active != null && active < cpus) {
            cpus = active;
        }
        long memory = d.memory();
        if (node.getMemory() != null) {
            try {
                memory = Long.parseUnsignedLong(node.getMemory().trim());
            } catch (NumberFormatException e) {
                throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.TEST, "invalid node memory value");
            }
        }
        return new NodeInfo(model, memory, cpus, mhz, nodes, sockets, cores, threads);
    }

    private static int uint(String text, int fallback, String error) {
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseUnsignedInt(text.trim());
        } catch (NumberFormatException e) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.TEST, error);
        }
    }

    /** libvirt's testParseDomains: a domain starts in its test:runstate, reason unknown. */
    private void loadDomains(TestHost host, NodeDef node) {
        for (DomainDef entry : node.getDomains()) {
            String file = NodeDef.fileOf(entry);
            DomainConfig def = file == null ? DomainConfig.of(entry) : DomainConfig.parse(read(file), false);
            def.generateInterfaceNames();
            TestNamespace ns = TestNamespace.of(def);
            TestDomain d = new TestDomain(def);
            d.setPersistent(!ns.isTransient());
            if (host.domains.add(d) != io.jvirt.spi.ObjectRegistry.Conflict.NONE) {
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.DOMAIN,
                        "domain '" + def.name() + "' already exists with uuid " + def.uuid());
            }
            synchronized (d) {
                if (ns.runstate() != DomainState.SHUTOFF) {
                    int id = host.allocateDomainId();
                    d.started(id, DomainStateReason.of(ns.runstate(), 0));
                    host.domains.setId(d, -1, id);
                } else {
                    d.stopped(DomainStateReason.Shutoff.UNKNOWN);
                }
                d.setState(DomainStateReason.of(ns.runstate(), 0));
                d.setHasManagedSave(ns.hasManagedSave());
            }
        }
    }

    /** libvirt's testParseStorage and testOpenVolumesForPool. */
    private void loadPool(TestHost host, StoragePoolDef entry) {
        String file = NodeDef.fileOf(entry);
        // As libvirt: a pool read from a file takes its volumes from that file, not from the entry.
        StoragePoolDef def = file == null ? entry : LibvirtXml.parseStoragePool(read(file));
        List<StorageVolumeDef> volumes = List.copyOf(def.getVolumes());
        def.getVolumes().clear();
        TestPool pool = TestStorage.add(host, StoragePoolDefaults.complete(def), true);
        synchronized (pool) {
            pool.setActive(true);
            for (StorageVolumeDef ventry : volumes) {
                String vfile = NodeDef.fileOf(ventry);
                StorageVolumeDef v = vfile == null ? ventry : LibvirtXml.parseStorageVolume(read(vfile));
                v.getExtraAttributes().remove(new javax.xml.namespace.QName("file"));
                StorageVolumeDefaults.complete(v, pool.def(), false);
                pool.volumes().put(v.getName(), v);
                pool.setSizes(pool.capacity(), pool.allocation() + v.getAllocation().toBytes());
            }
        }
    }

    private <T extends ExtensibleElement> List<T> entries(List<T> inline, Function<String, T> parser) {
        return inline.stream().map(e -> {
            String file = NodeDef.fileOf(e);
            return file == null ? e : parser.apply(read(file));
        }).toList();
    }

    private String read(String relative) {
        Path p = baseDir.resolve(relative);
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.XML,
                    "failed to parse xml document '" + p + "'");
        }
    }

    /** libvirt's testConnectAuthenticate: a user name, then (unless it has none) its password. */
    private static void authenticate(TestHost host, Credentials credentials) {
        if (host.authUsers.isEmpty()) {
            return;
        }
        String user = credentials.ask(CredentialType.AUTHNAME, "Enter username for localhost");
        if (user == null) {
            throw new VirtException(ErrorCode.AUTH_FAILED, ErrorDomain.AUTH, "Username request failed");
        }
        boolean known = host.authUsers.containsKey(user);
        String expected = host.authUsers.get(user);
        String password = null;
        if (!known || expected != null) {
            password = credentials.ask(CredentialType.PASSPHRASE, "Enter " + user + "'s password for localhost");
            if (password == null) {
                throw new VirtException(ErrorCode.AUTH_FAILED, ErrorDomain.AUTH, "Password request failed");
            }
        }
        if (!known || (password != null && !password.equals(expected))) {
            throw new VirtException(ErrorCode.AUTH_FAILED, ErrorDomain.TEST,
                    "authentication failed, see test XML for the correct username/password");
        }
    }
}
