package io.jvirt.driver.kvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code qemu:///session} for real, in child JVMs whose HOME and XDG directories point into a
 * temporary directory: each process finds the guest the previous one started (reconnect).
 */
class QemuSessionIT {
    @TempDir
    Path home;

    @BeforeAll
    static void needQemu() {
        InstalledQemu.require();
    }

    @AfterEach
    void destroyLeftovers() throws Exception {
        // A failed assertion must not leave QEMU running: the guest's pid file names it.
        Path pid = home.resolve("run/jvirt/qemu/run/sess.pid");
        if (Files.exists(pid)) {
            ProcessHandle.of(Long.parseLong(Files.readString(pid).strip())).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private String session(String... args) throws Exception {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(javaBin.toString(), "-cp", System.getProperty("java.class.path"),
                SessionMain.class.getName());
        pb.command().addAll(java.util.List.of(args));
        Map<String, String> env = pb.environment();
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve("conf").toString());
        env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
        env.put("XDG_RUNTIME_DIR", home.resolve("run").toString());
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM did not exit");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void eachProcessFindsTheGuestUnderTheUsersXdgDirectories() throws Exception {
        String started = session("start", "sess", QemuEmbedDriverIT.xml("sess"));
        assertTrue(started.contains("state running (booted)"), started);
        assertTrue(Files.exists(home.resolve("conf/jvirt/qemu/sess.xml")), "config under XDG_CONFIG_HOME");
        assertTrue(Files.exists(home.resolve("run/jvirt/qemu/run/sess.pid")), "state under XDG_RUNTIME_DIR");

        String found = session("state", "sess");
        assertTrue(found.contains("state running") && found.contains("id=1"), found);

        String destroyed = session("destroy", "sess");
        assertTrue(destroyed.contains("state shut off (destroyed)"), destroyed);
        assertFalse(Files.exists(home.resolve("run/jvirt/qemu/run/sess.pid")), "pid file removed");
    }
}
