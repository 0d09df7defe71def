package io.jvirt.driver.kvm;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.StoragePoolEventType;
import io.jvirt.StoragePoolInfo;
import io.jvirt.StoragePoolState;
import io.jvirt.VirtException;
import io.jvirt.spi.DriverStoragePoolEvent;
import io.jvirt.spi.HostObjectFiles;
import io.jvirt.spi.HostObjectList;
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
import java.util.function.Function;

/**
 * The directory storage pools of one {@link QemuPaths} layout, libvirt's storage driver with its
 * dir backend: persistent configs in {@code storageConfigDir} (autostart links beside them), the
 * live XML of each active pool in {@code storageStateDir} so that the next process finds it
 * active. Each pool is its own lock; callers go through {@link #with}.
 */
final class QemuStoragePools {
    /** libvirt's VIR_STORAGE_DEFAULT_POOL_PERM_MODE for a directory it builds. */
    private static final Set<PosixFilePermission> BUILD_MODE = PosixFilePermissions.fromString("rwx--x--x");

    final HostObjectList<QemuStoragePool, StoragePoolEventType, DriverStoragePoolEvent> objects =
            HostObjectList.storagePools(ErrorDomain.STORAGE, p -> p.ref);
    private final HostObjectFiles<QemuStoragePool> files;

    QemuStoragePools(QemuPaths paths) {
        this.files = new HostObjectFiles<>(objects, paths.storageConfigDir(), paths.storageStateDir());
    }

    // ---- finding pools ----

    enum Need { ANY, ACTIVE, INACTIVE }

    /** Runs {@code action} on the pool {@code ref} names, locked and in the state {@code need}. */
    <T> T with(StoragePoolRef ref, Need need, Function<QemuStoragePool, T> action) {
        return objects.locked(() -> objects.byUuid(ref.uuid()), p -> {
            if (need == Need.ACTIVE) {
                objects.requireActive(p);
            }
            if (need == Need.INACTIVE && p.isActive()) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.STORAGE,
                        "storage pool '" + p.name() + "' is already active");
            }
            return action.apply(p);
        });
    }

    // ---- loading ----

    /** Reads configs and active states, then starts autostart pools once per boot of the state dir. */
    void load() {
        files.load(new HostObjectFiles.Loader<>() {
            @Override
            public QemuStoragePool parse(String xml, boolean persistent) {
                return new QemuStoragePool(QemuStoragePools.parse(xml), persistent);
            }

            @Override
            public boolean resume(QemuStoragePool p, QemuStoragePool live) {
                // its directory may have gone away while nobody watched: then the pool can't be active
                if (!Files.isDirectory(p.target())) {
                    return false;
                }
                p.def = live.def;
                QemuStorageVolumes.scan(p);
                return true;
            }

            @Override
            public void autostart(QemuStoragePool p) {
                with(p.ref, Need.INACTIVE, q -> {
                    start(q, false);
                    return null;
                });
            }
        });
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
        QemuStoragePool p = files.addOrFind(new QemuStoragePool(def, true));
        synchronized (p) {
            if (p.isActive() && !p.target().equals(Path.of(def.getTarget().getPath()))) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.STORAGE, "storage pool '"
                        + p.name() + "' is active; destroy it before changing its target path");
            }
            files.writeConfig(p, text);
            p.def = def;
            objects.defined(p);
        }
        return p;
    }

    QemuStoragePool create(String xml, boolean build) {
        StoragePoolDef def = parse(xml);
        QemuStoragePool p = files.addOrFind(new QemuStoragePool(def, false));
        synchronized (p) {
            if (p.isActive()) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.STORAGE,
                        "storage pool '" + p.name() + "' is already active");
            }
            try {
                p.def = def;
                start(p, build);
            } catch (RuntimeException e) {
                objects.removeIfTransient(p);
                throw e;
            }
        }
        return p;
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
        objects.publish(p, StoragePoolEventType.CREATED);
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
        files.started(p, LibvirtXml.format(withSizes(p)));
    }

    void destroy(QemuStoragePool p) {
        files.stopped(p);
        p.volumes.clear();
    }

    /** Removes the pool's directory, which must be empty (libvirt's dir backend deletePool). */
    void delete(QemuStoragePool p) {
        try {
            Files.deleteIfExists(p.target());
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.STORAGE,
                    "failed to remove pool '" + p.target() + "': " + e.getMessage(), e);
        }
        objects.publish(p, StoragePoolEventType.DELETED);
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
        files.undefine(p);
    }

    void setAutostart(QemuStoragePool p, boolean autostart) {
        files.setAutostart(p, autostart);
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
}
