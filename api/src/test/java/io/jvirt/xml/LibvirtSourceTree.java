package io.jvirt.xml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Test helper: finds an extracted libvirt 9.0.0 source tree (libvirt's XML test corpora), from
 * system property {@code jvirt.libvirt.src}, environment variable {@code JVIRT_LIBVIRT_SRC}, or
 * else where scripts/fetch-libvirt-src.sh puts it by default ({@code ~/.cache/jvirt}).
 */
public final class LibvirtSourceTree {
    public static final String PROPERTY = "jvirt.libvirt.src";
    public static final String ENV = "JVIRT_LIBVIRT_SRC";

    private LibvirtSourceTree() {
    }

    public static Optional<Path> find(String relativeDir) {
        String root = System.getProperty(PROPERTY);
        if (root == null || root.isBlank()) {
            root = System.getenv(ENV);
        }
        if (root == null || root.isBlank()) {
            root = Path.of(System.getProperty("user.home"), ".cache", "jvirt", "libvirt-9.0.0")
                    .toString();
        }
        Path dir = Path.of(root).resolve(relativeDir);
        return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }
}
