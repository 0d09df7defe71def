package io.jvirt.driver.xen.xenstore;

import static io.jvirt.driver.xen.xenstore.XsMessageType.MKDIR;
import static io.jvirt.driver.xen.xenstore.XsMessageType.READ;
import static io.jvirt.driver.xen.xenstore.XsMessageType.RM;
import static io.jvirt.driver.xen.xenstore.XsMessageType.SET_PERMS;
import static io.jvirt.driver.xen.xenstore.XsMessageType.UNWATCH;
import static io.jvirt.driver.xen.xenstore.XsMessageType.WATCH;
import static io.jvirt.driver.xen.xenstore.XsMessageType.WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.channels.Pipe;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Watches on the wire: the first event, subtree matching, tokens, removals, relative paths. */
@Timeout(60)
class XsWatchTest {
    @TempDir
    Path dir;
    TestDaemon xs;
    RawXs w;
    RawXs c;

    @BeforeEach
    void start() throws Exception {
        xs = new TestDaemon(dir);
        w = xs.raw();
        c = xs.raw();
    }

    @AfterEach
    void stop() throws Exception {
        xs.assertConsistent();
        xs.close();
    }

    private void write(String path, String value) throws IOException {
        assertEquals("OK\0", RawXs.text(c.call(WRITE, 0, XsPayload.bytes(path + "\0" + value))));
    }

    /** Asserts no event is queued for {@code w}: a round trip on it flushes anything pending. */
    private void assertNoEvent() throws IOException {
        w.ask(READ, "/");
        assertEquals(0, w.pendingEvents());
    }

    @Test
    void firesOnceAtOnceAfterTheReply() throws Exception {
        w.send(WATCH.code, 77, 0, XsPayload.join("/a", "tok"));
        XsFrame reply = w.next();
        assertEquals(WATCH.code, reply.type());
        assertEquals(77, reply.reqId());
        assertEquals("OK\0", RawXs.text(reply));
        XsFrame event = w.next();
        assertEquals(XsMessageType.WATCH_EVENT.code, event.type());
        assertEquals(0, event.reqId());
        assertEquals(0, event.txId());
        assertEquals("/a\0tok\0", RawXs.text(event), "even though /a does not exist");
    }

    @Test
    void firesForTheNodeAndItsSubtreeOnly() throws Exception {
        w.call(WATCH, "/a", "t");
        w.event();
        write("/a/b/c", "1");
        assertEquals("/a/b/c\0t\0", RawXs.text(w.event()));
        write("/a", "2");
        assertEquals("/a\0t\0", RawXs.text(w.event()));
        write("/ab", "not below /a");
        write("/", "root");
        assertNoEvent();
    }

    @Test
    void aWatchOnTheRootSeesEverything() throws Exception {
        w.call(WATCH, "/", "all");
        w.event();
        write("/x/y", "1");
        assertEquals("/x/y\0all\0", RawXs.text(w.event()));
    }

    @Test
    void theSamePathWithTwoTokensFiresTwiceButDuplicatesAreEexist() throws Exception {
        w.call(WATCH, "/a", "one");
        w.event();
        w.call(WATCH, "/a", "two");
        w.event();
        assertEquals("ERROR:EEXIST", w.ask(WATCH, "/a", "one"));
        write("/a", "x");
        Set<String> got = new HashSet<>();
        got.add(RawXs.text(w.event()));
        got.add(RawXs.text(w.event()));
        assertEquals(Set.of("/a\0one\0", "/a\0two\0"), got);
    }

    @Test
    void rewritingTheSameValueAndChangingPermissionsFire() throws Exception {
        write("/a", "same");
        w.call(WATCH, "/a", "t");
        w.event();
        write("/a", "same");
        assertEquals("/a\0t\0", RawXs.text(w.event()));
        c.ask(SET_PERMS, "/a", "n0", "r3");
        assertEquals("/a\0t\0", RawXs.text(w.event()));
        assertEquals("OK\0", c.ask(MKDIR, "/a"), "mkdir of an existing node changes nothing");
        assertNoEvent();
    }

    @Test
    void removalFiresTheRootUpwardsAndExactWatchesBelow() throws Exception {
        write("/r/a/b/c", "1");
        write("/r/a/side", "1");
        w.call(WATCH, "/r", "up");
        w.event();
        w.call(WATCH, "/r/a/b/c", "deep");
        w.event();
        w.call(WATCH, "/r/a/b", "mid");
        w.event();
        c.ask(RM, "/r/a");
        Set<String> got = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            got.add(RawXs.text(w.event()));
        }
        // The removed root reaches /r's watch; each removed node reaches only its own watches.
        assertEquals(Set.of("/r/a\0up\0", "/r/a/b/c\0deep\0", "/r/a/b\0mid\0"), got);
        assertNoEvent();
    }

    @Test
    void relativeWatchesReportRelativePaths() throws Exception {
        w.call(WATCH, "backend", "rel");
        assertEquals("backend\0rel\0", RawXs.text(w.event()));
        write("/local/domain/0/backend/vbd/1", "x");
        assertEquals("backend/vbd/1\0rel\0", RawXs.text(w.event()));
        assertEquals("ERROR:EINVAL", w.ask(WATCH, "", "empty"));
        assertEquals("OK\0", w.ask(UNWATCH, "backend", "rel"));
        write("/local/domain/0/backend/vbd/2", "x");
        assertNoEvent();
    }

    @Test
    void unwatchStopsEventsAndUnknownWatchesAreEnoent() throws Exception {
        w.call(WATCH, "/a", "t");
        w.event();
        assertEquals("ERROR:ENOENT", w.ask(UNWATCH, "/a", "other"));
        assertEquals("OK\0", w.ask(UNWATCH, "/a", "t"));
        write("/a", "1");
        assertNoEvent();
        assertEquals("ERROR:ENOENT", w.ask(UNWATCH, "/a", "t"));
    }

    @Test
    void resetWatchesDropsThemAll() throws Exception {
        w.call(WATCH, "/a", "1");
        w.event();
        w.call(WATCH, "/b", "2");
        w.event();
        assertEquals("OK\0", w.ask(XsMessageType.RESET_WATCHES, ""));
        write("/a", "x");
        write("/b", "x");
        assertNoEvent();
        assertEquals("OK\0", w.ask(WATCH, "/a", "1"), "and they can be set again");
    }

    @Test
    void theWritersOwnEventComesBeforeItsReply() throws Exception {
        w.call(WATCH, "/a", "t");
        w.event();
        w.send(WRITE.code, 5, 0, XsPayload.bytes("/a\0v"));
        assertEquals(XsMessageType.WATCH_EVENT.code, w.next().type());
        assertEquals(5, w.next().reqId());
    }

    @Test
    void watchIgnoresTheTransactionId() throws Exception {
        assertEquals("OK\0", w.ask(WATCH, 12345, "/a", "t"));
        w.event();
    }

    @Test
    void tokensAreOpaqueBytes() throws Exception {
        String token = "tok with spaces \u00ff\u0001";
        w.call(WATCH, "/a", token);
        assertEquals("/a\0" + token + "\0", RawXs.text(w.event()));
    }

    @Test
    void aStillQueuedIdenticalEventIsDroppedButSpecialOnesAreNot() throws IOException {
        Pipe p = Pipe.open();
        XsConnection conn = new XsConnection(0, null, false, p.source(), p.sink());
        conn.sendEvent("/a", "t");
        long one = conn.queuedBytes();
        conn.sendEvent("/a", "t");
        assertEquals(one, conn.queuedBytes());
        conn.sendEvent("/a", "u");
        conn.sendEvent("@releaseDomain", "t");
        conn.sendEvent("@releaseDomain", "t");
        assertEquals(one * 2 + 2 * (16 + "@releaseDomain\0t\0".length()), conn.queuedBytes());
        conn.flush();
        conn.sendEvent("/a", "t");
        assertEquals(one, conn.queuedBytes(), "once written, the same event is queued again");
        conn.closeChannels();
    }
}
