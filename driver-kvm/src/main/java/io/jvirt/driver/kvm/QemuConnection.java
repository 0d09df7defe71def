package io.jvirt.driver.kvm;

import io.jvirt.spi.DriverConnection;
import io.jvirt.spi.HypervisorDriver;
import java.util.concurrent.atomic.AtomicBoolean;

/** One connection to a {@link QemuHost}; the host lives while any connection to it is open. */
final class QemuConnection implements DriverConnection {
    private final QemuHost host;
    private final QemuHypervisor hypervisor;
    private final AtomicBoolean closed = new AtomicBoolean();

    QemuConnection(QemuHost host) {
        this.host = host;
        this.hypervisor = new QemuHypervisor(host);
    }

    @Override
    public HypervisorDriver hypervisor() {
        return hypervisor;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            hypervisor.closeSubscriptions();
            QemuHost.release(host);
        }
    }
}
