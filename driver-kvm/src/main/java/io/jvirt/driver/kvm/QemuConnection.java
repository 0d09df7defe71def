package io.jvirt.driver.kvm;

import io.jvirt.spi.DriverConnection;
import io.jvirt.spi.HypervisorDriver;
import io.jvirt.spi.NetworkDriver;
import io.jvirt.spi.StorageDriver;
import java.util.concurrent.atomic.AtomicBoolean;

/** One connection to a {@link QemuHost}; the host lives while any connection to it is open. */
final class QemuConnection implements DriverConnection {
    private final QemuHost host;
    private final QemuHypervisor hypervisor;
    private final QemuStorage storage;
    private final QemuNetworking networks;
    private final AtomicBoolean closed = new AtomicBoolean();

    QemuConnection(QemuHost host) {
        this.host = host;
        this.hypervisor = new QemuHypervisor(host);
        this.storage = new QemuStorage(host.storagePools);
        this.networks = new QemuNetworking(host.networks);
    }

    @Override
    public HypervisorDriver hypervisor() {
        return hypervisor;
    }

    @Override
    public NetworkDriver networks() {
        return networks;
    }

    @Override
    public StorageDriver storage() {
        return storage;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            hypervisor.closeSubscriptions();
            storage.closeSubscriptions();
            networks.closeSubscriptions();
            QemuHost.release(host);
        }
    }
}
