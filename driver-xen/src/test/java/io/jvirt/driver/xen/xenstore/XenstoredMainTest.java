package io.jvirt.driver.xen.xenstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class XenstoredMainTest {
    @TempDir
    Path dir;

    @Test
    void servesTheSocketWithXenstoredsOptions() throws Exception {
        Path socket = dir.resolve("run/xenstored/socket");
        XenstoreDaemon d = XenstoredMain.parse(new String[] {"--socket", socket.toString(), "-E", "7",
            "--watch-nb", "3", "-Q", "transaction-nodes=9", "-M", "5000", "-K"}, System.out);
        d.start();
        try (XenstoreClient c = XenstoreClient.connect(socket)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
            String quota = c.control("quota");
            assertTrue(quota.contains(String.format("%-17s: %8d", "nodes", 7)), quota);
            assertTrue(quota.contains(String.format("%-17s: %8d", "watches", 3)), quota);
            assertTrue(quota.contains(String.format("%-17s: %8d", "transaction-nodes", 9)), quota);
            assertTrue(quota.contains(String.format("%-17s: %8d", "path-max", 2048)), "capped at 2048: " + quota);
            Boolean keepOrphans = d.call(s -> s.keepOrphans);
            assertTrue(keepOrphans);
        } finally {
            d.close();
        }
    }

    @Test
    void replacesAStaleSocketButNotAFile() throws Exception {
        Path socket = dir.resolve("s");
        // A socket file left behind, as by a crashed daemon: closing does not remove it.
        try (java.nio.channels.ServerSocketChannel stale =
                java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            stale.bind(java.net.UnixDomainSocketAddress.of(socket));
        }
        assertTrue(Files.exists(socket));
        XenstoreDaemon d1 = XenstoredMain.parse(new String[] {"--socket", socket.toString()}, System.out).start();
        try (XenstoreClient c = XenstoreClient.connect(socket)) {
            c.write("/x", "served");
            assertEquals("served", d1.call(s -> XsPayload.string(s.tree.get("/x").value())));
        } finally {
            d1.close();
        }
        Path file = Files.writeString(dir.resolve("file"), "precious");
        XenstoreDaemon d = XenstoredMain.parse(new String[] {"--socket", file.toString()}, System.out);
        assertThrows(java.io.IOException.class, d::start);
        assertEquals("precious", Files.readString(file));
    }

    @Test
    void refusesASocketAnotherDaemonServes() throws Exception {
        Path socket = dir.resolve("s");
        XenstoreDaemon first = XenstoredMain.parse(new String[] {"--socket", socket.toString()}, System.out).start();
        try (XenstoreClient c = XenstoreClient.connect(socket)) {
            c.write("/owner", "first");
            XenstoreDaemon second = XenstoredMain.parse(new String[] {"--socket", socket.toString()}, System.out);
            java.io.IOException e = assertThrows(java.io.IOException.class, second::start);
            assertTrue(e.getMessage().contains("another xenstored"), e.getMessage());
            // The first daemon still serves its clients, old and new.
            assertEquals("first", c.readString("/owner"));
            try (XenstoreClient late = XenstoreClient.connect(socket)) {
                assertEquals("first", late.readString("/owner"));
            }
        } finally {
            first.close();
        }
    }

    @Test
    void refusesBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> XenstoredMain.parse(new String[] {}, System.out));
        assertThrows(IllegalArgumentException.class,
                () -> XenstoredMain.parse(new String[] {"--socket", "s", "-E", "-1"}, System.out));
        assertThrows(IllegalArgumentException.class,
                () -> XenstoredMain.parse(new String[] {"--socket", "s", "-Q", "memory=5"}, System.out));
        assertThrows(IllegalArgumentException.class,
                () -> XenstoredMain.parse(new String[] {"--socket", "s", "--bogus"}, System.out));
        assertThrows(IllegalArgumentException.class, () -> XenstoredMain.parse(new String[] {"--socket"}, System.out));
    }

    @Test
    void helpPrintsUsage() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertNull(XenstoredMain.parse(new String[] {"--help"}, new PrintStream(out, true)));
        assertTrue(out.toString().startsWith("Usage: xenstored --socket PATH"));
    }
}
