package io.jvirt.driver.xen.xenstore;

import static io.jvirt.driver.xen.xenstore.XsMessageType.DIRECTORY;
import static io.jvirt.driver.xen.xenstore.XsMessageType.MKDIR;
import static io.jvirt.driver.xen.xenstore.XsMessageType.READ;
import static io.jvirt.driver.xen.xenstore.XsMessageType.RESET_WATCHES;
import static io.jvirt.driver.xen.xenstore.XsMessageType.RM;
import static io.jvirt.driver.xen.xenstore.XsMessageType.TRANSACTION_END;
import static io.jvirt.driver.xen.xenstore.XsMessageType.TRANSACTION_START;
import static io.jvirt.driver.xen.xenstore.XsMessageType.WATCH;
import static io.jvirt.driver.xen.xenstore.XsMessageType.WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Transactions on the wire: isolation, snapshots, EAGAIN on conflicts, all-or-nothing commits. */
@Timeout(60)
class XsTransactionTest {
    @TempDir
    Path dir;
    TestDaemon xs;
    RawXs a;
    RawXs b;

    @BeforeEach
    void start() throws Exception {
        xs = new TestDaemon(dir);
        a = xs.raw();
        b = xs.raw();
        write(b, 0, "/x", "1");
        write(b, 0, "/y", "1");
    }

    @AfterEach
    void stop() throws Exception {
        xs.assertConsistent();
        xs.close();
    }

    static int begin(RawXs c) throws IOException {
        String id = c.ask(TRANSACTION_START, "");
        assertEquals('\0', id.charAt(id.length() - 1));
        return Integer.parseInt(id.substring(0, id.length() - 1));
    }

    static String write(RawXs c, int tx, String path, String value) throws IOException {
        return RawXs.text(c.call(WRITE, tx, XsPayload.bytes(path + "\0" + value)));
    }

    @Test
    void idsArePerConnectionFromOne() throws Exception {
        assertEquals(1, begin(a));
        assertEquals(2, begin(a));
        assertEquals(1, begin(b));
    }

    @Test
    void changesStayPrivateUntilCommit() throws Exception {
        int t = begin(a);
        assertEquals("OK\0", write(a, t, "/x", "2"));
        assertEquals("OK\0", write(a, t, "/new/deep", "n"));
        assertEquals("2", a.ask(READ, t, "/x"), "the transaction sees its own writes");
        assertEquals("1", b.ask(READ, "/x"));
        assertEquals("1", a.ask(READ, "/x"), "outside the transaction, even on the same connection");
        assertEquals("ERROR:ENOENT", b.ask(READ, "/new"));
        assertEquals("deep\0", a.ask(DIRECTORY, t, "/new"));
        assertEquals("OK\0", a.ask(TRANSACTION_END, t, "T"));
        assertEquals("2", b.ask(READ, "/x"));
        assertEquals("n", b.ask(READ, "/new/deep"));
    }

    @Test
    void abortDiscardsAndEndsTheTransaction() throws Exception {
        int t = begin(a);
        write(a, t, "/x", "2");
        assertEquals("OK\0", a.ask(TRANSACTION_END, t, "F"));
        assertEquals("1", b.ask(READ, "/x"));
        assertEquals("ERROR:ENOENT", a.ask(READ, t, "/x"), "the id is gone");
        assertEquals("ERROR:EINVAL", a.ask(TRANSACTION_END, begin(a), "X"));
    }

    @Test
    void aConflictingCommitIsEagainAndAppliesNothing() throws Exception {
        int t = begin(a);
        assertEquals("1", a.ask(READ, t, "/x"));
        write(a, t, "/y", "from-tx");
        write(a, t, "/z", "created-in-tx");
        write(b, 0, "/x", "changed");
        assertEquals("1", a.ask(READ, t, "/x"), "reads stay on the snapshot");
        assertEquals("ERROR:EAGAIN", a.ask(TRANSACTION_END, t, "T"));
        assertEquals("1", xs.value("/y"));
        assertNull(xs.node("/z"));
        assertEquals("ERROR:ENOENT", a.ask(READ, t, "/y"), "EAGAIN ends the transaction");
    }

    @Test
    void theSnapshotIsConsistentAcrossNodes() throws Exception {
        int t = begin(a);
        int u = begin(b);
        write(b, u, "/x", "2");
        write(b, u, "/y", "2");
        assertEquals("OK\0", b.ask(TRANSACTION_END, u, "T"));
        assertEquals("1", a.ask(READ, t, "/x"));
        assertEquals("1", a.ask(READ, t, "/y"));
        assertEquals("ERROR:EAGAIN", a.ask(TRANSACTION_END, t, "T"));
    }

    @Test
    void transactionsOnDisjointNodesBothCommit() throws Exception {
        int t = begin(a);
        int u = begin(b);
        write(a, t, "/x", "a");
        write(b, u, "/y", "b");
        assertEquals("OK\0", a.ask(TRANSACTION_END, t, "T"));
        assertEquals("OK\0", b.ask(TRANSACTION_END, u, "T"));
        assertEquals("a", xs.value("/x"));
        assertEquals("b", xs.value("/y"));
    }

    @Test
    void creatingSiblingsConflictsBecauseBothChangeTheParent() throws Exception {
        a.ask(MKDIR, "/p");
        int t = begin(a);
        int u = begin(b);
        write(a, t, "/p/one", "1");
        write(b, u, "/p/two", "2");
        assertEquals("OK\0", a.ask(TRANSACTION_END, t, "T"));
        assertEquals("ERROR:EAGAIN", b.ask(TRANSACTION_END, u, "T"));
        assertEquals("one\0", b.ask(DIRECTORY, "/p"));
    }

    @Test
    void havingSeenANodeAbsentConflictsWithItsCreation() throws Exception {
        int t = begin(a);
        assertEquals("ERROR:ENOENT", a.ask(READ, t, "/later"));
        write(a, t, "/x", "2");
        write(b, 0, "/later", "here");
        assertEquals("ERROR:EAGAIN", a.ask(TRANSACTION_END, t, "T"));
        assertEquals("1", xs.value("/x"));
    }

    @Test
    void aDeletionConflictsWithAReader() throws Exception {
        int t = begin(a);
        a.ask(READ, t, "/x");
        write(a, t, "/y", "2");
        assertEquals("OK\0", b.ask(RM, "/x"));
        assertEquals("ERROR:EAGAIN", a.ask(TRANSACTION_END, t, "T"));
        assertEquals("1", xs.value("/y"));
    }

    @Test
    void nodesCreatedAndRemovedInsideLeaveNothing() throws Exception {
        int t = begin(a);
        write(a, t, "/tmp/a/b", "x");
        assertEquals("OK\0", a.ask(RM, t, "/tmp"));
        assertEquals("ERROR:ENOENT", a.ask(READ, t, "/tmp/a"));
        assertEquals("OK\0", a.ask(TRANSACTION_END, t, "T"));
        assertNull(xs.node("/tmp"));
        assertNull(xs.node("/tmp/a/b"));
    }

    @Test
    void nestedStartIsEbusy() throws Exception {
        int t = begin(a);
        assertEquals("ERROR:EBUSY", a.ask(TRANSACTION_START, t, ""));
    }

    @Test
    void watchesFireOnlyWhenTheTransactionCommits() throws Exception {
        b.call(WATCH, "/x", "tx");
        b.event();
        int t = begin(a);
        write(a, t, "/x", "2");
        assertEquals("1", b.ask(READ, "/x"));
        assertEquals(0, b.pendingEvents(), "nothing yet");
        a.ask(TRANSACTION_END, t, "T");
        XsFrame e = b.event();
        assertEquals("/x\0tx\0", RawXs.text(e));

        int u = begin(a);
        write(a, u, "/x", "3");
        a.ask(TRANSACTION_END, u, "F");
        assertEquals("2", b.ask(READ, "/x"));
        assertEquals(0, b.pendingEvents(), "an aborted transaction fires nothing");
    }

    @Test
    void resetWatchesAlsoEndsTransactions() throws Exception {
        int t = begin(a);
        write(a, t, "/x", "2");
        assertEquals("OK\0", a.ask(RESET_WATCHES, ""));
        assertEquals("ERROR:ENOENT", a.ask(TRANSACTION_END, t, "T"));
        assertEquals("1", xs.value("/x"));
    }

    @Test
    void aCommitIsAppliedAtomicallyForOtherReaders() throws Exception {
        // Whoever reads both nodes in one transaction sees both old or both new values.
        int t = begin(a);
        write(a, t, "/x", "2");
        write(a, t, "/y", "2");
        int r = begin(b);
        a.ask(TRANSACTION_END, t, "T");
        assertEquals("1", b.ask(READ, r, "/x"));
        assertEquals("1", b.ask(READ, r, "/y"));
        int s = begin(b);
        assertEquals("2", b.ask(READ, s, "/x"));
        assertEquals("2", b.ask(READ, s, "/y"));
    }
}
