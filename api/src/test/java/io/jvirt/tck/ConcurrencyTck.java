package io.jvirt.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jvirt.Connection;
import io.jvirt.Domain;
import io.jvirt.DomainEventDetail;
import io.jvirt.DomainEventDetail.Defined;
import io.jvirt.DomainEventDetail.Resumed;
import io.jvirt.DomainEventDetail.Started;
import io.jvirt.DomainEventDetail.Stopped;
import io.jvirt.DomainEventDetail.Suspended;
import io.jvirt.DomainEventDetail.Undefined;
import io.jvirt.DomainLifecycleEvent;
import io.jvirt.DomainState;
import io.jvirt.DomainStateInfo;
import io.jvirt.DomainStateReason.Shutoff;
import io.jvirt.ErrorCode;
import io.jvirt.ListDomainsFlag;
import io.jvirt.VirtException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Many threads on one connection (and on several): afterwards nothing is lost or duplicated,
 * states agree with ids and lists, ids are unique, every domain's events arrived in order, and
 * nothing deadlocked (every run is bounded by {@link DriverTck#operationTimeout()}).
 */
public abstract class ConcurrencyTck extends TckSupport {

    protected ConcurrencyTck(DriverTck tck) {
        super(tck);
    }

    /** Runs {@code tasks} at once (released together) and rethrows the first failure. */
    private void runTogether(List<Callable<Void>> tasks, List<Callable<Void>> background) {
        assertTimeoutPreemptively(tck.operationTimeout(), () -> {
            ExecutorService pool = Executors.newFixedThreadPool(tasks.size() + background.size());
            AtomicBoolean done = new AtomicBoolean();
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Void>> fg = new ArrayList<>();
                for (Callable<Void> t : tasks) {
                    fg.add(pool.submit(() -> {
                        go.await();
                        return t.call();
                    }));
                }
                List<Future<Void>> bg = new ArrayList<>();
                for (Callable<Void> t : background) {
                    bg.add(pool.submit(() -> {
                        go.await();
                        while (!done.get()) {
                            t.call();
                        }
                        return null;
                    }));
                }
                go.countDown();
                try {
                    for (Future<Void> f : fg) {
                        f.get();
                    }
                } finally {
                    done.set(true);
                }
                for (Future<Void> f : bg) {
                    f.get();
                }
            } catch (ExecutionException e) {
                throw e.getCause();
            } finally {
                pool.shutdownNow();
            }
        }, "no deadlock: the run ends within " + tck.operationTimeout());
    }

    /** Lists every domain and asks each for its state, tolerating domains that vanish meanwhile. */
    private Callable<Void> reader() {
        return () -> {
            for (Domain d : conn.listAllDomains()) {
                try {
                    DomainStateInfo s = d.state();
                    if (s == null) {
                        fail("null state for " + d.name());
                    }
                } catch (VirtException e) {
                    if (e.code() != ErrorCode.NO_DOMAIN) {
                        throw e;
                    }
                }
            }
            return null;
        };
    }

    @Test
    void distinctNamesFromManyThreads() throws Exception {
        int threads = tck.concurrencyThreads();
        int iterations = tck.concurrencyIterations();
        EventRecorder events = record();
        List<Integer> ids = Collections.synchronizedList(new ArrayList<>());
        Set<String> survivors = new TreeSet<>();
        Set<String> undefined = new TreeSet<>();
        List<Callable<Void>> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<String> mine = new ArrayList<>();
            for (int i = 0; i < iterations; i++) {
                String n = name("c" + t + "-" + i);
                mine.add(n);
                (i % 2 == 0 ? survivors : undefined).add(n);
            }
            writers.add(() -> {
                for (int i = 0; i < mine.size(); i++) {
                    Domain d = conn.defineDomain(tck.domainXml(mine.get(i)));
                    d.start();
                    ids.add(d.id());
                    d.suspend();
                    d.resume();
                    d.destroy();
                    if (i % 2 == 1) {
                        d.undefine();
                    }
                }
                return null;
            });
        }

        runTogether(writers, List.of(reader(), reader()));

        List<String> listed = ourNames(conn);
        assertEquals(listed.size(), new HashSet<>(listed).size(), "no domain listed twice: " + listed);
        assertEquals(survivors, new TreeSet<>(listed), "exactly the domains that were not undefined");
        for (String n : survivors) {
            Domain d = conn.lookupDomainByName(n);
            assertEquals(DomainStateInfo.of(Shutoff.DESTROYED), d.state(), n);
            assertTrue(d.isPersistent(), n);
            assertEquals(n, conn.lookupDomainByUuid(d.uuid()).name());
        }
        for (String n : undefined) {
            assertVirtError(ErrorCode.NO_DOMAIN, () -> conn.lookupDomainByName(n));
        }
        assertEquals(threads * iterations, ids.size());
        assertEquals(ids.size(), new HashSet<>(ids).size(), "ids are unique even when handed out at once");

        List<DomainEventDetail> lived = List.of(Defined.ADDED, Started.BOOTED, Suspended.PAUSED,
                Resumed.UNPAUSED, Stopped.DESTROYED);
        List<DomainEventDetail> died = new ArrayList<>(lived);
        died.add(Undefined.REMOVED);
        for (String n : survivors) {
            assertEquals(lived, events.details(n, lived.size()), "events of " + n);
        }
        for (String n : undefined) {
            assertEquals(died, events.details(n, died.size()), "events of " + n);
        }
        String sentinel = name("sentinel");
        conn.defineDomain(tck.domainXml(sentinel)).undefine();
        events.await(sentinel, 1);
        List<DomainLifecycleEvent> extra = events.drain().stream()
                .filter(e -> e.domain().name().startsWith(namePrefix()) && !e.domain().name().equals(sentinel))
                .collect(Collectors.toList());
        assertEquals(List.of(), extra, "no event delivered twice or invented");
    }

    @Test
    void racingOnTheSameNames() {
        int threads = tck.concurrencyThreads();
        int ops = tck.concurrencyIterations() * 4;
        List<String> names = List.of(name("race0"), name("race1"), name("race2"));
        Map<String, UUID> uuids = new java.util.HashMap<>();
        for (String n : names) {
            uuids.put(n, UUID.randomUUID());
        }
        Set<ErrorCode> tolerated = EnumSet.of(ErrorCode.NO_DOMAIN, ErrorCode.OPERATION_INVALID,
                ErrorCode.OPERATION_FAILED);
        for (WrongStateCall call : WrongStateCall.values()) {
            tolerated.addAll(tck.wrongStateError(call, names.get(0)).codes());
        }
        Map<ErrorCode, Integer> refused = Collections.synchronizedMap(new EnumMap<>(ErrorCode.class));
        int[] succeeded = new int[1];
        List<Callable<Void>> racers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Random random = new Random(t);
            racers.add(() -> {
                for (int i = 0; i < ops; i++) {
                    String n = names.get(random.nextInt(names.size()));
                    String xml = xml(n, uuids.get(n));
                    try {
                        switch (random.nextInt(8)) {
                            case 0 -> conn.defineDomain(xml);
                            case 1 -> conn.createDomain(xml);
                            case 2 -> conn.lookupDomainByName(n).start();
                            case 3 -> conn.lookupDomainByName(n).destroy();
                            case 4 -> conn.lookupDomainByName(n).undefine();
                            case 5 -> conn.lookupDomainByName(n).suspend();
                            case 6 -> conn.lookupDomainByName(n).resume();
                            default -> conn.lookupDomainByName(n).state();
                        }
                        synchronized (succeeded) {
                            succeeded[0]++;
                        }
                    } catch (VirtException e) {
                        if (!tolerated.contains(e.code())) {
                            throw new AssertionError("unexpected error racing on " + n + ": " + e, e);
                        }
                        refused.merge(e.code(), 1, Integer::sum);
                    }
                }
                return null;
            });
        }

        runTogether(racers, List.of(reader()));

        assertTrue(succeeded[0] > 0, "some calls succeeded (refused: " + refused + ")");
        List<String> listed = ourNames(conn);
        assertEquals(listed.size(), new HashSet<>(listed).size(), "no domain listed twice: " + listed);
        assertTrue(names.containsAll(listed), "only the raced names: " + listed);
        Set<String> active = new HashSet<>(ours(ListDomainsFlag.ACTIVE));
        Set<String> inactive = new HashSet<>(ours(ListDomainsFlag.INACTIVE));
        assertEquals(new HashSet<>(listed), union(active, inactive), "ACTIVE and INACTIVE cover the list");
        assertTrue(Collections.disjoint(active, inactive), "ACTIVE and INACTIVE are disjoint");
        for (String n : listed) {
            Domain d = conn.lookupDomainByName(n);
            assertEquals(uuids.get(n), d.uuid(), n);
            assertEquals(n, conn.lookupDomainByUuid(d.uuid()).name());
            DomainStateInfo s = d.state();
            boolean isActive = s.state() != DomainState.SHUTOFF;
            assertEquals(isActive, d.isActive(), n + " " + s);
            assertEquals(isActive, active.contains(n), n + " " + s);
            assertEquals(isActive, d.id() > 0, n + " " + s + " id " + d.id());
            assertTrue(d.isPersistent() || isActive, n + " is transient yet shut off");
        }
    }

    @Test
    void manyConnectionsAtOnce() {
        Assumptions.assumeTrue(tck.connectionsShareState(), "the driver's connections do not share state");
        int threads = tck.concurrencyThreads();
        int iterations = Math.max(1, tck.concurrencyIterations() / 4);
        List<Callable<Void>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int me = t;
            workers.add(() -> {
                for (int i = 0; i < iterations; i++) {
                    try (Connection c = tck.openSecondConnection(conn)) {
                        Domain d = c.defineDomain(tck.domainXml(name("conn" + me + "-" + i)));
                        d.start();
                        assertEquals(d.name(), conn.lookupDomainById(d.id()).name(), "seen from the first connection");
                        d.destroy();
                        d.undefine();
                    }
                }
                return null;
            });
        }

        runTogether(workers, List.of(reader()));

        assertEquals(List.of(), ourNames(conn), "every domain undefined");
    }

    private List<String> ours(ListDomainsFlag flag) {
        return names(conn.listAllDomains(flag)).stream().filter(n -> n.startsWith(namePrefix()))
                .collect(Collectors.toList());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new HashSet<>(a);
        u.addAll(b);
        return u;
    }
}
