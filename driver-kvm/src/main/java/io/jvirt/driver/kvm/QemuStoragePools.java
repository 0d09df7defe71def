package io.jvirt.driver.kvm;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.StoragePoolEventType;
import io.jvirt.StoragePoolInfo;
import io.jvirt.StoragePoolState;
import io.jvirt.VirtException;
import io.jvirt.spi.AtomicConfigStore;
import io.jvirt.spi.DriverStoragePoolEvent;
import io.jvirt.spi.EventDispatcher;
import io.jvirt.spi.ObjectRegistry;
import io.jvirt.spi.StoragePoolRef;
import io.jvirt.xml.LibvirtXml;
import io.jvirt.xml.PoolTargetDef;
import io.jvirt.xml.ScaledValue;
import io.jvirt.xml.StoragePoolDef;
import io.jvirt.xml.StoragePoolDefaults;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The directory storage pools of one {@link QemuPaths} layout, libvirt's storage driver with its
 * dir backend: persistent configs in {@code storageConfigDir} (autostart links beside them), the
 * live XML of each active pool in {@code storageStateDir} so that the next process finds it
 * active. Each pool is its own lock; callers go through {@link #with}.
 */
final class QemuStoragePools {
    private static final System.Logger LOG = System.getLogger(QemuStoragePools.class.getName());
    /** libvirt's VIR_STORAGE_DEFAULT_POOL_PERM_MODE for a directory it builds. */
    private static final Set<PosixFilePermission> BUILD_MODE = PosixFilePermissions.fromString("rwx--x--x");

    final ObjectRegistry<QemuStoragePool> registry = new ObjectRegistry<>(p -> p.name(), p -> p.uuid());
    final EventDispatcher<DriverStoragePoolEvent> events = new EventDispatcher<>();
    private final AtomicConfigStore configs;
    private final AtomicConfigStore states;
    private final Path autostartDir;

    QemuStoragePools(QemuPaths paths) {
        this.configs = new AtomicConfigStore(paths.storageConfigDir(), ErrorDomain.STORAGE);
        this.states = new AtomicConfigStore(paths.storageStateDir(), ErrorDomain.STORAGE);
        this.autostartDir = configs.directory().resolve("autostart");
    }

    // ---- finding pools ----

    enum Need { ANY, ACTIVE, INACTIVE }

    QemuStoragePool byName(String name) {
        return registry.byName(name).orElseThrow(() -> new VirtException(ErrorCode.NO_STORAGE_POOL,
                ErrorDomain.STORAGE, "no storage pool with matching name '" + name + "'"));
    }

    QemuStoragePool byUuid(UUID uuid) {
        return registry.byUuid(uuid).orElseThrow(() -> new VirtException(ErrorCode.NO_STORAGE_POOL,
                ErrorDomain.STORAGE, "no storage pool with matching uuid '" + uuid + "'"));
    }

    /** Runs {@code action} on the pool {@code ref} names, locked and in the state {@code need}. */
    <T> T with(StoragePoolRef ref, Need need, Function<QemuStoragePool, T> action) {
        while (true) {
            QemuStoragePool p = byUuid(ref.uuid());
            synchronized (p) {
                if (p.isRemoved()) {
                    continue; // replaced meanwhile: look again
                }
                if (need == Need.ACTIVE && !p.isActive()) {
                    throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.STORAGE,
                            "storage pool '" + p.name() + "' is not active");
                }
                if (need == Need.INACTIVE && p.isActive()) {
                    throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.STORAGE,
                            "storage pool '" + p.name() + "' is already active");
                }
                return action.apply(p);
            }
        }
    }

    // ---- loading ----

    /** Reads configs and active states, then starts autostart pools once per boot of the state dir. */
    void load() {
        for (String name : configs.names()) {
            try {
                QemuStoragePool p = new QemuStoragePool(parse(configs.read(name).orElseThrow()), true);
                p.setAutostart(Autostart.isMarked(autostartDir, name));
                registry.add(p);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "ignoring unreadable pool config " + configs.pathOf(name), e);
            }
        }
        for (String name : states.names()) {
            try {
                StoragePoolDef live = parse(states.read(name).orElseThrow());
                QemuStoragePool p = registry.byUuid(UUID.fromString(live.getUuid())).orElse(null);
                if (p == null) {
                    p = new QemuStoragePool(live, false);
                    registry.add(p);
                }
                if (Files.isDirectory(p.target())) {
                    p.def = live;
                    p.setActive(true);
                    QemuStorageVolumes.scan(p);
                } else {
                    // its directory went away while nobody watched: the pool can't be active
                    states.delete(name);
                    if (!p.isPersistent()) {
                        registry.remove(p);
                    }
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "ignoring unreadable pool state " + states.pathOf(name), e);
            }
        }
        if (Autostart.firstStartSinceBoot(states.directory())) {
            for (QemuStoragePool p : registry.all()) {
                if (p.autostart() && !p.isActive()) {
                    try {
                        with(p.ref, Need.INACTIVE, q -> {
                            start(q, false);
                            return null;
                        });
                    } catch (RuntimeException e) {
                        LOG.log(System.Logger.Level.WARNING, "cannot autostart storage pool " + p.name(), e);
                    }
                }
            }
        }
    }

    /** libvirt's pool parser, then what this driver can serve: directory pools with an absolute target. */
    static StoragePoolDef parse(String xml) {
        StoragePoolDef def = StoragePoolDefaults.parse(xml);
        if (!"dir".equals(def.getType())) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.STORAGE,
                    "storage pool type '" + def.getType() + "' (this driver has directory pools only)");
        }
        String path = def.getTarget() == null ? null : def.getTarget().getPath();
        if (path == null || path.isBlank()) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.STORAGE, "missing storage pool target path");
        }
        if (!path.startsWith("/")) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.STORAGE,
                    "storage pool target path '" + path + "' must be absolute");
        }
        // libvirt's virFileSanitizePath: no trailing or doubled slashes
        def.getTarget().setPath(Path.of(path).normalize().toString());
        for (ScaledValue s : new ScaledValue[] {def.getCapacity(), def.getAllocation(), def.getAvailable()}) {
            if (s != null) {
                s.toBytes(); // a malformed size is XML_ERROR now, not later
            }
        }
        return def;
    }

    // ---- lifecycle, the pool locked by the caller where it exists ----

    QemuStoragePool define(String xml) {
        StoragePoolDef def = parse(xml);
        String text = LibvirtXml.format(def);
        QemuStoragePool p = addOrFind(def, true);
        synchronized (p) {
            if (p.isActive() && !p.target().equals(Path.of(def.getTarget().getPath()))) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.STORAGE, "storage pool '"
                        + p.name() + "' is active; destroy it before changing its target path");
            }
            configs.write(p.name(), text);
            p.def = def;
            p.setPersistent(true);
        }
        publish(p, StoragePoolEventType.DEFINED);
        return p;
    }

    QemuStoragePool create(String xml, boolean build) {
        StoragePoolDef def = parse(xml);
        QemuStoragePool p = addOrFind(def, false);
        synchronized (p) {
            if (p.isActive()) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.STORAGE,
                        "storage pool '" + p.name() + "' is already active");
            }
            try {
                p.def = def;
                start(p, build);
            } catch (RuntimeException e) {
                if (!p.isPersistent()) {
                    registry.remove(p);
                    p.markRemoved();
                }
                throw e;
            }
        }
        return p;
    }

    /** libvirt's virStoragePoolObjListAdd: the pool with this UUID and name, or a new one. */
    private QemuStoragePool addOrFind(StoragePoolDef def, boolean persistent) {
        UUID uuid = UUID.fromString(def.getUuid());
        QemuStoragePool byUuid = registry.byUuid(uuid).orElse(null);
        if (byUuid != null) {
            if (!byUuid.name().equals(def.getName())) {
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.STORAGE,
                        "pool '" + byUuid.name() + "' is already defined with uuid " + uuid);
            }
            return byUuid;
        }
        configs.pathOf(def.getName()); // a name that can't be a file name is INVALID_ARG
        QemuStoragePool fresh = new QemuStoragePool(def, persistent);
        if (registry.add(fresh) != ObjectRegistry.Conflict.NONE) {
            QemuStoragePool holder = registry.byName(def.getName()).orElse(null);
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.STORAGE, "pool '" + def.getName()
                    + "' already exists with uuid " + (holder != null ? holder.uuid() : uuid));
        }
        return fresh;
    }

    /** Makes the pool's directory (libvirt's dir backend buildPool). */
    void build(QemuStoragePool p) {
        Path dir = p.target();
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                Files.setPosixFilePermissions(dir, BUILD_MODE);
            }
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.STORAGE,
                    "cannot create path '" + dir + "': " + e.getMessage(), e);
        }
        publish(p, StoragePoolEventType.CREATED);
    }

    void start(QemuStoragePool p, boolean build) {
        if (build) {
            build(p);
        }
        if (!Files.isDirectory(p.target())) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.STORAGE, "cannot open directory '"
                    + p.target() + "': No such file or directory (build the pool first)");
        }
        QemuStorageVolumes.scan(p);
        states.write(p.name(), LibvirtXml.format(withSizes(p)));
        p.setActive(true);
        publish(p, StoragePoolEventType.STARTED);
    }

    void destroy(QemuStoragePool p) {
        states.delete(p.name());
        p.setActive(false);
        p.volumes.clear();
        publish(p, StoragePoolEventType.STOPPED);
        if (!p.isPersistent()) {
            registry.remove(p);
            p.markRemoved();
        }
    }

    /** Removes the pool's directory, which must be empty (libvirt's dir backend deletePool). */
    void delete(QemuStoragePool p) {
        try {
            Files.deleteIfExists(p.target());
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.STORAGE,
                    "failed to remove pool '" + p.target() + "': " + e.getMessage(), e);
        }
        publish(p, StoragePoolEventType.DELETED);
    }

    void undefine(QemuStoragePool p) {
        if (p.isActive()) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.STORAGE,
                    "storage pool '" + p.name() + "' is still active");
        }
        if (!p.isPersistent()) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.STORAGE,
                    "cannot undefine transient storage pool '" + p.name() + "'");
        }
        setAutostart(p, false);
        configs.delete(p.name());
        registry.remove(p);
        p.markRemoved();
        publish(p, StoragePoolEventType.UNDEFINED);
    }

    /** The autostart link, as libvirt's: autostart/NAME.xml → ../NAME.xml. */
    void setAutostart(QemuStoragePool p, boolean autostart) {
        if (!p.isPersistent()) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.STORAGE,
                    "cannot set autostart for transient pool");
        }
        Autostart.mark(autostartDir, p.name(), configs.pathOf(p.name()), autostart, ErrorDomain.STORAGE);
        p.setAutostart(autostart);
    }

    // ---- what a pool reports ----

    StoragePoolInfo info(QemuStoragePool p) {
        if (!p.isActive()) {
            return new StoragePoolInfo(StoragePoolState.INACTIVE, 0, 0, 0);
        }
        long[] s = sizes(p.target());
        return new StoragePoolInfo(StoragePoolState.RUNNING, s[0], s[1], s[2]);
    }

    /** The pool's definition with the sizes and permissions an active pool reports. */
    StoragePoolDef withSizes(QemuStoragePool p) {
        StoragePoolDef out = LibvirtXml.copy(p.def);
        long[] s = p.isActive() || Files.isDirectory(p.target()) ? sizes(p.target()) : new long[3];
        out.setCapacity(ScaledValue.bytes(s[0]));
        out.setAllocation(ScaledValue.bytes(s[1]));
        out.setAvailable(ScaledValue.bytes(s[2]));
        if (out.getTarget() == null) {
            out.setTarget(new PoolTargetDef(p.target().toString()));
        }
        if (Files.isDirectory(p.target())) {
            out.getTarget().setPermissions(QemuStorageVolumes.permissions(p.target()));
        }
        return out;
    }

    /** capacity, allocation, available as libvirt's statvfs: blocks, blocks - free, available to users. */
    private static long[] sizes(Path dir) {
        try {
            FileStore fs = Files.getFileStore(dir);
            long total = fs.getTotalSpace();
            return new long[] {total, total - fs.getUnallocatedSpace(), fs.getUsableSpace()};
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.STORAGE,
                    "cannot statvfs path '" + dir + "': " + e.getMessage(), e);
        }
    }

    void publish(QemuStoragePool p, StoragePoolEventType type) {
        if (events.hasSubscribers()) {
            events.publish(new DriverStoragePoolEvent(p.ref, type));
        }
    }
}
