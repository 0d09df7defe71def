package io.jvirt.driver.kvm;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.NetworkEventType;
import io.jvirt.VirtException;
import io.jvirt.spi.DriverNetworkEvent;
import io.jvirt.spi.HostObjectFiles;
import io.jvirt.spi.HostObjectList;
import io.jvirt.spi.NetworkRef;
import io.jvirt.spi.host.Bridges;
import io.jvirt.spi.host.NetDevices;
import io.jvirt.xml.LibvirtXml;
import io.jvirt.xml.NetworkBridgeDef;
import io.jvirt.xml.NetworkDef;
import io.jvirt.xml.NetworkDefaults;
import io.jvirt.xml.NetworkIpDef;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.Function;

/**
 * The virtual networks of one {@link QemuPaths} layout, libvirt's network driver for the modes
 * that need no DHCP server or firewall: isolated ({@code <forward>} absent: a bridge of ours
 * with the {@code <ip>} addresses) and {@code <forward mode='bridge'/>} (a host bridge that
 * exists already). Configs in {@code networkConfigDir}, the live XML of active networks in
 * {@code networkStateDir}. Each network is its own lock.
 */
final class QemuNetworks {

    final HostObjectList<QemuNetwork, NetworkEventType, DriverNetworkEvent> objects =
            HostObjectList.networks(ErrorDomain.NETWORK, n -> n.ref);
    private final HostObjectFiles<QemuNetwork> files;

    QemuNetworks(QemuPaths paths) {
        this.files = new HostObjectFiles<>(objects, paths.networkConfigDir(), paths.networkStateDir());
    }

    /** Runs {@code action} on the network {@code ref} names, locked. */
    <T> T with(NetworkRef ref, Function<QemuNetwork, T> action) {
        return objects.locked(() -> objects.byUuid(ref.uuid()), action);
    }

    /** The bridge a guest NIC on network {@code name} joins; the network must be active. */
    String bridgeOf(String name) {
        return objects.locked(() -> objects.byName(name), n -> {
            objects.requireActive(n);
            return n.bridge();
        });
    }

    // ---- loading ----

    void load() {
        files.load(new HostObjectFiles.Loader<>() {
            @Override
            public QemuNetwork parse(String xml, boolean persistent) {
                return new QemuNetwork(QemuNetworks.parse(xml), persistent);
            }

            @Override
            public boolean resume(QemuNetwork n, QemuNetwork live) {
                // the bridge may have gone away (a reboot, an operator): then the network is not active
                if (!Bridges.isBridge(live.bridge())) {
                    return false;
                }
                n.def = live.def;
                return true;
            }

            @Override
            public void autostart(QemuNetwork n) {
                with(n.ref, q -> {
                    start(q);
                    return null;
                });
            }
        });
    }

    /**
     * libvirt's network parser, then what this driver can honour: an isolated network or a
     * host bridge. NAT and routing need a firewall and DHCP needs dnsmasq, which this driver
     * does not run: refused, never half done.
     */
    static NetworkDef parse(String xml) {
        NetworkDef def = NetworkDefaults.parse(xml);
        String mode = def.getForward() == null ? null : def.getForward().getMode();
        if (mode != null && !mode.equals("bridge")) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.NETWORK, "network forward mode '"
                    + mode + "' (this driver has isolated networks and <forward mode='bridge'/> only)");
        }
        if (def.getMtu() != null) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.NETWORK, "network <mtu>");
        }
        for (NetworkIpDef ip : def.getIps()) {
            if (ip.getDhcp() != null) {
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.NETWORK,
                        "network <dhcp> (no DHCP server is run)");
            }
            prefix(ip);
        }
        if ("bridge".equals(mode)) {
            if (def.getBridge() == null || def.getBridge().getName() == null) {
                throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.NETWORK, "network '" + def.getName()
                        + "' has forward mode 'bridge' but no bridge device defined");
            }
            if (!def.getIps().isEmpty()) {
                throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.NETWORK,
                        "Unsupported <ip> element in network " + def.getName() + " with forward mode='bridge'");
            }
        }
        if (def.getBridge() != null && def.getBridge().getName() != null) {
            NetDevices.checkName(def.getBridge().getName());
        }
        String delay = def.getBridge() == null ? null : def.getBridge().getDelay();
        if (delay != null && !delay.matches("[0-9]{1,4}")) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.NETWORK, "invalid delay value in network '"
                    + def.getName() + "'");
        }
        return def;
    }

    /** The prefix length of an {@code <ip>}: its prefix, or its IPv4 netmask counted. */
    static int prefix(NetworkIpDef ip) {
        try {
            InetAddress address = InetAddress.getByName(literal(ip.getAddress(), "address"));
            int max = address.getAddress().length * 8;
            if (ip.getPrefix() != null) {
                int p = Integer.parseInt(ip.getPrefix());
                if (p < 0 || p > max) {
                    throw new NumberFormatException();
                }
                return p;
            }
            if (ip.getNetmask() == null) {
                return max == 32 ? 24 : 64; // libvirt's virSocketAddrGetIPPrefix default by class
            }
            byte[] mask = InetAddress.getByName(literal(ip.getNetmask(), "netmask")).getAddress();
            int bits = 0;
            for (byte b : mask) {
                bits += Integer.bitCount(b & 0xff);
            }
            return bits;
        } catch (UnknownHostException | NumberFormatException e) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.NETWORK,
                    "invalid <ip> address '" + ip.getAddress() + "' or prefix/netmask");
        }
    }

    /** Only literal addresses: InetAddress would otherwise look a host name up in DNS. */
    private static String literal(String s, String what) throws UnknownHostException {
        if (s == null || !s.matches("[0-9a-fA-F:.]+")) {
            throw new UnknownHostException(what);
        }
        return s;
    }

    // ---- lifecycle, the network locked by the caller where it exists ----

    QemuNetwork define(String xml) {
        NetworkDef def = parse(xml);
        QemuNetwork n = files.addOrFind(new QemuNetwork(def, true));
        synchronized (n) {
            if (def.getBridge() == null || def.getBridge().getName() == null) {
                // libvirt names the bridge at define time: virbrN, the first free N
                NetworkBridgeDef b = def.getBridge() == null ? new NetworkBridgeDef() : def.getBridge();
                b.setName(n.def.getBridge() != null && n.def.getBridge().getName() != null
                        ? n.def.getBridge().getName() : freeBridgeName(n));
                def.setBridge(b);
                NetworkDefaults.complete(def);
            }
            files.writeConfig(n, LibvirtXml.format(def));
            if (!n.isActive()) {
                n.def = def;
            }
            objects.defined(n);
        }
        return n;
    }

    QemuNetwork create(String xml) {
        NetworkDef def = parse(xml);
        QemuNetwork n = files.addOrFind(new QemuNetwork(def, false));
        synchronized (n) {
            if (n.isActive()) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.NETWORK,
                        "network is already active");
            }
            if (def.getBridge() == null || def.getBridge().getName() == null) {
                NetworkBridgeDef b = def.getBridge() == null ? new NetworkBridgeDef() : def.getBridge();
                b.setName(freeBridgeName(n));
                def.setBridge(b);
                NetworkDefaults.complete(def);
            }
            n.def = def;
            try {
                start(n);
            } catch (RuntimeException e) {
                objects.removeIfTransient(n);
                throw e;
            }
        }
        return n;
    }

    /** virbrN with an N that neither a host device nor another network's bridge has. */
    private String freeBridgeName(QemuNetwork self) {
        for (int i = 0; ; i++) {
            String name = "virbr" + i;
            boolean taken = NetDevices.exists(name) || objects.all().stream().anyMatch(o -> o != self
                    && o.def.getBridge() != null && name.equals(o.def.getBridge().getName()));
            if (!taken) {
                return name;
            }
        }
    }

    /** Creates the bridge with its addresses, or checks the host bridge; all or nothing. */
    void start(QemuNetwork n) {
        if (n.isActive()) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.NETWORK, "network is already active");
        }
        String bridge = n.bridge();
        if (n.usesHostBridge()) {
            if (!Bridges.isBridge(bridge)) {
                throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.NETWORK,
                        "host bridge '" + bridge + "' of network '" + n.name() + "' does not exist");
            }
        } else {
            NetworkBridgeDef b = n.def.getBridge();
            Bridges.create(bridge, !"off".equals(b.getStp()), b.getDelay() == null ? 0 : Integer.parseInt(b.getDelay()));
            try {
                for (NetworkIpDef ip : n.def.getIps()) {
                    Bridges.addAddress(bridge, ip.getAddress(), prefix(ip));
                }
                Bridges.up(bridge);
            } catch (RuntimeException e) {
                deleteQuietly(bridge);
                throw e;
            }
        }
        try {
            files.started(n, LibvirtXml.format(n.def));
        } catch (RuntimeException e) {
            if (!n.usesHostBridge()) {
                deleteQuietly(bridge);
            }
            throw e;
        }
    }

    void destroy(QemuNetwork n) {
        objects.requireActive(n);
        if (!n.usesHostBridge() && Bridges.isBridge(n.bridge())) {
            Bridges.delete(n.bridge());
        }
        files.stopped(n);
    }

    /** libvirt lets an active network be undefined: it runs on as a transient one. */
    void undefine(QemuNetwork n) {
        if (!n.isPersistent()) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.NETWORK,
                    "network '" + n.name() + "' is transient; it can't be undefined");
        }
        files.undefine(n);
    }

    void setAutostart(QemuNetwork n, boolean autostart) {
        files.setAutostart(n, autostart);
    }

    private static void deleteQuietly(String bridge) {
        try {
            Bridges.delete(bridge);
        } catch (RuntimeException e) {
            log().log(System.Logger.Level.WARNING, "cannot delete bridge " + bridge + " after a failed start", e);
        }
    }

    /**
     * Looked up when first needed: the first System.Logger of a process scans every jar for a
     * logging backend, about 20 ms of a jvirsh command that never logs.
     */
    private static System.Logger log() {
        return System.getLogger(QemuNetworks.class.getName());
    }
}
