package io.jvirt.driver.xen.xenstore;

import static io.jvirt.driver.xen.xenstore.XsMessageType.READ;
import static io.jvirt.driver.xen.xenstore.XsMessageType.SET_PERMS;
import static io.jvirt.driver.xen.xenstore.XsMessageType.TRANSACTION_END;
import static io.jvirt.driver.xen.xenstore.XsMessageType.TRANSACTION_START;
import static io.jvirt.driver.xen.xenstore.XsMessageType.WATCH;
import static io.jvirt.driver.xen.xenstore.XsMessageType.WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** xenstored's quotas, at their default values, bind guests exactly where C's do; Dom0 is exempt. */
@Timeout(120)
class XsQuotaTest {
    @TempDir
    Path dir;
    TestDaemon xs;
    RawXs guest;
    XenstoreClient admin;

    @BeforeEach
    void start() throws Exception {
        xs = new TestDaemon(dir);
        admin = xs.admin();
        admin.mkdir("/local/domain/1/data");
        admin.setPermissions("/local/domain/1/data", List.of(XsPermission.parse("n1")));
        guest = xs.rawGuest(1);
    }

    @AfterEach
    void stop() throws Exception {
        xs.assertConsistent();
        xs.close();
    }

    static String write(RawXs c, int tx, String path, String value) throws IOException {
        return RawXs.text(c.call(WRITE, tx, XsPayload.bytes(path + "\0" + value)));
    }

    static int begin(RawXs c) throws IOException {
        String id = c.ask(TRANSACTION_START, "");
        return Integer.parseInt(id.substring(0, id.length() - 1));
    }

    @Test
    void theDefaultsAreXenstoreds() {
        XsQuota q = new XsQuota();
        assertEquals(1000, q.nodesPerDomain);
        assertEquals(2048, q.nodeSize);
        assertEquals(128, q.watchesPerDomain);
        assertEquals(10, q.transactionsPerDomain);
        assertEquals(5, q.permissionsPerNode);
        assertEquals(1024, q.transactionNodes);
        assertEquals(2048, q.pathMax);
        assertEquals(4096, XsWireCodec.PAYLOAD_MAX);
    }

    @Test
    void aGuestOwnsAtMostOneThousandNodes() throws Exception {
        // Spread over directories: one directory's child list would hit the node-size quota first.
        int k = 0;
        while (write(guest, 0, "data/g" + (k / 30) + "/n" + (k % 30), "").equals("OK\0")) {
            k++;
        }
        // The last try may have needed two new nodes with one left: fill up one at a time.
        String result;
        int extra = 0;
        while ((result = write(guest, 0, "data/g0/x" + extra, "")).equals("OK\0")) {
            extra++;
        }
        assertEquals("ERROR:ENOSPC", result);
        // data/ (given to the guest by Dom0) counts too.
        assertEquals(Integer.valueOf(1000), xs.daemon.call(s -> s.domains.find(1).entries));
        // Removing one makes room for exactly one.
        guest.ask(XsMessageType.RM, "data/g0/n0");
        assertEquals("OK\0", write(guest, 0, "data/g0/again", ""));
        assertEquals("ERROR:ENOSPC", write(guest, 0, "data/g0/more", ""));
        // Dom0 is not bound, even creating nodes the guest will own.
        admin.write("/local/domain/1/data/by-dom0", "x");
        assertEquals(Integer.valueOf(1001), xs.daemon.call(s -> s.domains.find(1).entries));
    }

    @Test
    void creatingSeveralLevelsNearTheLimitCreatesNothing() throws Exception {
        xs.daemon.call(s -> s.quota.nodesPerDomain = 5);
        for (int i = 0; i < 3; i++) {
            write(guest, 0, "data/n" + i, "");
        }
        assertEquals("ERROR:ENOSPC", write(guest, 0, "data/a/b", "two new nodes, one left"));
        assertNull(xs.node("/local/domain/1/data/a"));
        assertEquals("OK\0", write(guest, 0, "data/a", "one fits"));
    }

    @Test
    void theNodeLimitAlsoHoldsAtCommit() throws Exception {
        xs.daemon.call(s -> s.quota.nodesPerDomain = 5);
        int t = begin(guest);
        for (int i = 0; i < 4; i++) {
            assertEquals("OK\0", write(guest, t, "data/n" + i, ""), "counted only at commit");
        }
        assertEquals("ERROR:ENOSPC", guest.ask(TRANSACTION_END, t, "T"));
        assertNull(xs.node("/local/domain/1/data/n0"));
    }

    @Test
    void aGuestsNodeMustStayUnderTheSizeLimit() throws Exception {
        // 24 (header) + 8 (one permission) + value must stay below 2048.
        assertEquals("OK\0", write(guest, 0, "data/v", "x".repeat(2015)));
        assertEquals("ERROR:ENOSPC", write(guest, 0, "data/v", "x".repeat(2016)));
        assertEquals(2015, xs.node("/local/domain/1/data/v").value().length);
        admin.write("/local/domain/1/data/v", "y".repeat(4000));
    }

    @Test
    void childNamesCountTowardsTheParentsSize() throws Exception {
        String name = "c".repeat(200);
        int i = 0;
        String r;
        while ((r = write(guest, 0, "data/" + name + i, "")).equals("OK\0")) {
            i++;
        }
        assertEquals("ERROR:ENOSPC", r);
        int size = xs.node("/local/domain/1/data").recordSize();
        assertTrue(size < 2048 && size + 202 >= 2048, "the parent is full: " + size);
        assertNull(xs.node("/local/domain/1/data/" + name + i));
    }

    @Test
    void oneHundredTwentyNineWatchesThenE2big() throws Exception {
        for (int i = 0; i < 129; i++) {
            assertEquals("OK\0", guest.ask(WATCH, "data", "t" + i));
        }
        assertEquals("ERROR:E2BIG", guest.ask(WATCH, "data", "t129"));
    }

    @Test
    void elevenTransactionsThenEnospc() throws Exception {
        for (int i = 0; i < 11; i++) {
            begin(guest);
        }
        assertEquals("ERROR:ENOSPC", guest.ask(TRANSACTION_START, ""));
    }

    @Test
    void atMostFivePermissions() throws Exception {
        write(guest, 0, "data/p", "");
        assertEquals("OK\0", guest.ask(SET_PERMS, "data/p", "n1", "r2", "r3", "r4", "r5"));
        assertEquals("ERROR:ENOSPC", guest.ask(SET_PERMS, "data/p", "n1", "r2", "r3", "r4", "r5", "r6"));
        admin.setPermissions("/local/domain/1/data/p", List.of(XsPermission.parse("n1"), XsPermission.parse("r2"),
                XsPermission.parse("r3"), XsPermission.parse("r4"), XsPermission.parse("r5"),
                XsPermission.parse("r6"), XsPermission.parse("r7")));
    }

    @Test
    void aTransactionTouchingTooManyNodesIsDoomed() throws Exception {
        admin.mkdir("/many");
        admin.setPermissions("/many", List.of(XsPermission.parse("n0"), XsPermission.parse("r1")));
        for (int i = 0; i < 1100; i++) {
            admin.write("/many/n" + i, "");
        }
        int t = begin(guest);
        String r = "";
        int read = 0;
        while (read < 1100 && !(r = guest.ask(READ, t, "/many/n" + read)).startsWith("ERROR")) {
            read++;
        }
        assertEquals("ERROR:ENOSPC", r);
        assertEquals(1024, read, "each distinct node read counts once");
        assertEquals("ERROR:ENOMEM", guest.ask(TRANSACTION_END, t, "T"), "the transaction is doomed");
    }

    @Test
    void aFailedWriteInATransactionDoomsIt() throws Exception {
        int t = begin(guest);
        assertEquals("OK\0", write(guest, t, "data/a", "fine"));
        assertEquals("ERROR:ENOSPC", write(guest, t, "data/b", "x".repeat(3000)));
        assertEquals("ERROR:ENOMEM", guest.ask(TRANSACTION_END, t, "T"));
        assertNull(xs.node("/local/domain/1/data/a"), "nothing of it is applied");
    }

    @Test
    void controlShowsAndChangesQuotas() throws Exception {
        String shown = admin.control("quota");
        assertTrue(shown.startsWith("Quota settings:\n"), shown);
        assertTrue(shown.contains(String.format("%-17s: %8d %s\n", "nodes", 1000, "Nodes per domain")), shown);
        assertEquals("OK", admin.control("quota", "set", "watches", "1"));
        assertEquals("OK\0", guest.ask(WATCH, "data", "a"));
        assertEquals("OK\0", guest.ask(WATCH, "data", "b"));
        assertEquals("ERROR:E2BIG", guest.ask(WATCH, "data", "c"));
        String dom = admin.control("quota", "1");
        assertTrue(dom.startsWith("Domain 1:\nnodes           :        1\nwatches         :        2\n"), dom);
        XenstoreException bad = org.junit.jupiter.api.Assertions.assertThrows(XenstoreException.class,
                () -> admin.control("quota", "set", "watches", "0"));
        assertEquals(XsError.EINVAL, bad.error());
    }
}
