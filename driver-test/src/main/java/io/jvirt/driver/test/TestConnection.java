package io.jvirt.driver.test;

import io.jvirt.Subscription;
import io.jvirt.spi.DriverConnection;
import io.jvirt.spi.HypervisorDriver;
import io.jvirt.spi.InterfaceDriver;
import io.jvirt.spi.NetworkDriver;
import io.jvirt.spi.NodeDeviceDriver;
import io.jvirt.spi.StorageDriver;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One connection to a test host. The host may be shared ({@code test:///default}); what belongs
 * to the connection is its event subscriptions, closed with it, and its release of the host.
 */
final class TestConnection implements DriverConnection {
    private final TestHost host;
    private final Runnable release;
    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
    private final TestHypervisor hypervisorImpl;
    private final Faultable<HypervisorDriver> hypervisor;
    private final Faultable<NetworkDriver> networks;
    private final Faultable<StorageDriver> storage;
    private final Faultable<InterfaceDriver> interfaces;
    private final Faultable<NodeDeviceDriver> nodeDevices;

    TestConnection(TestHost host, Runnable release) {
        this.host = host;
        this.release = release;
        this.hypervisorImpl = new TestHypervisor(host, this);
        this.hypervisor = new Faultable<>(HypervisorDriver.class, hypervisorImpl);
        this.networks = new Faultable<>(NetworkDriver.class, new TestNetworks(host, this));
        this.storage = new Faultable<>(StorageDriver.class, new TestStorage(host, this));
        this.interfaces = new Faultable<>(InterfaceDriver.class, new TestInterfaces(host));
        this.nodeDevices = new Faultable<>(NodeDeviceDriver.class, new TestNodeDevices(host));
    }

    /**
     * A table that goes through the host's fault plan only while the plan has rules. The
     * wrapping proxy is made on first need: most connections never inject a fault, and making
     * proxies costs start-up time that a short jvirsh run feels.
     */
    private final class Faultable<T> {
        private final Class<T> type;
        private final T impl;
        private volatile T wrapped;

        Faultable(Class<T> type, T impl) {
            this.type = type;
            this.impl = impl;
        }

        T get() {
            if (host.faults.isEmpty()) {
                return impl;
            }
            T w = wrapped;
            if (w == null) {
                w = FaultInjecting.wrap(type, impl, host.faults);
                wrapped = w;
            }
            return w;
        }
    }

    TestHost host() {
        return host;
    }

    /** Keeps {@code s} so that closing the connection ends it; closing it early forgets it. */
    Subscription track(Subscription s) {
        Subscription tracked = new Subscription() {
            @Override
            public void close() {
                s.close();
                subscriptions.remove(this);
            }
        };
        subscriptions.add(tracked);
        return tracked;
    }

    @Override
    public HypervisorDriver hypervisor() {
        return hypervisor.get();
    }

    @Override
    public NetworkDriver networks() {
        return networks.get();
    }

    @Override
    public StorageDriver storage() {
        return storage.get();
    }

    @Override
    public InterfaceDriver interfaces() {
        return interfaces.get();
    }

    @Override
    public NodeDeviceDriver nodeDevices() {
        return nodeDevices.get();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (type == TestHostControl.class) {
            return type.cast(new Control());
        }
        return null;
    }

    /** The control of this connection's host. */
    private final class Control implements TestHostControl {
        @Override
        public void failNext(String operation, io.jvirt.ErrorCode code, int times) {
            host.faults.failNext(operation, code, times);
        }

        @Override
        public void failRandomly(String operation, io.jvirt.ErrorCode code, double probability, long seed) {
            host.faults.failRandomly(operation, code, probability, seed);
        }

        @Override
        public void delay(String operation, java.time.Duration latency) {
            host.faults.delay(operation, latency);
        }

        @Override
        public void clearFaults() {
            host.faults.clear();
        }

        @Override
        public void crash(String name) {
            hypervisorImpl.crash(name);
        }
    }

    @Override
    public void close() {
        for (Subscription s : subscriptions) {
            s.close();
        }
        release.run();
    }
}
