package io.jvirt.driver.test;

import io.jvirt.ErrorDomain;
import io.jvirt.NetworkEventType;
import io.jvirt.NodeInfo;
import io.jvirt.StoragePoolEventType;
import io.jvirt.spi.DriverDomainEvent;
import io.jvirt.spi.DriverNetworkEvent;
import io.jvirt.spi.DriverStoragePoolEvent;
import io.jvirt.spi.EventDispatcher;
import io.jvirt.spi.HostObjectList;
import io.jvirt.spi.ObjectRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One emulated host: its node facts and every object on it. {@code test:///default} shares one
 * between all connections; each {@code test:///file.xml} connection has its own.
 */
final class TestHost {
    final NodeInfo nodeInfo;
    /** NUMA cells: memory and free memory in KiB; empty for hosts from node files. */
    final List<NumaCell> cells;
    final ObjectRegistry<TestDomain> domains = new ObjectRegistry<>(TestDomain::name, TestDomain::uuid);
    final HostObjectList<TestNetwork, NetworkEventType, DriverNetworkEvent> networks =
            HostObjectList.networks(ErrorDomain.TEST, TestNetwork::ref);
    final HostObjectList<TestPool, StoragePoolEventType, DriverStoragePoolEvent> pools =
            HostObjectList.storagePools(ErrorDomain.TEST, TestPool::ref);
    final Map<String, TestInterface> interfaces;
    final Map<String, TestNodeDevice> nodeDevices;
    /** Fake authentication users (name to password) from the node file's {@code <auth>}. */
    final Map<String, String> authUsers;
    final EventDispatcher<DriverDomainEvent> domainEvents = new EventDispatcher<>();
    /** Faults and delays injected through {@link TestHostControl}. */
    final FaultPlan faults = new FaultPlan();
    /** libvirt's nextDomID: ids are never reused within a host's life. */
    private final AtomicInteger nextDomainId = new AtomicInteger(1);

    record NumaCell(long memoryKiB, long freeKiB, int cpus) {
    }

    TestHost(NodeInfo nodeInfo, List<NumaCell> cells, Map<String, TestInterface> interfaces,
            Map<String, TestNodeDevice> nodeDevices, Map<String, String> authUsers) {
        this.nodeInfo = nodeInfo;
        this.cells = List.copyOf(cells);
        this.interfaces = interfaces;
        this.nodeDevices = nodeDevices;
        this.authUsers = authUsers;
    }

    int allocateDomainId() {
        return nextDomainId.getAndIncrement();
    }
}
