package io.jvirt.driver.test;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.Flag;
import io.jvirt.ListStoragePoolsFlag;
import io.jvirt.StoragePoolBuildFlag;
import io.jvirt.StoragePoolCreateFlag;
import io.jvirt.StoragePoolEventType;
import io.jvirt.StoragePoolInfo;
import io.jvirt.StoragePoolState;
import io.jvirt.StorageVolumeCreateFlag;
import io.jvirt.StorageVolumeDeleteFlag;
import io.jvirt.StorageVolumeInfo;
import io.jvirt.StorageVolumeResizeFlag;
import io.jvirt.Subscription;
import io.jvirt.VirtException;
import io.jvirt.spi.DriverStoragePoolEvent;
import io.jvirt.spi.StorageDriver;
import io.jvirt.spi.StoragePoolRef;
import io.jvirt.spi.StorageVolumeRef;
import io.jvirt.xml.LibvirtXml;
import io.jvirt.xml.ScaledValue;
import io.jvirt.xml.StoragePoolDef;
import io.jvirt.xml.StorageVolumeDef;
import io.jvirt.xml.StoragePoolDefaults;
import io.jvirt.xml.StorageVolumeDefaults;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The test driver's storage table, libvirt's {@code testStorageDriver}: pools with a fixed
 * 100 GiB, volumes that only count space. Resize and wipe, which libvirt's test driver lacks,
 * do the obvious in memory.
 */
final class TestStorage implements StorageDriver {
    private final TestHost host;
    private final TestConnection conn;

    TestStorage(TestHost host, TestConnection conn) {
        this.host = host;
        this.conn = conn;
    }

    // ---- pools ----

    @Override
    public List<StoragePoolRef> listAllStoragePools(Set<ListStoragePoolsFlag> flags) {
        return host.pools.list(flags, ListStoragePoolsFlag.ACTIVE, ListStoragePoolsFlag.INACTIVE,
                ListStoragePoolsFlag.PERSISTENT, ListStoragePoolsFlag.TRANSIENT,
                ListStoragePoolsFlag.AUTOSTART, ListStoragePoolsFlag.NO_AUTOSTART).stream().map(TestPool::ref).toList();
    }

    @Override
    public String findStoragePoolSources(String type, String sourceSpec) {
        return PoolSourceDiscovery.find(type, sourceSpec);
    }

    @Override
    public StoragePoolRef lookupStoragePoolByName(String name) {
        return host.pools.byName(name).ref();
    }

    @Override
    public StoragePoolRef lookupStoragePoolByUuid(UUID uuid) {
        return host.pools.byUuid(uuid).ref();
    }

    private enum Need { ANY, ACTIVE, INACTIVE }

    /** The pool (libvirt's test driver finds pools by name), locked, in the state {@code need}. */
    private <T> T with(String poolName, Need need, Function<TestPool, T> action) {
        return host.pools.locked(() -> host.pools.byName(poolName), p -> {
            if (need == Need.ACTIVE) {
                host.pools.requireActive(p);
            }
            if (need == Need.INACTIVE && p.isActive()) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST,
                        "storage pool '" + poolName + "' is active");
            }
            return action.apply(p);
        });
    }

    private void run(String poolName, Need need, Consumer<TestPool> action) {
        with(poolName, need, p -> {
            action.accept(p);
            return null;
        });
    }

    @Override
    public StoragePoolRef defineStoragePool(String xml) {
        TestPool p = add(host, StoragePoolDefaults.parse(xml), true);
        host.pools.publish(p, StoragePoolEventType.DEFINED);
        return p.ref();
    }

    @Override
    public StoragePoolRef createStoragePool(String xml, Set<StoragePoolCreateFlag> flags) {
        TestHypervisor.checkFlags(Flag.mask(flags), 0, "testStoragePoolCreateXML");
        StoragePoolDef def = StoragePoolDefaults.parse(xml);
        TestPool existing = host.pools.findByUuid(UUID.fromString(def.getUuid())).orElse(null);
        if (existing != null && existing.isActive()) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.STORAGE,
                    "pool is already active as '" + existing.name() + "'");
        }
        TestPool p = add(host, def, false);
        synchronized (p) {
            host.pools.started(p);
        }
        return p.ref();
    }

    /**
     * libvirt's virStoragePoolObjListAdd: name and UUID must agree with what exists. A pool that
     * exists is redefined: an inactive one takes the new definition; an active one keeps its own
     * (libvirt holds the new one as newDef, which its test driver never applies). Defining makes
     * a transient pool persistent.
     */
    static TestPool add(TestHost host, StoragePoolDef def, boolean persistent) {
        TestPool fresh = new TestPool(def, persistent);
        TestPool p = host.pools.addOrFind(fresh);
        if (p != fresh) {
            synchronized (p) {
                if (!p.isActive()) {
                    p.redefine(def);
                }
                if (persistent) {
                    p.setPersistent(true);
                }
            }
        }
        return p;
    }

    @Override
    public StoragePoolInfo poolInfo(StoragePoolRef ref) {
        return with(ref.name(), Need.ANY, p -> new StoragePoolInfo(
                p.isActive() ? StoragePoolState.RUNNING : StoragePoolState.INACTIVE,
                p.capacity(), p.allocation(), p.available()));
    }

    @Override
    public String poolXml(StoragePoolRef ref, boolean inactive) {
        // libvirt's testStoragePoolGetXMLDesc takes no flags, VIR_STORAGE_XML_INACTIVE included.
        TestHypervisor.checkFlags(inactive ? 1 : 0, 0, "testStoragePoolGetXMLDesc");
        return with(ref.name(), Need.ANY, p -> LibvirtXml.format(p.def()));
    }

    @Override
    public void poolBuild(StoragePoolRef ref, Set<StoragePoolBuildFlag> flags) {
        TestHypervisor.checkFlags(Flag.mask(flags), 0, "testStoragePoolBuild");
        run(ref.name(), Need.INACTIVE, p -> host.pools.publish(p, StoragePoolEventType.CREATED));
    }

    @Override
    public void poolStart(StoragePoolRef ref, Set<StoragePoolCreateFlag> flags) {
        TestHypervisor.checkFlags(Flag.mask(flags), 0, "testStoragePoolCreate");
        run(ref.name(), Need.INACTIVE, host.pools::started);
    }

    @Override
    public void poolDestroy(StoragePoolRef ref) {
        run(ref.name(), Need.ACTIVE, host.pools::stopped);
    }

    @Override
    public void poolDelete(StoragePoolRef ref) {
        run(ref.name(), Need.INACTIVE, p -> host.pools.publish(p, StoragePoolEventType.DELETED));
    }

    @Override
    public void poolRefresh(StoragePoolRef ref) {
        run(ref.name(), Need.ACTIVE, p -> { });
    }

    @Override
    public void poolUndefine(StoragePoolRef ref) {
        run(ref.name(), Need.INACTIVE, host.pools::undefined);
    }

    @Override
    public boolean poolGetAutostart(StoragePoolRef ref) {
        return with(ref.name(), Need.ANY, TestPool::autostart);
    }

    @Override
    public void poolSetAutostart(StoragePoolRef ref, boolean autostart) {
        run(ref.name(), Need.ANY, p -> {
            if (!p.isPersistent()) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.TEST, "pool has no config file");
            }
            p.setAutostart(autostart);
        });
    }

    @Override
    public boolean poolIsActive(StoragePoolRef ref) {
        return with(ref.name(), Need.ANY, TestPool::isActive);
    }

    @Override
    public boolean poolIsPersistent(StoragePoolRef ref) {
        return with(ref.name(), Need.ANY, TestPool::isPersistent);
    }

    // ---- volumes ----

    @Override
    public List<StorageVolumeRef> poolListAllVolumes(StoragePoolRef ref) {
        return with(ref.name(), Need.ANY, p -> {
            if (!p.isActive()) {
                // libvirt's testStoragePoolListAllVolumes words this one without the pool's name.
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST, "storage pool is not active");
            }
            List<StorageVolumeRef> out = new ArrayList<>();
            for (StorageVolumeDef v : p.volumes().values()) {
                out.add(new StorageVolumeRef(p.name(), v.getName(), v.getKey()));
            }
            return out;
        });
    }

    @Override
    public StorageVolumeRef lookupVolumeByName(StoragePoolRef ref, String name) {
        return with(ref.name(), Need.ACTIVE, p -> volRef(p, volume(p, name)));
    }

    private static StorageVolumeDef volume(TestPool p, String name) {
        StorageVolumeDef v = p.volumes().get(name);
        if (v == null) {
            throw new VirtException(ErrorCode.NO_STORAGE_VOL, ErrorDomain.TEST,
                    "no storage vol with matching name '" + name + "'");
        }
        return v;
    }

    private static StorageVolumeRef volRef(TestPool p, StorageVolumeDef v) {
        return new StorageVolumeRef(p.name(), v.getName(), v.getKey());
    }

    @Override
    public StorageVolumeRef lookupVolumeByPath(String path) {
        return findVolume(v -> path.equals(v.getTarget() == null ? null : v.getTarget().getPath()),
                "no storage vol with matching path '" + path + "'");
    }

    @Override
    public StorageVolumeRef lookupVolumeByKey(String key) {
        return findVolume(v -> key.equals(v.getKey()), "no storage vol with matching key '" + key + "'");
    }

    private StorageVolumeRef findVolume(java.util.function.Predicate<StorageVolumeDef> match, String notFound) {
        for (TestPool p : host.pools.all()) {
            synchronized (p) {
                if (!p.isRemoved() && p.isActive()) {
                    for (StorageVolumeDef v : p.volumes().values()) {
                        if (match.test(v)) {
                            return volRef(p, v);
                        }
                    }
                }
            }
        }
        throw new VirtException(ErrorCode.NO_STORAGE_VOL, ErrorDomain.TEST, notFound);
    }

    @Override
    public StorageVolumeRef createVolume(StoragePoolRef ref, String xml, Set<StorageVolumeCreateFlag> flags) {
        TestHypervisor.checkFlags(Flag.mask(flags), 0, "testStorageVolCreateXML");
        return with(ref.name(), Need.ACTIVE, p -> addVolume(p, StorageVolumeDefaults.parse(xml, p.def())));
    }

    @Override
    public StorageVolumeRef createVolumeFrom(StoragePoolRef ref, String xml, StorageVolumeRef source,
            Set<StorageVolumeCreateFlag> flags) {
        TestHypervisor.checkFlags(Flag.mask(flags), 0, "testStorageVolCreateXMLFrom");
        return with(ref.name(), Need.ACTIVE, p -> {
            StorageVolumeDef v = StorageVolumeDefaults.parse(xml, p.def());
            if (p.volumes().containsKey(v.getName())) {
                throw exists();
            }
            if (!p.volumes().containsKey(source.name())) {
                throw new VirtException(ErrorCode.NO_STORAGE_VOL, ErrorDomain.TEST,
                        "no storage vol with matching name '" + source.name() + "'");
            }
            return addVolume(p, v);
        });
    }

    private static VirtException exists() {
        return new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.TEST, "storage vol already exists");
    }

    /** libvirt's testStorageVolCreateXML: the pool must have room for the allocation. */
    static StorageVolumeRef addVolume(TestPool p, StorageVolumeDef v) {
        if (p.volumes().containsKey(v.getName())) {
            throw exists();
        }
        long alloc = v.getAllocation().toBytes();
        if (p.allocation() + alloc > p.capacity()) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.TEST,
                    "Not enough free space in pool for volume '" + v.getName() + "'");
        }
        p.volumes().put(v.getName(), v);
        p.setSizes(p.capacity(), p.allocation() + alloc);
        return volRef(p, v);
    }

    @Override
    public StoragePoolRef volumePool(StorageVolumeRef ref) {
        return host.pools.byName(ref.pool()).ref();
    }

    @Override
    public StorageVolumeInfo volumeInfo(StorageVolumeRef ref) {
        return with(ref.pool(), Need.ACTIVE, p -> {
            StorageVolumeDef v = volume(p, ref.name());
            return new StorageVolumeInfo(StorageVolumeDefaults.volumeType(p.def().getType()),
                    v.getCapacity().toBytes(), v.getAllocation().toBytes());
        });
    }

    @Override
    public String volumeXml(StorageVolumeRef ref) {
        return with(ref.pool(), Need.ACTIVE, p -> LibvirtXml.format(volume(p, ref.name())));
    }

    @Override
    public String volumePath(StorageVolumeRef ref) {
        return with(ref.pool(), Need.ACTIVE, p -> volume(p, ref.name()).getTarget().getPath());
    }

    @Override
    public void volumeDelete(StorageVolumeRef ref, Set<StorageVolumeDeleteFlag> flags) {
        TestHypervisor.checkFlags(Flag.mask(flags), 0, "testStorageVolDelete");
        run(ref.pool(), Need.ACTIVE, p -> {
            StorageVolumeDef v = volume(p, ref.name());
            p.volumes().remove(v.getName());
            p.setSizes(p.capacity(), p.allocation() - v.getAllocation().toBytes());
        });
    }

    @Override
    public void volumeResize(StorageVolumeRef ref, long capacity, Set<StorageVolumeResizeFlag> flags) {
        run(ref.pool(), Need.ACTIVE, p -> {
            StorageVolumeDef v = volume(p, ref.name());
            long current = v.getCapacity().toBytes();
            long target = flags.contains(StorageVolumeResizeFlag.DELTA)
                    ? (flags.contains(StorageVolumeResizeFlag.SHRINK) ? current - capacity : current + capacity)
                    : capacity;
            if (target < current && !flags.contains(StorageVolumeResizeFlag.SHRINK)) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.STORAGE,
                        "Can't shrink capacity below current capacity unless shrink flag explicitly specified");
            }
            if (target < 0) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.STORAGE,
                        "can't shrink capacity below zero");
            }
            long alloc = v.getAllocation().toBytes();
            long newAlloc = flags.contains(StorageVolumeResizeFlag.ALLOCATE) ? target : Math.min(alloc, target);
            if (p.allocation() - alloc + newAlloc > p.capacity()) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.STORAGE,
                        "Not enough space left in storage pool");
            }
            v.setCapacity(ScaledValue.bytes(target));
            v.setAllocation(ScaledValue.bytes(newAlloc));
            p.setSizes(p.capacity(), p.allocation() - alloc + newAlloc);
        });
    }

    @Override
    public void volumeWipe(StorageVolumeRef ref) {
        // Test volumes hold no data; wiping checks the volume is there, as a real wipe would.
        run(ref.pool(), Need.ACTIVE, p -> volume(p, ref.name()));
    }

    @Override
    public Subscription onStoragePoolEvent(Consumer<DriverStoragePoolEvent> listener) {
        return conn.track(host.pools.subscribe(listener));
    }
}
