package io.jvirt.driver.kvm;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * libvirt's virDriverShouldAutostart: autostart objects once per boot, not on every daemon (here:
 * every first connection) start. A marker file in the state directory, which lives in /run for
 * the system URI, records that it happened.
 */
final class AutostartMarker {
    private AutostartMarker() {
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
