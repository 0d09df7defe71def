package io.jvirt.driver.kvm;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Probe results kept between runs, libvirt's qemu capabilities cache: one JSON file per binary
 * under the layout's cache directory, valid while the binary (path, size, mtime, ctime) and
 * /dev/kvm (ctime: permissions decide whether KVM is usable) are unchanged. A file that can't
 * be read or parsed is treated as absent, so the worst a corrupt cache costs is a probe.
 */
final class QemuCapsCache {
    private static final System.Logger LOG = System.getLogger(QemuCapsCache.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final Path DEV_KVM = Path.of("/dev/kvm");
    /** What this JVM probed or read, so that only the first connection pays for the disk. */
    private static final Map<Path, Entry> MEMORY = new ConcurrentHashMap<>();

    /** What a cached probe is valid for. */
    record Stamp(String binary, long size, long mtimeNanos, long ctimeNanos, long kvmCtimeNanos) {
    }

    /** The file's content. */
    record Entry(Stamp stamp, QemuCapabilities caps) {
    }

    private QemuCapsCache() {
    }

    /**
     * {@code binary}'s capabilities: from memory or {@code cacheDir} when still valid, else
     * from {@code probe}, whose result is then written to {@code cacheDir}.
     */
    static QemuCapabilities get(Path binary, Path cacheDir, Function<Path, QemuCapabilities> probe) {
        Stamp stamp = stamp(binary);
        if (stamp == null) {
            return probe.apply(binary); // no binary: let the prober say so
        }
        // compute: one probe per binary at a time, as concurrent opens would otherwise each probe.
        return MEMORY.compute(binary, (b, known) -> {
            if (known != null && known.stamp().equals(stamp)) {
                return known;
            }
            Path file = fileFor(cacheDir, b);
            Entry cached = read(file);
            if (cached == null || !stamp.equals(cached.stamp()) || cached.caps() == null) {
                cached = new Entry(stamp, probe.apply(b));
                write(file, cached);
            }
            return cached;
        }).caps();
    }

    /** Forgets what this JVM holds, so the next {@link #get} reads the disk (benchmarks, tests). */
    static void forgetInMemory() {
        MEMORY.clear();
    }

    static Path fileFor(Path cacheDir, Path binary) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(binary.toString().getBytes(StandardCharsets.UTF_8));
            return cacheDir.resolve("capabilities").resolve(HexFormat.of().formatHex(digest) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static Stamp stamp(Path binary) {
        try {
            Map<String, Object> a = Files.readAttributes(binary, "unix:size,lastModifiedTime,ctime");
            return new Stamp(binary.toString(), ((Number) a.get("size")).longValue(),
                    nanos(a.get("lastModifiedTime")), nanos(a.get("ctime")), kvmCtime());
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    private static long kvmCtime() {
        try {
            return nanos(Files.getAttribute(DEV_KVM, "unix:ctime"));
        } catch (IOException | UnsupportedOperationException e) {
            return 0;
        }
    }

    private static long nanos(Object fileTime) {
        FileTime t = (FileTime) fileTime;
        return t.to(java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    private static Entry read(Path file) {
        try {
            return JSON.readValue(Files.readString(file), Entry.class);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "ignoring unreadable capabilities cache " + file
                    + ": " + e.getMessage());
            return null;
        }
    }

    /** Temp file and rename, so a concurrent reader sees the old file or the new one. */
    private static void write(Path file, Entry entry) {
        Path temp = file.resolveSibling(".tmp-" + ProcessHandle.current().pid() + "-" + file.getFileName());
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(entry));
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // A cache that can't be written costs the next run a probe, nothing more.
            LOG.log(System.Logger.Level.WARNING, "cannot write capabilities cache " + file + ": " + e.getMessage());
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }
}
