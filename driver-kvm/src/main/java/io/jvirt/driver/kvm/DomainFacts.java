package io.jvirt.driver.kvm;

import io.jvirt.xml.DomainDef;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.zip.CRC32C;

/**
 * What {@code list --all} and {@code dominfo} show of a domain, taken from its parsed definition.
 * A short-lived process (one jvirsh command) that knows these needn't bind any XML: building
 * the XML binding costs a fresh JVM about a quarter of a second, most of such a command.
 * They travel in the status file of a running domain and, for a persistent definition, in a
 * cache beside it (DIR/cache/qemu/domains/NAME.facts) that names the length and CRC-32C of the XML it was
 * taken from, so a hand-edited config is parsed (and checked) again, never trusted.
 */
record DomainFacts(String name, UUID uuid, long memoryKiB, long currentMemoryKiB, int vcpus, String osType) {

    static DomainFacts of(DomainDef def) {
        return new DomainFacts(def.getName(), UUID.fromString(def.getUuid()), def.getMemoryKiB(),
                QemuResources.currentMemoryKiB(def), QemuResources.currentVcpus(def), def.getOsType());
    }

    Properties toProperties() {
        Properties p = new Properties();
        p.setProperty("name", name);
        p.setProperty("uuid", uuid.toString());
        p.setProperty("memory", Long.toString(memoryKiB));
        p.setProperty("currentMemory", Long.toString(currentMemoryKiB));
        p.setProperty("vcpus", Integer.toString(vcpus));
        if (osType != null) {
            p.setProperty("osType", osType);
        }
        return p;
    }

    /** The facts in {@code p}; empty if any is missing or malformed. */
    static Optional<DomainFacts> fromProperties(Properties p) {
        String name = p.getProperty("name");
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new DomainFacts(name, UUID.fromString(p.getProperty("uuid")),
                    Long.parseLong(p.getProperty("memory")), Long.parseLong(p.getProperty("currentMemory")),
                    Integer.parseInt(p.getProperty("vcpus")), p.getProperty("osType")));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    // ---- the cache of a persistent definition's facts ----

    static Path cacheFile(QemuPaths paths, String name) {
        return paths.cacheDir().resolve("domains").resolve(name + ".facts");
    }

    /** The facts cached for exactly this config text, if any. */
    static Optional<DomainFacts> cached(Path file, String xml) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (!checksum(xml).equals(p.getProperty("checksum"))) {
            return Optional.empty();
        }
        return fromProperties(p);
    }

    /** Remembers these facts for the config text {@code xml}; a failure only costs a parse later. */
    void cache(Path file, String xml) {
        Properties p = toProperties();
        p.setProperty("checksum", checksum(xml));
        Path temp = file.resolveSibling(".tmp-" + file.getFileName());
        try {
            Files.createDirectories(file.getParent());
            try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                p.store(w, null);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            QemuHost.deleteQuietly(temp);
        }
    }

    /**
     * Tells a changed config from the one the facts came from. Not a defence: whoever can edit
     * the config can edit its facts too. CRC-32C rather than a digest, because a fresh process
     * checks every config and the JDK's digests cost it their security providers' start-up.
     */
    private static String checksum(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return bytes.length + "-" + Long.toHexString(crc.getValue());
    }
}
