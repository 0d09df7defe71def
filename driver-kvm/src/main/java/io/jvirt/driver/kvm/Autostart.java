package io.jvirt.driver.kvm;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * libvirt's autostart bookkeeping for pools and networks: a link {@code autostart/NAME.xml} →
 * the config marks an object, and a marker file in the state directory (libvirt's
 * virDriverShouldAutostart) makes autostart happen once per boot, not on every first connection.
 */
final class Autostart {
    private Autostart() {
    }

    /** Whether {@code name} has its autostart link in {@code dir}. */
    static boolean isMarked(Path dir, String name) {
        return Files.exists(dir.resolve(name + ".xml"), LinkOption.NOFOLLOW_LINKS);
    }

    /** Creates or removes {@code name}'s link in {@code dir} to {@code config}. */
    static void mark(Path dir, String name, Path config, boolean autostart, ErrorDomain domain) {
        Path link = dir.resolve(name + ".xml");
        try {
            if (autostart && !Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(dir);
                Files.createSymbolicLink(link, config);
            } else if (!autostart) {
                Files.deleteIfExists(link);
            }
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, domain,
                    "cannot change autostart link '" + link + "': " + e.getMessage(), e);
        }
    }

    /** True the first time it is asked for {@code stateDir} since the marker was last removed. */
    static boolean firstStartSinceBoot(Path stateDir) {
        try {
            Files.createDirectories(stateDir);
            Files.createFile(stateDir.resolve("autostarted"));
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            return false; // can't record it: don't autostart twice
        }
    }
}
