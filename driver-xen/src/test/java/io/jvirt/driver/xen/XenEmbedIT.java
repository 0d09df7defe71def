package io.jvirt.driver.xen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.Connection;
import io.jvirt.ErrorCode;
import io.jvirt.Virt;
import io.jvirt.VirtException;
import io.jvirt.driver.xen.xenstore.XenstoreClient;
import io.jvirt.driver.xen.xenstore.XenstoreDaemon;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code xen:///embed?root=DIR} opened through the public API, with Debian's xenstore-utils
 * talking to the xenstore it serves at DIR/run/xenstored/socket while the connection is open.
 */
@Timeout(120)
class XenEmbedIT {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void requireXenstoreUtils() {
        HostTools.require(List.of("xenstore-read", "xenstore-write", "xenstore-ls"), "xenstore-utils");
    }

    private String uri() {
        return "xen:///embed?root=" + dir;
    }

    private Path socket() {
        return dir.resolve("run/xenstored/socket");
    }

    private Run run(String... argv) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().remove("XENSTORED_RUNDIR");
        pb.environment().put("XENSTORED_PATH", socket().toString());
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", argv) + " did not finish");
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private String ok(String... argv) throws Exception {
        Run r = run(argv);
        assertEquals(0, r.exit(), String.join(" ", argv) + " failed: " + r.err());
        return r.out();
    }

    @Test
    void xenstoreUtilsTalkToTheXenstoreWhileTheConnectionIsOpen() throws Exception {
        try (Connection c = Virt.open(uri())) {
            assertEquals("Xen", c.hypervisorType());
            assertEquals(4_017_000L, c.hypervisorVersion());
            assertTrue(c.isAlive());
            assertTrue(Files.exists(socket()));
            ok("xenstore-write", "/vm/demo/name", "demo", "/vm/demo/memory", "512");
            assertEquals("demo\n", ok("xenstore-read", "/vm/demo/name"));
            assertEquals("name = \"demo\"\nmemory = \"512\"\n", ok("xenstore-ls", "/vm/demo"));
            // What the tools wrote is in the daemon, as a Java client sees it.
            try (XenstoreClient xs = XenstoreClient.connect(socket())) {
                assertEquals("512", xs.readString("/vm/demo/memory"));
                xs.write("/vm/demo/state", "running");
            }
            assertEquals("running\n", ok("xenstore-read", "/vm/demo/state"));
            Run missing = run("xenstore-read", "/vm/none");
            assertEquals(1, missing.exit());
        }
        assertFalse(Files.exists(socket()), "the last close removes the socket");
        Run after = run("xenstore-read", "/vm/demo/name");
        assertTrue(after.exit() != 0, "nothing serves the socket after close: " + after);
    }

    @Test
    void connectionsOnOneRootShareOneXenstore() throws Exception {
        Connection first = Virt.open(uri());
        Connection second = Virt.open(uri());
        ok("xenstore-write", "/shared", "yes");
        first.close();
        first.close(); // closing twice is harmless and does not drop the second's daemon
        assertTrue(Files.exists(socket()));
        assertEquals("yes\n", ok("xenstore-read", "/shared"));
        assertTrue(second.isAlive());
        second.close();
        assertFalse(Files.exists(socket()));
        // A new connection starts a fresh xenstore: xenstored keeps nothing across restarts.
        try (Connection again = Virt.open(uri())) {
            assertEquals(1, run("xenstore-read", "/shared").exit());
        }
    }

    @Test
    void aStaleSocketIsReplacedButALiveOneIsRefused() throws Exception {
        Files.createDirectories(socket().getParent());
        try (var stale = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            stale.bind(java.net.UnixDomainSocketAddress.of(socket()));
        }
        assertTrue(Files.exists(socket()), "a dead process's socket file");
        try (Connection c = Virt.open(uri())) {
            ok("xenstore-write", "/fresh", "1");
        }

        // Someone else's xenstored (here the standalone daemon) serves the socket: refused.
        try (XenstoreDaemon other = XenstoreDaemon.builder().socket(socket()).build().start();
                XenstoreClient client = XenstoreClient.connect(socket())) {
            client.write("/owner", "other");
            VirtException e = assertThrows(VirtException.class, () -> Virt.open(uri()));
            assertEquals(ErrorCode.OPERATION_FAILED, e.code());
            assertTrue(e.getMessage().contains("another xenstored"), e.getMessage());
            assertEquals("other\n", ok("xenstore-read", "/owner"), "the other daemon carries on");
            assertEquals("other", client.readString("/owner"));
        }
    }

    @Test
    void aRootAnotherProcessHoldsIsRefused() throws Exception {
        Path pidFile = dir.resolve("run/xenstored.pid");
        Files.createDirectories(pidFile.getParent());
        Files.writeString(pidFile, "");
        Path locker = dir.resolve("Locker.java");
        Files.writeString(locker, """
                import java.nio.channels.FileChannel;
                import java.nio.file.Path;
                import java.nio.file.StandardOpenOption;
                public class Locker {
                    public static void main(String[] a) throws Exception {
                        try (FileChannel c = FileChannel.open(Path.of(a[0]), StandardOpenOption.WRITE);
                             var lock = c.lock()) {
                            c.write(java.nio.ByteBuffer.wrap((ProcessHandle.current().pid() + "\\n").getBytes()));
                            System.out.println("locked");
                            System.out.flush();
                            System.in.read();
                        }
                    }
                }
                """);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), locker.toString(), pidFile.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            byte[] line = new byte[7];
            assertEquals(7, p.getInputStream().readNBytes(line, 0, 7), "the locker did not start");
            assertEquals("locked\n", new String(line, StandardCharsets.US_ASCII));
            VirtException e = assertThrows(VirtException.class, () -> Virt.open(uri()));
            assertEquals(ErrorCode.OPERATION_FAILED, e.code());
            assertTrue(e.getMessage().contains("in use by another process (pid " + p.pid() + ")"), e.getMessage());
            assertFalse(Files.exists(socket()));
        } finally {
            p.getOutputStream().close();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        try (Connection c = Virt.open(uri())) {
            assertEquals(ProcessHandle.current().pid() + "\n", Files.readString(pidFile));
        }
    }
}
