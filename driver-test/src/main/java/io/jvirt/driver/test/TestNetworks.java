package io.jvirt.driver.test;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.Flag;
import io.jvirt.ListNetworksFlag;
import io.jvirt.NetworkEventType;
import io.jvirt.Subscription;
import io.jvirt.VirtException;
import io.jvirt.spi.DriverNetworkEvent;
import io.jvirt.spi.NetworkDriver;
import io.jvirt.spi.NetworkRef;
import io.jvirt.xml.LibvirtXml;
import io.jvirt.xml.NetworkDef;
import io.jvirt.xml.NetworkDefaults;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/** The test driver's network table, libvirt's {@code testNetworkDriver}. */
final class TestNetworks implements NetworkDriver {
    private final TestHost host;
    private final TestConnection conn;

    TestNetworks(TestHost host, TestConnection conn) {
        this.host = host;
        this.conn = conn;
    }

    @Override
    public List<NetworkRef> listAllNetworks(Set<ListNetworksFlag> flags) {
        TestHypervisor.checkFlags(Flag.mask(flags), 0x3F, "testConnectListAllNetworks");
        return host.networks.list(flags, ListNetworksFlag.ACTIVE, ListNetworksFlag.INACTIVE,
                ListNetworksFlag.PERSISTENT, ListNetworksFlag.TRANSIENT,
                ListNetworksFlag.AUTOSTART, ListNetworksFlag.NO_AUTOSTART).stream().map(TestNetwork::ref).toList();
    }

    @Override
    public NetworkRef lookupNetworkByName(String name) {
        return host.networks.byName(name).ref();
    }

    @Override
    public NetworkRef lookupNetworkByUuid(UUID uuid) {
        return host.networks.byUuid(uuid).ref();
    }

    /** The network behind a handle (libvirt's test driver finds networks by name), locked. */
    private <T> T with(NetworkRef ref, Function<TestNetwork, T> action) {
        return host.networks.locked(() -> host.networks.byName(ref.name()), action);
    }

    @Override
    public NetworkRef defineNetwork(String xml) {
        NetworkDef def = NetworkDefaults.parse(xml);
        TestNetwork n = assign(host, def, false);
        host.networks.publish(n, NetworkEventType.DEFINED);
        return n.ref();
    }

    @Override
    public NetworkRef createNetwork(String xml) {
        NetworkDef def = NetworkDefaults.parse(xml);
        TestNetwork n = assign(host, def, true);
        synchronized (n) {
            host.networks.started(n);
        }
        return n.ref();
    }

    /** libvirt's virNetworkObjAssignDef: redefine by UUID, refuse name/UUID clashes. */
    static TestNetwork assign(TestHost host, NetworkDef def, boolean live) {
        while (true) {
            TestNetwork fresh = new TestNetwork(def, !live);
            TestNetwork n = host.networks.addOrFind(fresh);
            if (n == fresh) {
                return fresh;
            }
            synchronized (n) {
                if (n.isRemoved()) {
                    continue;
                }
                if (live && n.isActive()) {
                    throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.NETWORK,
                            "network is already active as '" + n.name() + "'");
                }
                n.setDef(def);
                if (!live) {
                    n.setPersistent(true);
                }
                return n;
            }
        }
    }

    @Override
    public String networkXml(NetworkRef ref, boolean inactive) {
        TestHypervisor.checkFlags(inactive ? 1 : 0, 0, "testNetworkGetXMLDesc");
        return with(ref, n -> LibvirtXml.format(n.def()));
    }

    @Override
    public void networkStart(NetworkRef ref) {
        with(ref, n -> {
            if (n.isActive()) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST,
                        "Network '" + ref.name() + "' is already running");
            }
            host.networks.started(n);
            return null;
        });
    }

    @Override
    public void networkDestroy(NetworkRef ref) {
        with(ref, n -> {
            host.networks.stopped(n);
            return null;
        });
    }

    @Override
    public void networkUndefine(NetworkRef ref) {
        with(ref, n -> {
            if (n.isActive()) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST,
                        "Network '" + ref.name() + "' is still running");
            }
            host.networks.undefined(n);
            return null;
        });
    }

    @Override
    public boolean networkGetAutostart(NetworkRef ref) {
        return with(ref, TestNetwork::autostart);
    }

    @Override
    public void networkSetAutostart(NetworkRef ref, boolean autostart) {
        with(ref, n -> {
            n.setAutostart(autostart);
            return null;
        });
    }

    @Override
    public boolean networkIsActive(NetworkRef ref) {
        return with(ref, TestNetwork::isActive);
    }

    @Override
    public boolean networkIsPersistent(NetworkRef ref) {
        return with(ref, TestNetwork::isPersistent);
    }

    @Override
    public String networkBridgeName(NetworkRef ref) {
        return with(ref, n -> {
            if (n.def().getBridge() == null || n.def().getBridge().getName() == null) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.TEST,
                        "network '" + ref.name() + "' does not have a bridge name.");
            }
            return n.def().getBridge().getName();
        });
    }

    @Override
    public Subscription onNetworkEvent(Consumer<DriverNetworkEvent> listener) {
        return conn.track(host.networks.subscribe(listener));
    }
}
