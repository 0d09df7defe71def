package io.jvirt.driver.xen.xenstore;

import static io.jvirt.driver.xen.xenstore.XsMessageType.DIRECTORY;
import static io.jvirt.driver.xen.xenstore.XsMessageType.READ;
import static io.jvirt.driver.xen.xenstore.XsMessageType.TRANSACTION_END;
import static io.jvirt.driver.xen.xenstore.XsMessageType.TRANSACTION_START;
import static io.jvirt.driver.xen.xenstore.XsMessageType.WATCH;
import static io.jvirt.driver.xen.xenstore.XsMessageType.WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Malformed input gets the error xenstored gives, or, for a broken frame, a closed connection;
 * either way only the offending client is affected and nothing is half-applied.
 */
@Timeout(60)
class XsBadInputTest {
    @TempDir
    Path dir;
    TestDaemon xs;
    RawXs bystander;

    @BeforeEach
    void start() throws Exception {
        xs = new TestDaemon(dir);
        bystander = xs.raw();
        bystander.call(WRITE, 0, XsPayload.bytes("/keep\0safe"));
        bystander.call(WATCH, "/", "all");
        bystander.event();
    }

    @AfterEach
    void stop() throws Exception {
        // The other client is still served and saw no stray events.
        assertEquals("safe", bystander.ask(READ, "/keep"));
        xs.assertConsistent();
        xs.close();
    }

    @Test
    void anAnnouncedLengthOverTheLimitClosesOnlyThatConnection() throws Exception {
        RawXs bad = xs.raw();
        bad.sendBytes(RawXs.header(WRITE.code, 1, 0, 4097));
        bad.assertClosedByPeer();
        RawXs worse = xs.raw();
        worse.sendBytes(RawXs.header(READ.code, 1, 0, -1));
        worse.assertClosedByPeer();
        assertEquals(0, bystander.pendingEvents());
    }

    @Test
    void aPayloadOfExactly4096BytesIsFine() throws Exception {
        RawXs c = xs.raw();
        byte[] p = new byte[4096];
        byte[] name = XsPayload.bytes("/big\0");
        System.arraycopy(name, 0, p, 0, name.length);
        Arrays.fill(p, name.length, p.length, (byte) 'v');
        assertEquals("OK\0", RawXs.text(c.call(WRITE, 0, p)));
        assertEquals(4096 - name.length, xs.node("/big").value().length);
        bystander.event();
    }

    @Test
    void unknownAndServerOnlyTypesAreEnosys() throws Exception {
        RawXs c = xs.raw();
        for (int type : new int[] {20, 23, 24, 99, -1, 15, 16}) {
            c.send(type, 7, 0, XsPayload.bytes("/keep\0"));
            XsFrame r = c.reply();
            assertEquals(XsMessageType.ERROR.code, r.type());
            assertEquals(7, r.reqId());
            assertEquals("ERROR:ENOSYS", RawXs.text(r), "type " + type);
        }
        assertEquals("safe", c.ask(READ, "/keep"), "the connection goes on");
    }

    @Test
    void argumentsWithoutTheirNulAreEinval() throws Exception {
        RawXs c = xs.raw();
        assertEquals("ERROR:EINVAL", RawXs.text(c.call(READ, 0, XsPayload.bytes("/keep"))));
        assertEquals("ERROR:EINVAL", RawXs.text(c.call(READ, 0, XsPayload.bytes("/keep\0/x\0"))));
        assertEquals("ERROR:EINVAL", RawXs.text(c.call(READ, 0, XsPayload.bytes("/keep\0x"))));
        assertEquals("ERROR:EINVAL", RawXs.text(c.call(READ, 0, new byte[0])));
        assertEquals("ERROR:EINVAL", RawXs.text(c.call(WRITE, 0, XsPayload.bytes("/keep"))));
        assertEquals("ERROR:EINVAL", RawXs.text(c.call(WATCH, 0, XsPayload.bytes("/keep\0tok"))));
        assertEquals("ERROR:EINVAL", RawXs.text(c.call(WATCH, 0, XsPayload.bytes("/keep\0a\0b\0"))));
        assertEquals("ERROR:EINVAL", RawXs.text(c.call(TRANSACTION_END, 0, XsPayload.bytes("T"))));
        assertEquals("safe", xs.value("/keep"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/keep/../etc", "/keep/./x", "/keep//x", "/keep/", "/keep x", "/keep\ty",
        "../keep", "/k\u00e9ep", "", "@introduceDomain"})
    void badPathsAreEinvalAndCreateNothing(String path) throws Exception {
        RawXs c = xs.raw();
        assertEquals("ERROR:EINVAL", RawXs.text(c.call(WRITE, 0, XsPayload.bytes(path + "\0x"))));
        assertEquals("ERROR:EINVAL", c.ask(READ, path));
        assertEquals("keep\0tool\0", sorted(bystander.ask(DIRECTORY, "/")));
    }

    @Test
    void pathsOverTheLengthLimitAreEinval() throws Exception {
        RawXs c = xs.raw();
        String ok = "/local/domain/3/" + "a".repeat(2048);
        String tooLong = ok + "b";
        assertEquals("OK\0", RawXs.text(c.call(WRITE, 0, XsPayload.bytes(ok + "\0x"))));
        bystander.event();
        assertEquals("ERROR:EINVAL", RawXs.text(c.call(WRITE, 0, XsPayload.bytes(tooLong + "\0x"))));
        assertNull(xs.node(tooLong));
        // Relative paths are resolved first, then measured the same way.
        assertEquals("ERROR:EINVAL", RawXs.text(c.call(WRITE, 0, XsPayload.bytes("x".repeat(2049) + "\0v"))));
    }

    @Test
    void anUnknownTransactionIdIsEnoentAndAppliesNothing() throws Exception {
        RawXs c = xs.raw();
        assertEquals("ERROR:ENOENT", RawXs.text(c.call(WRITE, 42, XsPayload.bytes("/keep\0evil"))));
        assertEquals("ERROR:ENOENT", c.ask(TRANSACTION_END, 42, "T"));
        assertEquals("ERROR:ENOENT", c.ask(TRANSACTION_END, 0, "T"), "no transaction named");
        // Another connection's transaction id means nothing here either.
        RawXs other = xs.raw();
        String id = other.ask(TRANSACTION_START, "");
        int tx = Integer.parseInt(id.substring(0, id.length() - 1));
        assertEquals("ERROR:ENOENT", RawXs.text(c.call(WRITE, tx, XsPayload.bytes("/keep\0evil"))));
        assertEquals("safe", xs.value("/keep"));
    }

    @Test
    void aFrameCutShortByDisconnectingIsDropped() throws Exception {
        RawXs c = xs.raw();
        byte[] frame = XsWireCodec.encode(WRITE.code, 1, 0, XsPayload.bytes("/cut\0value")).array();
        c.sendBytes(Arrays.copyOf(frame, frame.length - 3));
        c.close();
        assertEquals("ERROR:ENOENT", bystander.ask(READ, "/cut"));
    }

    @Test
    void framesMaySplitAnywhereAndPipeline() throws Exception {
        RawXs c = xs.raw();
        byte[] a = XsWireCodec.encode(WRITE.code, 1, 0, XsPayload.bytes("/p1\0one")).array();
        byte[] b = XsWireCodec.encode(READ.code, 2, 0, XsPayload.bytes("/p1\0")).array();
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        for (byte x : both) {
            c.sendBytes(new byte[] {x});
        }
        assertEquals(1, c.reply().reqId());
        XsFrame read = c.reply();
        assertEquals(2, read.reqId());
        assertEquals("one", RawXs.text(read));
        bystander.event();
    }

    @Test
    void aClientThatDisconnectsMidTransactionLeavesNoTrace() throws Exception {
        RawXs c = xs.raw();
        String id = c.ask(TRANSACTION_START, "");
        int tx = Integer.parseInt(id.substring(0, id.length() - 1));
        c.call(WRITE, tx, XsPayload.bytes("/keep\0changed"));
        c.call(WRITE, tx, XsPayload.bytes("/new/node\0x"));
        c.close();
        assertEquals("safe", bystander.ask(READ, "/keep"));
        assertEquals("ERROR:ENOENT", bystander.ask(READ, "/new/node"));
        assertEquals(0, bystander.pendingEvents(), "no watch fired for the abandoned changes");
    }

    @Test
    void garbageAfterAValidFrameIsJustTheNextHeader() throws Exception {
        RawXs c = xs.raw();
        // 16 bytes of 0x41 read as a header of type 0x41414141 and a huge length: closed.
        byte[] junk = new byte[16];
        Arrays.fill(junk, (byte) 'A');
        c.sendBytes(junk);
        c.assertClosedByPeer();
    }

    private static String sorted(String nulList) {
        String[] parts = nulList.split("\0");
        Arrays.sort(parts);
        return String.join("\0", parts) + "\0";
    }
}
