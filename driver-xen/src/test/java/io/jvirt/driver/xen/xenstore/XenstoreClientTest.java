package io.jvirt.driver.xen.xenstore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The Java client against our daemon, including concurrent transactions and watches under load. */
@Timeout(120)
class XenstoreClientTest {
    @TempDir
    Path dir;
    TestDaemon xs;
    XenstoreClient client;

    @BeforeEach
    void start() throws Exception {
        xs = new TestDaemon(dir);
        client = xs.client();
    }

    @AfterEach
    void stop() throws Exception {
        xs.assertConsistent();
        xs.close();
    }

    private static <T> T poll(BlockingQueue<T> q) throws InterruptedException {
        T t = q.poll(20, TimeUnit.SECONDS);
        if (t == null) {
            throw new AssertionError("nothing arrived within 20s");
        }
        return t;
    }

    @Test
    void nodeOperations() {
        client.write("/vm/name", "demo");
        assertEquals("demo", client.readString("/vm/name"));
        byte[] binary = {0, 1, 2, (byte) 0xfe};
        client.write("/vm/blob", binary);
        assertArrayEquals(binary, client.read("/vm/blob"));
        client.mkdir("/vm/dir");
        assertEquals(List.of("name", "blob", "dir"), client.directory("/vm"));
        assertTrue(client.exists("/vm/dir"));
        assertFalse(client.exists("/vm/none"));
        client.setPermissions("/vm", List.of(XsPermission.parse("n0"), XsPermission.parse("r3")));
        assertEquals(List.of(XsPermission.parse("n0"), XsPermission.parse("r3")), client.getPermissions("/vm"));
        client.rm("/vm");
        assertFalse(client.exists("/vm"));
        assertEquals("/local/domain/12", client.getDomainPath(12));
        assertEquals("x", client.transaction(tx -> {
            tx.write("rel", "x");
            return tx.readString("/local/domain/0/rel");
        }));
    }

    @Test
    void errorsCarryXenstoredsError() {
        XenstoreException e = assertThrows(XenstoreException.class, () -> client.read("/missing"));
        assertEquals(XsError.ENOENT, e.error());
        assertTrue(e.getMessage().contains("READ /missing"), e.getMessage());
        assertEquals(XsError.EINVAL, assertThrows(XenstoreException.class, () -> client.read("/bad path")).error());
        assertEquals(XsError.EINVAL, assertThrows(XenstoreException.class, () -> client.rm("/")).error());
    }

    @Test
    void oversizedRequestsAreRefusedWithoutSending() {
        XenstoreException e = assertThrows(XenstoreException.class,
                () -> client.write("/big", new byte[4096]));
        assertEquals(XsError.E2BIG, e.error());
        client.write("/still", "works");
        assertEquals("works", client.readString("/still"));
    }

    @Test
    void bigDirectoriesAreReadInParts() {
        List<String> names = new ArrayList<>();
        client.transaction(tx -> {
            for (int i = 0; i < 400; i++) {
                tx.write("/big/entry-with-a-long-name-" + i, "");
            }
            return null;
        });
        for (int i = 0; i < 400; i++) {
            names.add("entry-with-a-long-name-" + i);
        }
        assertEquals(names, client.directory("/big"));
    }

    @Test
    void transactionsRetryOnEagain() {
        client.write("/counter", "0");
        AtomicInteger runs = new AtomicInteger();
        int result = client.transaction(tx -> {
            int n = Integer.parseInt(tx.readString("/counter"));
            if (runs.incrementAndGet() == 1) {
                // Someone else commits a change to what we read: our commit must fail and rerun.
                xs.daemon.call(s -> {
                    s.beforeNextCommit = () -> s.direct.write("/counter", s.tree.get("/counter").withValue(XsPayload.bytes("10")));
                    return null;
                });
            }
            tx.write("/counter", Integer.toString(n + 1));
            return n + 1;
        });
        assertEquals(2, runs.get());
        assertEquals(11, result);
        assertEquals("11", client.readString("/counter"));
    }

    @Test
    void givesUpAfterTheAttemptLimit() {
        client.write("/c", "0");
        client.maxTransactionAttempts(3);
        AtomicInteger runs = new AtomicInteger();
        XenstoreException e = assertThrows(XenstoreException.class, () -> client.transaction(tx -> {
            runs.incrementAndGet();
            tx.readString("/c");
            xs.daemon.call(s -> {
                s.beforeNextCommit = () -> s.direct.write("/c", s.tree.get("/c"));
                return null;
            });
            tx.write("/c", "x");
            return null;
        }));
        assertEquals(XsError.EAGAIN, e.error());
        assertEquals(3, runs.get());
        assertEquals("0", client.readString("/c"));
    }

    @Test
    void aFailingBodyAbortsTheTransaction() {
        assertThrows(IllegalStateException.class, () -> client.transaction(tx -> {
            tx.write("/half", "done");
            throw new IllegalStateException("changed my mind");
        }));
        assertFalse(client.exists("/half"));
        assertEquals(0, xs.daemon.call(s -> s.tree.openSnapshots()).intValue());
    }

    @Test
    void concurrentTransactionsAreSerializable() throws Exception {
        int threads = 4;
        int increments = 60;
        client.write("/counter", "0");
        List<XenstoreClient> clients = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            clients.add(xs.client());
        }
        AtomicInteger attempts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (XenstoreClient c : clients) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < increments; i++) {
                        c.transaction(tx -> {
                            attempts.incrementAndGet();
                            int n = Integer.parseInt(tx.readString("/counter"));
                            tx.write("/counter", Integer.toString(n + 1));
                            tx.write("/log/" + c.hashCode() + "-" + n, "");
                            return null;
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(Integer.toString(threads * increments), client.readString("/counter"));
        // Each committed increment logged the value it saw: all distinct, so none was lost.
        assertEquals(threads * increments, client.directory("/log").size());
        System.out.println("concurrent increments: " + threads * increments + " commits, "
                + attempts.get() + " attempts (" + (attempts.get() - threads * increments) + " EAGAIN retries)");
    }

    @Test
    void watchesDeliverTheFirstEventAndChanges() throws Exception {
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        XsWatchHandle h = client.watch("/w", "tok", (path, token) -> seen.add(path + " " + token));
        assertEquals("/w tok", poll(seen));
        client.write("/w/a", "1");
        assertEquals("/w/a tok", poll(seen));
        h.close();
        client.write("/w/b", "1");
        client.read("/w/b");
        client.watch("/other", (p, t) -> seen.add("sync " + p));
        assertEquals("sync /other", poll(seen), "nothing from the closed watch came before");
        assertThrows(IllegalArgumentException.class, () -> client.watch("/x", "jvirt-1", (p, t) -> { }));
    }

    @Test
    void aListenerMayUseTheClient() throws Exception {
        client.write("/cfg", "v1");
        BlockingQueue<String> values = new LinkedBlockingQueue<>();
        client.watch("/cfg", (path, token) -> values.add(client.readString("/cfg")));
        assertEquals("v1", poll(values));
        client.write("/cfg", "v2");
        assertEquals("v2", poll(values));
    }

    @Test
    void watchesUnderLoadSeeEveryChangedNode() throws Exception {
        int writers = 4;
        int perWriter = 250;
        Set<String> expected = new HashSet<>();
        for (int w = 0; w < writers; w++) {
            for (int i = 0; i < perWriter; i++) {
                expected.add("/load/w" + w + "/n" + i);
            }
        }
        Set<String> seen = ConcurrentHashMap.newKeySet();
        CountDownLatch all = new CountDownLatch(1);
        XenstoreClient watcher = xs.client();
        watcher.watch("/load", (path, token) -> {
            seen.add(path);
            if (seen.containsAll(expected)) {
                all.countDown();
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int id = w;
                XenstoreClient c = xs.client();
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        c.write("/load/w" + id + "/n" + i, Integer.toString(i));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(all.await(30, TimeUnit.SECONDS), "missing events for "
                + expected.stream().filter(p -> !seen.contains(p)).limit(5).toList());
    }

    @Test
    void manyThreadsShareOneClient() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 8; t++) {
            int id = t;
            done.add(pool.submit(() -> {
                for (int i = 0; i < 100; i++) {
                    String path = "/shared/t" + id + "/" + i;
                    client.write(path, path);
                    if (!client.readString(path).equals(path)) {
                        failures.add(path);
                    }
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        assertEquals(List.of(), failures);
        assertEquals(8, client.directory("/shared").size());
    }

    @Test
    void guestsTalkOverTheirRing() throws Exception {
        XenstoreClient admin = xs.admin();
        admin.mkdir("/local/domain/2/data");
        admin.setPermissions("/local/domain/2/data", List.of(XsPermission.parse("n2")));
        XenstoreClient guest = xs.guest(2);
        guest.write("data/ip", "10.0.0.2");
        assertEquals("10.0.0.2", admin.readString("/local/domain/2/data/ip"));
        assertEquals(XsError.EACCES, assertThrows(XenstoreException.class, () -> guest.read("/tool")).error());
        assertEquals(XsError.EACCES, assertThrows(XenstoreException.class, () -> guest.releaseDomain(2)).error());
    }

    @Test
    void aReleasedGuestsClientFailsWithEio() throws Exception {
        XenstoreClient guest = xs.guest(3);
        assertEquals("/local/domain/3", guest.getDomainPath(3));
        xs.admin().releaseDomain(3);
        assertEquals(XsError.EIO, assertThrows(XenstoreException.class, () -> guest.read("/")).error());
    }

    @Test
    void afterCloseEverythingFailsWithEio() throws Exception {
        XenstoreClient c = xs.client();
        c.close();
        assertEquals(XsError.EIO, assertThrows(XenstoreException.class, () -> c.read("/")).error());
    }

    @Test
    void theDaemonGoingAwayFailsRequestsWithEio() throws Exception {
        try (TestDaemon other = new TestDaemon(dir.resolve("other"))) {
            XenstoreClient c = other.client();
            c.write("/x", "1");
            other.daemon.close();
            assertEquals(XsError.EIO, assertThrows(XenstoreException.class, () -> c.read("/x")).error());
            assertFalse(Files.exists(other.socket), "the socket is removed");
        }
    }

    @Test
    void connectRefusesWhatIsNotASocket() throws Exception {
        Path file = Files.writeString(dir.resolve("plain"), "x");
        assertThrows(java.io.IOException.class, () -> XenstoreClient.connect(file));
        assertThrows(java.io.IOException.class, () -> XenstoreClient.connect(dir.resolve("absent")));
    }
}
