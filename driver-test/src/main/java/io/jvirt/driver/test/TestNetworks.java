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
import io.jvirt.spi.ObjectRegistry;
import io.jvirt.xml.LibvirtXml;
import io.jvirt.xml.NetworkDef;
import io.jvirt.xml.NetworkDefaults;
import java.util.ArrayList;
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
        List<TestNetwork> out = new ArrayList<>();
        for (TestNetwork n : host.networks.view()) {
            synchronized (n) {
                if (!n.isRemoved() && n.matches(flags, ListNetworksFlag.ACTIVE, ListNetworksFlag.INACTIVE,
                        ListNetworksFlag.PERSISTENT, ListNetworksFlag.TRANSIENT,
                        ListNetworksFlag.AUTOSTART, ListNetworksFlag.NO_AUTOSTART)) {
                    out.add(n);
                }
            }
        }
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out.stream().map(TestNetwork::ref).toList();
    }

    @Override
    public NetworkRef lookupNetworkByName(String name) {
        return host.networks.byName(name).map(TestNetwork::ref).orElseThrow(() -> new VirtException(
                ErrorCode.NO_NETWORK, ErrorDomain.TEST, "no network with matching name '" + name + "'"));
    }

    @Override
    public NetworkRef lookupNetworkByUuid(UUID uuid) {
        return host.networks.byUuid(uuid).map(TestNetwork::ref).orElseThrow(() -> new VirtException(
                ErrorCode.NO_NETWORK, ErrorDomain.TEST, "no network with matching uuid '" + uuid + "'"));
    }

    /** The network behind a handle (libvirt's test driver finds networks by name), locked. */
    private <T> T with(NetworkRef ref, Function<TestNetwork, T> action) {
        while (true) {
            TestNetwork n = host.networks.byName(ref.name()).orElseThrow(() -> new VirtException(
                    ErrorCode.NO_NETWORK, ErrorDomain.TEST, "no network with matching name '" + ref.name() + "'"));
            synchronized (n) {
                if (!n.isRemoved()) {
                    return action.apply(n);
                }
            }
        }
    }

    @Override
    public NetworkRef defineNetwork(String xml) {
        NetworkDef def = NetworkDefaults.parse(xml);
        TestNetwork n = assign(host, def, false);
        publish(n, NetworkEventType.DEFINED);
        return n.ref();
    }

    @Override
    public NetworkRef createNetwork(String xml) {
        NetworkDef def = NetworkDefaults.parse(xml);
        TestNetwork n = assign(host, def, true);
        synchronized (n) {
            n.setActive(true);
            publish(n, NetworkEventType.STARTED);
        }
        return n.ref();
    }

    /** libvirt's virNetworkObjAssignDef: redefine by UUID, refuse name/UUID clashes. */
    static TestNetwork assign(TestHost host, NetworkDef def, boolean live) {
        UUID uuid = UUID.fromString(def.getUuid());
        while (true) {
            TestNetwork existing = host.networks.byUuid(uuid).orElse(null);
            if (existing != null) {
                synchronized (existing) {
                    if (existing.isRemoved()) {
                        continue;
                    }
                    if (!existing.name().equals(def.getName())) {
                        throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.NETWORK,
                                "network '" + existing.name() + "' is already defined with uuid " + uuid);
                    }
                    if (live && existing.isActive()) {
                        throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.NETWORK,
                                "network is already active as '" + existing.name() + "'");
                    }
                    existing.setDef(def);
                    if (!live) {
                        existing.setPersistent(true);
                    }
                    return existing;
                }
            }
            TestNetwork fresh = new TestNetwork(def, !live);
            ObjectRegistry.Conflict c = host.networks.add(fresh);
            if (c == ObjectRegistry.Conflict.NONE) {
                return fresh;
            }
            if (c == ObjectRegistry.Conflict.NAME) {
                TestNetwork holder = host.networks.byName(def.getName()).orElse(null);
                if (holder != null) {
                    throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.NETWORK,
                            "network '" + def.getName() + "' already exists with uuid " + holder.uuid());
                }
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
            n.setActive(true);
            publish(n, NetworkEventType.STARTED);
            return null;
        });
    }

    @Override
    public void networkDestroy(NetworkRef ref) {
        with(ref, n -> {
            n.setActive(false);
            publish(n, NetworkEventType.STOPPED);
            if (!n.isPersistent()) {
                remove(n);
            }
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
            publish(n, NetworkEventType.UNDEFINED);
            remove(n);
            return null;
        });
    }

    private void remove(TestNetwork n) {
        host.networks.remove(n);
        n.markRemoved();
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
        return conn.track(host.networkEvents.subscribe(e -> true, listener));
    }

    private void publish(TestNetwork n, NetworkEventType type) {
        if (host.networkEvents.hasSubscribers()) {
            host.networkEvents.publish(new DriverNetworkEvent(n.ref(), type));
        }
    }
}
