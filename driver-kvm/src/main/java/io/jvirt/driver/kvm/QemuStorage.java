package io.jvirt.driver.kvm;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.Flag;
import io.jvirt.ListStoragePoolsFlag;
import io.jvirt.StoragePoolBuildFlag;
import io.jvirt.StoragePoolCreateFlag;
import io.jvirt.StoragePoolInfo;
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
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/** The QEMU driver's storage table over a host's {@link QemuStoragePools}: directory pools. */
final class QemuStorage implements StorageDriver {
    private final QemuStoragePools pools;
    private final ConnectionSubscriptions subscriptions = new ConnectionSubscriptions();

    QemuStorage(QemuStoragePools pools) {
        this.pools = pools;
    }

    // ---- pools ----

    @Override
    public List<StoragePoolRef> listAllStoragePools(Set<ListStoragePoolsFlag> flags) {
        return pools.objects.list(flags, ListStoragePoolsFlag.ACTIVE, ListStoragePoolsFlag.INACTIVE,
                ListStoragePoolsFlag.PERSISTENT, ListStoragePoolsFlag.TRANSIENT,
                ListStoragePoolsFlag.AUTOSTART, ListStoragePoolsFlag.NO_AUTOSTART).stream().map(p -> p.ref).toList();
    }

    @Override
    public StoragePoolRef lookupStoragePoolByName(String name) {
        return pools.objects.byName(name).ref;
    }

    @Override
    public StoragePoolRef lookupStoragePoolByUuid(UUID uuid) {
        return pools.objects.byUuid(uuid).ref;
    }

    @Override
    public StoragePoolRef defineStoragePool(String xml) {
        return pools.define(xml).ref;
    }

    @Override
    public StoragePoolRef createStoragePool(String xml, Set<StoragePoolCreateFlag> flags) {
        return pools.create(xml, build(flags)).ref;
    }

    private static boolean build(Set<StoragePoolCreateFlag> flags) {
        if (flags.contains(StoragePoolCreateFlag.WITH_BUILD_OVERWRITE)) {
            // a directory pool has nothing to format; libvirt's dir backend refuses it too
            throw new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.STORAGE,
                    "overwrite is not supported for directory pools");
        }
        return !flags.isEmpty();
    }

    @Override
    public StoragePoolInfo poolInfo(StoragePoolRef pool) {
        return pools.with(pool, QemuStoragePools.Need.ANY, pools::info);
    }

    @Override
    public String poolXml(StoragePoolRef pool, boolean inactive) {
        return pools.with(pool, QemuStoragePools.Need.ANY, p -> LibvirtXml.format(pools.withSizes(p)));
    }

    @Override
    public void poolBuild(StoragePoolRef pool, Set<StoragePoolBuildFlag> flags) {
        if (flags.contains(StoragePoolBuildFlag.OVERWRITE) || flags.contains(StoragePoolBuildFlag.REPAIR)
                || flags.contains(StoragePoolBuildFlag.RESIZE)) {
            throw new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.STORAGE,
                    "build flags " + Flag.mask(flags) + " are not supported for directory pools");
        }
        run(pool, QemuStoragePools.Need.INACTIVE, pools::build);
    }

    @Override
    public void poolStart(StoragePoolRef pool, Set<StoragePoolCreateFlag> flags) {
        boolean build = build(flags);
        run(pool, QemuStoragePools.Need.INACTIVE, p -> pools.start(p, build));
    }

    @Override
    public void poolDestroy(StoragePoolRef pool) {
        run(pool, QemuStoragePools.Need.ACTIVE, pools::destroy);
    }

    @Override
    public void poolDelete(StoragePoolRef pool) {
        run(pool, QemuStoragePools.Need.INACTIVE, pools::delete);
    }

    @Override
    public void poolRefresh(StoragePoolRef pool) {
        run(pool, QemuStoragePools.Need.ACTIVE, QemuStorageVolumes::scan);
    }

    @Override
    public void poolUndefine(StoragePoolRef pool) {
        run(pool, QemuStoragePools.Need.ANY, pools::undefine);
    }

    @Override
    public boolean poolGetAutostart(StoragePoolRef pool) {
        return pools.with(pool, QemuStoragePools.Need.ANY, p -> p.autostart());
    }

    @Override
    public void poolSetAutostart(StoragePoolRef pool, boolean autostart) {
        run(pool, QemuStoragePools.Need.ANY, p -> pools.setAutostart(p, autostart));
    }

    @Override
    public boolean poolIsActive(StoragePoolRef pool) {
        return pools.with(pool, QemuStoragePools.Need.ANY, p -> p.isActive());
    }

    @Override
    public boolean poolIsPersistent(StoragePoolRef pool) {
        return pools.with(pool, QemuStoragePools.Need.ANY, p -> p.isPersistent());
    }

    private void run(StoragePoolRef pool, QemuStoragePools.Need need, Consumer<QemuStoragePool> action) {
        pools.with(pool, need, p -> {
            action.accept(p);
            return null;
        });
    }

    // ---- volumes ----

    @Override
    public List<StorageVolumeRef> poolListAllVolumes(StoragePoolRef pool) {
        return pools.with(pool, QemuStoragePools.Need.ACTIVE,
                p -> p.volumes.entrySet().stream().map(e -> ref(p, e.getKey())).toList());
    }

    private static StorageVolumeRef ref(QemuStoragePool p, String name) {
        return new StorageVolumeRef(p.name(), name, p.volumes.get(name).toString());
    }

    @Override
    public StorageVolumeRef lookupVolumeByName(StoragePoolRef pool, String name) {
        return pools.with(pool, QemuStoragePools.Need.ACTIVE, p -> {
            QemuStorageVolumes.path(p, name);
            return ref(p, name);
        });
    }

    @Override
    public StorageVolumeRef lookupVolumeByPath(String path) {
        return find(Path.of(path).normalize(), "no storage vol with matching path '" + path + "'");
    }

    @Override
    public StorageVolumeRef lookupVolumeByKey(String key) {
        return find(Path.of(key).normalize(), "no storage vol with matching key '" + key + "'");
    }

    /** The volume at {@code file} in an active pool (a file volume's key is its path). */
    private StorageVolumeRef find(Path file, String notFound) {
        for (QemuStoragePool p : pools.objects.all()) {
            synchronized (p) {
                if (!p.isRemoved() && p.isActive()) {
                    for (var e : p.volumes.entrySet()) {
                        if (e.getValue().equals(file)) {
                            return ref(p, e.getKey());
                        }
                    }
                }
            }
        }
        throw new VirtException(ErrorCode.NO_STORAGE_VOL, ErrorDomain.STORAGE, notFound);
    }

    @Override
    public StorageVolumeRef createVolume(StoragePoolRef pool, String xml, Set<StorageVolumeCreateFlag> flags) {
        if (flags.contains(StorageVolumeCreateFlag.REFLINK)) {
            throw new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.STORAGE, "reflink applies to clones only");
        }
        boolean metadata = flags.contains(StorageVolumeCreateFlag.PREALLOC_METADATA);
        return pools.with(pool, QemuStoragePools.Need.ACTIVE,
                p -> ref(p, QemuStorageVolumes.create(p, xml, metadata)));
    }

    @Override
    public StorageVolumeRef createVolumeFrom(StoragePoolRef pool, String xml, StorageVolumeRef source,
            Set<StorageVolumeCreateFlag> flags) {
        if (!flags.isEmpty()) {
            throw new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.STORAGE,
                    "volume clone flags " + Flag.mask(flags) + " are not supported");
        }
        // The source's pool is locked only to find its file: never two pool locks at once.
        Path from = volumeFile(source);
        return pools.with(pool, QemuStoragePools.Need.ACTIVE,
                p -> ref(p, QemuStorageVolumes.createFrom(p, xml, from)));
    }

    private Path volumeFile(StorageVolumeRef v) {
        return pools.with(poolOf(v), QemuStoragePools.Need.ACTIVE, p -> QemuStorageVolumes.path(p, v.name()));
    }

    private StoragePoolRef poolOf(StorageVolumeRef v) {
        return pools.objects.byName(v.pool()).ref;
    }

    @Override
    public StoragePoolRef volumePool(StorageVolumeRef volume) {
        return poolOf(volume);
    }

    @Override
    public StorageVolumeInfo volumeInfo(StorageVolumeRef volume) {
        return pools.with(poolOf(volume), QemuStoragePools.Need.ACTIVE,
                p -> QemuStorageVolumes.info(QemuStorageVolumes.path(p, volume.name())));
    }

    @Override
    public String volumeXml(StorageVolumeRef volume) {
        return pools.with(poolOf(volume), QemuStoragePools.Need.ACTIVE, p -> LibvirtXml.format(
                QemuStorageVolumes.describe(volume.name(), QemuStorageVolumes.path(p, volume.name()))));
    }

    @Override
    public String volumePath(StorageVolumeRef volume) {
        return volumeFile(volume).toString();
    }

    @Override
    public void volumeDelete(StorageVolumeRef volume, Set<StorageVolumeDeleteFlag> flags) {
        if (!flags.isEmpty()) {
            throw new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.STORAGE,
                    "volume delete flags " + Flag.mask(flags) + " are not supported");
        }
        run(poolOf(volume), QemuStoragePools.Need.ACTIVE, p -> QemuStorageVolumes.delete(p, volume.name()));
    }

    @Override
    public void volumeResize(StorageVolumeRef volume, long capacity, Set<StorageVolumeResizeFlag> flags) {
        run(poolOf(volume), QemuStoragePools.Need.ACTIVE, p -> QemuStorageVolumes.resize(
                QemuStorageVolumes.path(p, volume.name()), capacity, flags.contains(StorageVolumeResizeFlag.DELTA),
                flags.contains(StorageVolumeResizeFlag.SHRINK), flags.contains(StorageVolumeResizeFlag.ALLOCATE)));
    }

    @Override
    public void volumeWipe(StorageVolumeRef volume) {
        run(poolOf(volume), QemuStoragePools.Need.ACTIVE,
                p -> QemuStorageVolumes.wipe(QemuStorageVolumes.path(p, volume.name())));
    }

    @Override
    public Subscription onStoragePoolEvent(Consumer<DriverStoragePoolEvent> listener) {
        return subscriptions.track(pools.objects.subscribe(listener));
    }

    /** Ends this connection's subscriptions. */
    void closeSubscriptions() {
        subscriptions.closeAll();
    }
}
