package io.jvirt.driver.kvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The capabilities cache against real files: what makes it probe again and what doesn't. */
class QemuCapsCacheTest {
    @TempDir
    Path dir;

    private Path binary;
    private Path cacheDir;
    private final AtomicInteger probes = new AtomicInteger();
    private final Function<Path, QemuCapabilities> probe = b -> {
        probes.incrementAndGet();
        return caps(b);
    };

    static QemuCapabilities caps(Path binary) {
        return new QemuCapabilities(binary, "7.2.22", "Debian 1:7.2+dfsg-7",
                List.of(new QemuCapabilities.Machine("pc-i440fx-7.2", "pc", true, 255, false),
                        new QemuCapabilities.Machine("isapc", null, false, 1, true)),
                List.of("qemu64", "max"), Set.of("tcg"), false, true);
    }

    @BeforeEach
    void setUp() throws Exception {
        QemuCapsCache.forgetInMemory();
        binary = Files.writeString(dir.resolve("qemu-system-x86_64"), "not really qemu");
        cacheDir = dir.resolve("cache");
    }

    @AfterEach
    void forget() {
        QemuCapsCache.forgetInMemory();
    }

    @Test
    void aSecondRunReadsTheFileInsteadOfProbing() {
        QemuCapabilities first = QemuCapsCache.get(binary, cacheDir, probe);
        assertEquals(1, probes.get());
        assertTrue(Files.exists(QemuCapsCache.fileFor(cacheDir, binary)));
        QemuCapsCache.forgetInMemory(); // as a new JVM would start
        QemuCapabilities second = QemuCapsCache.get(binary, cacheDir, probe);
        assertEquals(1, probes.get(), "no second probe");
        assertEquals(first, second, "the JSON round trip keeps every field");
    }

    @Test
    void aChangedBinaryIsProbedAgain() throws Exception {
        QemuCapsCache.get(binary, cacheDir, probe);
        Files.setLastModifiedTime(binary, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        QemuCapsCache.get(binary, cacheDir, probe);
        assertEquals(2, probes.get(), "mtime change seen in memory");
        Files.writeString(binary, "an upgraded qemu, longer");
        QemuCapsCache.forgetInMemory();
        QemuCapsCache.get(binary, cacheDir, probe);
        assertEquals(3, probes.get(), "size change seen on disk");
    }

    @Test
    void aCorruptFileMeansAProbeAndIsReplaced() throws Exception {
        QemuCapsCache.get(binary, cacheDir, probe);
        Path file = QemuCapsCache.fileFor(cacheDir, binary);
        Files.writeString(file, "{\"stamp\": {\"binary\": tru");
        QemuCapsCache.forgetInMemory();
        assertEquals(caps(binary), QemuCapsCache.get(binary, cacheDir, probe));
        assertEquals(2, probes.get());
        QemuCapsCache.forgetInMemory();
        QemuCapsCache.get(binary, cacheDir, probe);
        assertEquals(2, probes.get(), "the rewritten file is good again");
    }

    @Test
    void anUnwritableCacheOnlyCostsProbes() throws Exception {
        Files.writeString(cacheDir, "a file where the directory should be");
        assertEquals(caps(binary), QemuCapsCache.get(binary, cacheDir, probe));
        QemuCapsCache.forgetInMemory();
        QemuCapsCache.get(binary, cacheDir, probe);
        assertEquals(2, probes.get());
    }
}
