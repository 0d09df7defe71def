package io.jvirt.driver.kvm;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.StorageVolumeInfo;
import io.jvirt.StorageVolumeType;
import io.jvirt.VirtException;
import io.jvirt.xml.PermissionsDef;
import io.jvirt.xml.ScaledValue;
import io.jvirt.xml.StorageFormatDef;
import io.jvirt.xml.StorageVolumeDef;
import io.jvirt.xml.StorageVolumeDefaults;
import io.jvirt.xml.VolumeTargetDef;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Set;

/**
 * Volumes of a directory pool, libvirt's dir backend: every regular file in the directory is a
 * volume, created and inspected with qemu-img, sizes reported as libvirt reports them (capacity
 * from the image header, raw: the file size; allocation st_blocks × 512, which is qemu-img's
 * actual-size; physical the file size). Callers hold the pool's lock.
 */
final class QemuStorageVolumes {
    /** Formats this driver creates; anything else in the XML is refused, not guessed. */
    private static final Set<String> FORMATS = Set.of("raw", "qcow2");
    private static final int WIPE_CHUNK = 1 << 20;

    private QemuStorageVolumes() {
    }

    /** Re-reads the pool's directory (libvirt's refreshPool): its regular files. */
    static void scan(QemuStoragePool p) {
        p.volumes.clear();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(p.target())) {
            for (Path f : ds) {
                if (Files.isRegularFile(f)) {
                    p.volumes.put(f.getFileName().toString(), f);
                }
            }
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.STORAGE,
                    "cannot open directory '" + p.target() + "': " + e.getMessage(), e);
        }
    }

    static Path path(QemuStoragePool p, String name) {
        Path f = p.volumes.get(name);
        if (f == null) {
            throw new VirtException(ErrorCode.NO_STORAGE_VOL, ErrorDomain.STORAGE,
                    "no storage vol with matching name '" + name + "'");
        }
        return f;
    }

    /** libvirt's storageVolCreateXML for a dir pool; {@code metadataOnly} is PREALLOC_METADATA. */
    static String create(QemuStoragePool p, String xml, boolean metadataOnly) {
        StorageVolumeDef v = StorageVolumeDefaults.parse(xml, p.def);
        String name = v.getName();
        if (name.contains("/") || name.equals(".") || name.equals("..")) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.STORAGE,
                    "volume name '" + name + "' cannot contain '/'");
        }
        Path file = p.target().resolve(name);
        if (p.volumes.containsKey(name) || Files.exists(file)) {
            throw new VirtException(ErrorCode.STORAGE_VOL_EXIST, ErrorDomain.STORAGE, "'" + name + "'");
        }
        String format = format(v.getTarget().getFormat());
        long capacity = v.getCapacity().toBytes();
        long allocation = v.getAllocation().toBytes();
        VolumeTargetDef backing = v.getBackingStore();
        Path backingPath = null;
        String backingFormat = null;
        if (backing != null && backing.getPath() != null) {
            if (format.equals("raw")) {
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.STORAGE,
                        "backing storage not supported for raw volumes");
            }
            backingPath = Path.of(backing.getPath());
            if (!Files.isReadable(backingPath)) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.STORAGE,
                        "inaccessible backing store volume " + backingPath);
            }
            backingFormat = backing.getFormat() != null ? format(backing.getFormat())
                    : QemuImg.info(backingPath).format();
        }
        // libvirt's preallocation choice (storage_util.c): none, metadata for a partial
        // allocation, falloc for a full one; a backing file takes no preallocation.
        String prealloc = null;
        if (backingPath == null && (allocation > 0 || metadataOnly)) {
            prealloc = format.equals("qcow2") && (metadataOnly || allocation < capacity) ? "metadata"
                    : allocation >= capacity ? "falloc" : null;
        }
        try {
            QemuImg.create(file, format, capacity, prealloc, backingPath, backingFormat);
            if (format.equals("raw") && prealloc == null && allocation > 0) {
                zero(file, Math.min(allocation, capacity)); // a partial allocation: its first bytes
            }
        } catch (RuntimeException e) {
            QemuHost.deleteQuietly(file);
            throw e;
        }
        p.volumes.put(name, file);
        return name;
    }

    /** libvirt's vol-clone / vol-create-from: a converted copy of {@code source} in this pool. */
    static String createFrom(QemuStoragePool p, String xml, Path source) {
        StorageVolumeDef v = StorageVolumeDefaults.parse(xml, p.def);
        Path file = p.target().resolve(v.getName());
        if (v.getName().contains("/") || p.volumes.containsKey(v.getName()) || Files.exists(file)) {
            throw new VirtException(ErrorCode.STORAGE_VOL_EXIST, ErrorDomain.STORAGE, "'" + v.getName() + "'");
        }
        String format = format(v.getTarget().getFormat());
        QemuImg.Info src = QemuImg.info(source);
        try {
            QemuImg.convert(source, src.format(), file, format);
            long capacity = v.getCapacity().toBytes();
            if (capacity > capacity(file, QemuImg.info(file))) {
                QemuImg.resize(file, format, capacity, false, false);
            }
        } catch (RuntimeException e) {
            QemuHost.deleteQuietly(file);
            throw e;
        }
        p.volumes.put(v.getName(), file);
        return v.getName();
    }

    static StorageVolumeInfo info(Path file) {
        QemuImg.Info i = QemuImg.info(file);
        return new StorageVolumeInfo(StorageVolumeType.FILE, capacity(file, i), i.actualSize());
    }

    /** The volume's XML as libvirt's virStorageVolDefFormat writes it for a file volume. */
    static StorageVolumeDef describe(String name, Path file) {
        QemuImg.Info i = QemuImg.info(file);
        StorageVolumeDef v = new StorageVolumeDef(name);
        v.setType("file");
        v.setKey(file.toString());
        v.setCapacity(ScaledValue.bytes(capacity(file, i)));
        v.setAllocation(ScaledValue.bytes(i.actualSize()));
        v.setPhysical(ScaledValue.bytes(size(file)));
        VolumeTargetDef t = new VolumeTargetDef();
        t.setPath(file.toString());
        t.setFormat(new StorageFormatDef(i.format()));
        t.setPermissions(permissions(file));
        t.setCompat(i.compat());
        v.setTarget(t);
        if (i.backingFile() != null) {
            VolumeTargetDef b = new VolumeTargetDef();
            b.setPath(i.backingFile());
            if (i.backingFormat() != null) {
                b.setFormat(new StorageFormatDef(i.backingFormat()));
            }
            v.setBackingStore(b);
        }
        return v;
    }

    static void delete(QemuStoragePool p, String name) {
        Path file = path(p, name);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.STORAGE,
                    "cannot unlink file '" + file + "': " + e.getMessage(), e);
        }
        p.volumes.remove(name);
    }

    /** libvirt's storageVolResize: an absolute or DELTA size; shrinking only when asked to. */
    static void resize(Path file, long size, boolean delta, boolean shrink, boolean allocate) {
        QemuImg.Info i = QemuImg.info(file);
        long current = capacity(file, i);
        long target = delta ? (shrink ? current - size : current + size) : size;
        if (target < 0) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.STORAGE, "can't shrink capacity below zero");
        }
        if (target < current && !shrink) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.STORAGE,
                    "Can't shrink capacity below current capacity unless shrink flag explicitly specified");
        }
        if (target != current) {
            QemuImg.resize(file, i.format(), target, target < current, allocate);
        }
    }

    /**
     * libvirt's default wipe (zero): every byte of the file overwritten with zeros. A qcow2 file
     * is then given a fresh header of the same size and backing file, so that the volume is
     * still an image (libvirt leaves a file of zeros that no longer is one).
     */
    static void wipe(Path file) {
        QemuImg.Info i = QemuImg.info(file);
        long capacity = capacity(file, i);
        zero(file, size(file));
        if (!i.format().equals("raw")) {
            QemuImg.create(file, i.format(), capacity, null,
                    i.backingFile() == null ? null : Path.of(i.backingFile()), i.backingFormat());
        }
    }

    // ---- helpers ----

    private static String format(StorageFormatDef f) {
        String type = f == null || f.getType() == null ? "raw" : f.getType();
        if (!FORMATS.contains(type)) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.STORAGE,
                    "volume format '" + type + "' (this driver creates raw and qcow2)");
        }
        return type;
    }

    /** libvirt takes a raw file's capacity from its size, an image's from its header. */
    private static long capacity(Path file, QemuImg.Info i) {
        return i.format().equals("raw") ? size(file) : i.virtualSize();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.STORAGE,
                    "cannot stat file '" + file + "': " + e.getMessage(), e);
        }
    }

    /** Writes zeros over the first {@code length} bytes, then syncs, as libvirt's wipe does. */
    private static void zero(Path file, long length) {
        ByteBuffer zeros = ByteBuffer.allocateDirect(WIPE_CHUNK);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            long done = 0;
            while (done < length) {
                zeros.clear().limit((int) Math.min(WIPE_CHUNK, length - done));
                done += ch.write(zeros, done);
            }
            ch.force(true);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.STORAGE,
                    "cannot write zeros to '" + file + "': " + e.getMessage(), e);
        }
    }

    /** mode (octal, four digits), owner and group as libvirt's refresh fills them from stat. */
    static PermissionsDef permissions(Path file) {
        try {
            Map<String, Object> a = Files.readAttributes(file, "unix:mode,uid,gid");
            PermissionsDef perms = new PermissionsDef();
            perms.setMode("0" + Integer.toOctalString(((Integer) a.get("mode")) & 0777));
            perms.setOwner(a.get("uid").toString());
            perms.setGroup(a.get("gid").toString());
            return perms;
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }
}
