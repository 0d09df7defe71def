package io.jvirt.driver.xen;

import io.jvirt.spi.DriverConnection;
import io.jvirt.spi.HypervisorDriver;
import java.util.concurrent.atomic.AtomicBoolean;

/** One connection to a {@link XenHost}; the host serves its xenstore while any is open. */
final class XenConnection implements DriverConnection {
    private final XenHost host;
    private final XenHypervisor hypervisor;
    private final AtomicBoolean closed = new AtomicBoolean();

    XenConnection(XenHost host) {
        this.host = host;
        this.hypervisor = new XenHypervisor(host);
    }

    @Override
    public HypervisorDriver hypervisor() {
        return hypervisor;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            XenHost.release(host);
        }
    }
}
