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
    private final HypervisorDriver hypervisor;
    private final NetworkDriver networks;
    private final StorageDriver storage;
    private final InterfaceDriver interfaces;
    private final NodeDeviceDriver nodeDevices;

    TestConnection(TestHost host, Runnable release) {
        this.host = host;
        this.release = release;
        this.hypervisorImpl = new TestHypervisor(host, this);
        FaultPlan faults = host.faults;
        this.hypervisor = FaultInjecting.wrap(HypervisorDriver.class, hypervisorImpl, faults);
        this.networks = FaultInjecting.wrap(NetworkDriver.class, new TestNetworks(host, this), faults);
        this.storage = FaultInjecting.wrap(StorageDriver.class, new TestStorage(host, this), faults);
        this.interfaces = FaultInjecting.wrap(InterfaceDriver.class, new TestInterfaces(host), faults);
        this.nodeDevices = FaultInjecting.wrap(NodeDeviceDriver.class, new TestNodeDevices(host), faults);
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
    public InterfaceDriver interfaces() {
        return interfaces;
    }

    @Override
    public NodeDeviceDriver nodeDevices() {
        return nodeDevices;
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
