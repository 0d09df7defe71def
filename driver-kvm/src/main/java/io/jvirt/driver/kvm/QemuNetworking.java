package io.jvirt.driver.kvm;

import io.jvirt.ListNetworksFlag;
import io.jvirt.Subscription;
import io.jvirt.spi.DriverNetworkEvent;
import io.jvirt.spi.NetworkDriver;
import io.jvirt.spi.NetworkRef;
import io.jvirt.xml.LibvirtXml;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/** The QEMU driver's network table over a host's {@link QemuNetworks}. */
final class QemuNetworking implements NetworkDriver {
    private final QemuNetworks networks;
    private final ConnectionSubscriptions subscriptions = new ConnectionSubscriptions();

    QemuNetworking(QemuNetworks networks) {
        this.networks = networks;
    }

    @Override
    public List<NetworkRef> listAllNetworks(Set<ListNetworksFlag> flags) {
        return networks.objects.list(flags, ListNetworksFlag.ACTIVE, ListNetworksFlag.INACTIVE,
                ListNetworksFlag.PERSISTENT, ListNetworksFlag.TRANSIENT,
                ListNetworksFlag.AUTOSTART, ListNetworksFlag.NO_AUTOSTART).stream().map(n -> n.ref).toList();
    }

    @Override
    public NetworkRef lookupNetworkByName(String name) {
        return networks.objects.byName(name).ref;
    }

    @Override
    public NetworkRef lookupNetworkByUuid(UUID uuid) {
        return networks.objects.byUuid(uuid).ref;
    }

    @Override
    public NetworkRef defineNetwork(String xml) {
        return networks.define(xml).ref;
    }

    @Override
    public NetworkRef createNetwork(String xml) {
        return networks.create(xml).ref;
    }

    @Override
    public String networkXml(NetworkRef network, boolean inactive) {
        return networks.with(network, n -> LibvirtXml.format(n.def));
    }

    @Override
    public void networkStart(NetworkRef network) {
        networks.with(network, n -> {
            networks.start(n);
            return null;
        });
    }

    @Override
    public void networkDestroy(NetworkRef network) {
        networks.with(network, n -> {
            networks.destroy(n);
            return null;
        });
    }

    @Override
    public void networkUndefine(NetworkRef network) {
        networks.with(network, n -> {
            networks.undefine(n);
            return null;
        });
    }

    @Override
    public boolean networkGetAutostart(NetworkRef network) {
        return networks.with(network, n -> n.autostart());
    }

    @Override
    public void networkSetAutostart(NetworkRef network, boolean autostart) {
        networks.with(network, n -> {
            networks.setAutostart(n, autostart);
            return null;
        });
    }

    @Override
    public boolean networkIsActive(NetworkRef network) {
        return networks.with(network, n -> n.isActive());
    }

    @Override
    public boolean networkIsPersistent(NetworkRef network) {
        return networks.with(network, n -> n.isPersistent());
    }

    @Override
    public String networkBridgeName(NetworkRef network) {
        return networks.with(network, QemuNetwork::bridge);
    }

    @Override
    public Subscription onNetworkEvent(Consumer<DriverNetworkEvent> listener) {
        return subscriptions.track(networks.objects.subscribe(listener));
    }

    /** Ends this connection's subscriptions. */
    void closeSubscriptions() {
        subscriptions.closeAll();
    }
}
