package io.jvirt.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.ListStoragePoolsFlag;
import io.jvirt.NetworkEventType;
import io.jvirt.StoragePoolEventType;
import io.jvirt.VirtException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HostObjectListTest {
    static final class Net extends HostObject {
        Net(String name, UUID uuid, boolean persistent) {
            super(name, uuid, persistent);
        }

        NetworkRef ref() {
            return new NetworkRef(name(), uuid());
        }
    }

    static final class Pool extends HostObject {
        Pool(String name, UUID uuid, boolean persistent) {
            super(name, uuid, persistent);
        }

        StoragePoolRef ref() {
            return new StoragePoolRef(name(), uuid());
        }
    }

    private final HostObjectList<Net, NetworkEventType, DriverNetworkEvent> networks =
            HostObjectList.networks(ErrorDomain.TEST, Net::ref);
    private final HostObjectList<Pool, StoragePoolEventType, DriverStoragePoolEvent> pools =
            HostObjectList.storagePools(ErrorDomain.STORAGE, Pool::ref);

    @Test
    void lookupsFailInTheDriversDomainWithLibvirtsWords() {
        VirtException byName = assertThrows(VirtException.class, () -> networks.byName("lan"));
        assertEquals(ErrorCode.NO_NETWORK, byName.code());
        assertEquals(ErrorDomain.TEST, byName.domain());
        assertEquals("Network not found: no network with matching name 'lan'", byName.getMessage());

        UUID uuid = UUID.randomUUID();
        VirtException byUuid = assertThrows(VirtException.class, () -> pools.byUuid(uuid));
        assertEquals(ErrorCode.NO_STORAGE_POOL, byUuid.code());
        assertEquals(ErrorDomain.STORAGE, byUuid.domain());
        assertEquals("Storage pool not found: no storage pool with matching uuid '" + uuid + "'",
                byUuid.getMessage());
    }

    @Test
    void addOrFindGivesTheObjectWithTheSameNameAndUuid() {
        UUID uuid = UUID.randomUUID();
        Net first = networks.addOrFind(new Net("lan", uuid, true));

        assertSame(first, networks.addOrFind(new Net("lan", uuid, false)));
        assertSame(first, networks.byName("lan"));
        assertSame(first, networks.byUuid(uuid));
    }

    @Test
    void addOrFindRefusesAUuidOfAnotherNameAndANameOfAnotherUuid() {
        UUID uuid = UUID.randomUUID();
        pools.addOrFind(new Pool("images", uuid, true));

        VirtException uuidClash = assertThrows(VirtException.class,
                () -> pools.addOrFind(new Pool("isos", uuid, true)));
        assertEquals(ErrorCode.OPERATION_FAILED, uuidClash.code());
        assertEquals(ErrorDomain.STORAGE, uuidClash.domain());
        assertEquals("operation failed: pool 'images' is already defined with uuid " + uuid, uuidClash.getMessage());

        UUID lan = networks.addOrFind(new Net("lan", UUID.randomUUID(), true)).uuid();
        VirtException nameClash = assertThrows(VirtException.class,
                () -> networks.addOrFind(new Net("lan", UUID.randomUUID(), true)));
        assertEquals(ErrorDomain.NETWORK, nameClash.domain(), "a clash is the conf layer's, not the driver's");
        assertEquals("operation failed: network 'lan' already exists with uuid " + lan, nameClash.getMessage());
        assertEquals(1, networks.all().size());
    }

    @Test
    void aVettedNameIsCheckedBeforeAnythingIsAdded() {
        VirtException bad = new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NETWORK, "invalid name 'a/b'");

        assertSame(bad, assertThrows(VirtException.class,
                () -> networks.addOrFind(new Net("a/b", UUID.randomUUID(), true), name -> {
                    throw bad;
                })));
        assertTrue(networks.all().isEmpty());
    }

    @Test
    void lockedLooksAgainWhenTheObjectLeftTheListMeanwhile() {
        Net gone = networks.addOrFind(new Net("lan", UUID.randomUUID(), false));
        networks.remove(gone);
        Net current = networks.addOrFind(new Net("lan", UUID.randomUUID(), false));
        Deque<Net> answers = new ArrayDeque<>(List.of(gone, current));

        assertSame(current, networks.locked(answers::pop, n -> n));
        assertTrue(answers.isEmpty());
    }

    @Test
    void aTransientObjectIsForgottenWhenItStops() throws Exception {
        BlockingQueue<DriverNetworkEvent> events = new LinkedBlockingQueue<>();
        networks.subscribe(events::add);
        Net n = networks.addOrFind(new Net("lan", UUID.randomUUID(), false));
        synchronized (n) {
            networks.started(n);
            networks.stopped(n);
        }

        assertTrue(n.isRemoved());
        assertThrows(VirtException.class, () -> networks.byName("lan"));
        assertEquals(new DriverNetworkEvent(n.ref(), NetworkEventType.STARTED), events.poll(5, TimeUnit.SECONDS));
        assertEquals(new DriverNetworkEvent(n.ref(), NetworkEventType.STOPPED), events.poll(5, TimeUnit.SECONDS));
    }

    @Test
    void anUndefinedObjectRunsOnAsATransientOneUntilItStops() throws Exception {
        BlockingQueue<DriverStoragePoolEvent> events = new LinkedBlockingQueue<>();
        pools.subscribe(events::add);
        Pool p = pools.addOrFind(new Pool("images", UUID.randomUUID(), false));
        synchronized (p) {
            pools.defined(p);
            pools.started(p);
            pools.undefined(p);
        }
        assertFalse(p.isPersistent());
        assertSame(p, pools.byName("images"));

        synchronized (p) {
            pools.stopped(p);
        }
        assertTrue(p.isRemoved());
        for (StoragePoolEventType type : List.of(StoragePoolEventType.DEFINED, StoragePoolEventType.STARTED,
                StoragePoolEventType.UNDEFINED, StoragePoolEventType.STOPPED)) {
            assertEquals(new DriverStoragePoolEvent(p.ref(), type), events.poll(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void aPersistentObjectStaysWhenItStops() {
        Pool p = pools.addOrFind(new Pool("images", UUID.randomUUID(), true));
        synchronized (p) {
            pools.started(p);
            pools.stopped(p);
        }

        assertFalse(p.isRemoved());
        assertFalse(p.isActive());
        assertSame(p, pools.byName("images"));
    }

    @Test
    void requireActiveNamesTheObject() {
        Pool p = pools.addOrFind(new Pool("images", UUID.randomUUID(), true));

        VirtException e = assertThrows(VirtException.class, () -> pools.requireActive(p));
        assertEquals(ErrorCode.OPERATION_INVALID, e.code());
        assertEquals(ErrorDomain.STORAGE, e.domain());
        assertEquals("Requested operation is not valid: storage pool 'images' is not active", e.getMessage());
    }

    @Test
    void listingsFilterAndSortByName() {
        Pool b = pools.addOrFind(new Pool("b", UUID.randomUUID(), true));
        Pool a = pools.addOrFind(new Pool("a", UUID.randomUUID(), true));
        Pool c = pools.addOrFind(new Pool("c", UUID.randomUUID(), false));
        synchronized (c) {
            pools.started(c);
        }

        assertEquals(List.of(a, b, c), list(Set.of()));
        assertEquals(List.of(a, b), list(Set.of(ListStoragePoolsFlag.INACTIVE)));
        assertEquals(List.of(c), list(Set.of(ListStoragePoolsFlag.ACTIVE, ListStoragePoolsFlag.TRANSIENT)));
    }

    private List<Pool> list(Set<ListStoragePoolsFlag> flags) {
        return pools.list(flags, ListStoragePoolsFlag.ACTIVE, ListStoragePoolsFlag.INACTIVE,
                ListStoragePoolsFlag.PERSISTENT, ListStoragePoolsFlag.TRANSIENT, ListStoragePoolsFlag.AUTOSTART,
                ListStoragePoolsFlag.NO_AUTOSTART);
    }
}
