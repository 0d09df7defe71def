package io.jvirt.driver.kvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.ConnectUri;
import io.jvirt.ErrorCode;
import io.jvirt.VirtException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which directories each QEMU URI resolves to; the environment comes through the driver's seam. */
class QemuPathsTest {
    private static final Path HOME = Path.of("/home/alice");

    private static QemuPaths resolve(String uri, Map<String, String> env, long uid) {
        return new QemuDriver(env, HOME, () -> uid).paths(ConnectUri.parse(uri));
    }

    @Test
    void systemUsesTheHostWideDirectories() {
        QemuPaths p = resolve("qemu:///system", Map.of(), 0);
        assertEquals(Path.of("/etc/jvirt/qemu"), p.configDir());
        assertEquals(Path.of("/run/jvirt/qemu"), p.stateDir());
        assertEquals(Path.of("/var/lib/jvirt/qemu"), p.libDir());
        assertEquals(Path.of("/var/lib/jvirt/qemu/dump"), p.dumpDir());
        assertEquals(Path.of("/var/cache/jvirt/qemu"), p.cacheDir());
        assertEquals(Path.of("/etc/jvirt/storage"), p.storageConfigDir());
        assertEquals(Path.of("/etc/jvirt/qemu/networks"), p.networkConfigDir());
    }

    @Test
    void systemRefusesAnUnprivilegedUser() {
        VirtException e = assertThrows(VirtException.class,
                () -> resolve("qemu:///system", Map.of(), 1000));
        assertEquals(ErrorCode.OPERATION_DENIED, e.code());
        assertTrue(e.getMessage().contains("root") && e.getMessage().contains("qemu:///session"),
                e.getMessage());
    }

    @Test
    void sessionFollowsXdgVariables() {
        QemuPaths p = resolve("qemu:///session", Map.of("XDG_CONFIG_HOME", "/x/conf",
                "XDG_CACHE_HOME", "/x/cache", "XDG_RUNTIME_DIR", "/run/user/1000"), 1000);
        assertEquals(Path.of("/x/conf/jvirt/qemu"), p.configDir());
        assertEquals(Path.of("/x/conf/jvirt/qemu/lib"), p.libDir());
        assertEquals(Path.of("/x/conf/jvirt/qemu/dump"), p.dumpDir());
        assertEquals(Path.of("/run/user/1000/jvirt/qemu/run"), p.stateDir());
        assertEquals(Path.of("/x/cache/jvirt/qemu/cache"), p.cacheDir());
        assertEquals(Path.of("/x/conf/jvirt/storage"), p.storageConfigDir());
        assertEquals(Path.of("/run/user/1000/jvirt/storage/run"), p.storageStateDir());
    }

    @Test
    void sessionFallsBackToHomeAndIgnoresRelativeXdgValues() {
        QemuPaths p = resolve("qemu:///session", Map.of("XDG_CONFIG_HOME", "relative/conf"), 1000);
        assertEquals(Path.of("/home/alice/.config/jvirt/qemu"), p.configDir());
        assertEquals(Path.of("/home/alice/.cache/jvirt/qemu/cache"), p.cacheDir());
        // No XDG_RUNTIME_DIR: runtime state goes under the cache directory, as in libvirt.
        assertEquals(Path.of("/home/alice/.cache/jvirt/qemu/run"), p.stateDir());
    }

    @Test
    void embedKeepsEverythingUnderRoot() {
        QemuPaths p = resolve("qemu:///embed?root=/srv/vms/../vms", Map.of(), 1000);
        assertEquals(Path.of("/srv/vms/etc/qemu"), p.configDir());
        assertEquals(Path.of("/srv/vms/run/qemu"), p.stateDir());
        assertEquals(Path.of("/srv/vms/cache/qemu"), p.cacheDir());
        assertEquals(Path.of("/srv/vms/lib/qemu/dump"), p.dumpDir());
        assertEquals(Path.of("/srv/vms/etc/storage"), p.storageConfigDir());
    }

    @Test
    void otherPathsAreNotSupported() {
        VirtException e = assertThrows(VirtException.class,
                () -> resolve("qemu:///default", Map.of(), 0));
        assertEquals(ErrorCode.NO_SUPPORT, e.code());
    }
}
