package io.jvirt.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import io.jvirt.Connection;
import io.jvirt.Domain;
import io.jvirt.DomainState;
import io.jvirt.DomainStateInfo;
import io.jvirt.DomainStateReason;
import io.jvirt.DomainUndefineFlag;
import io.jvirt.ErrorCode;
import io.jvirt.VirtException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the TCK's areas share: the driver's hooks ({@link #tck}), a connection per check
 * ({@link #conn}), fresh domain names that are cleaned up afterwards, and assertions phrased as a
 * libvirt user sees things.
 */
public abstract class TckSupport {
    /** The driver's TCK, for its hooks. */
    protected final DriverTck tck;

    /** A read-write connection from {@link DriverTck#openConnection()}, open during each check. */
    protected Connection conn;

    /** A directory of this check's own (for save images). */
    @TempDir
    protected Path tmp;

    private final String run = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36), 36);
    private final Set<String> created = ConcurrentHashMap.newKeySet();
    private final Deque<AutoCloseable> closeables = new ArrayDeque<>();

    protected TckSupport(DriverTck tck) {
        this.tck = tck;
    }

    @BeforeEach
    void openTckConnection() {
        conn = tck.openConnection();
    }

    @AfterEach
    void cleanUpTckObjects() throws Exception {
        Exception first = null;
        synchronized (closeables) {
            while (!closeables.isEmpty()) {
                try {
                    closeables.pop().close();
                } catch (Exception e) {
                    first = first == null ? e : first;
                }
            }
        }
        Connection c = conn;
        if (c == null) {
            // skipped before the connection was opened
            if (first != null) {
                throw first;
            }
            return;
        }
        boolean reopened = false;
        try {
            c.listAllDomains();
        } catch (VirtException e) {
            // The check closed its connection: clean up through a new one.
            c = tck.openConnection();
            reopened = true;
        }
        try {
            for (String name : created) {
                remove(c, name);
            }
        } finally {
            if (reopened) {
                c.close();
            }
            conn.close();
        }
        if (first != null) {
            throw first;
        }
    }

    /** Destroys and undefines domain {@code name} if it exists, ignoring errors. */
    protected static void remove(Connection c, String name) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Domain d;
            try {
                d = c.lookupDomainByName(name);
            } catch (VirtException e) {
                return;
            }
            try {
                if (d.isActive()) {
                    d.destroy();
                    continue;
                }
            } catch (VirtException e) {
                // gone or stopped meanwhile
            }
            try {
                d.undefine(DomainUndefineFlag.MANAGED_SAVE);
            } catch (VirtException e) {
                try {
                    d.undefine();
                } catch (VirtException ignored) {
                    // gone meanwhile
                }
            }
        }
    }

    /** Closes {@code c} after the check, before its domains are removed. */
    protected <T extends AutoCloseable> T closeLater(T c) {
        synchronized (closeables) {
            closeables.push(c);
        }
        return c;
    }

    // ---- names and domains ----

    /** A name unique to this run ({@code tck-<run>-<label>}); the domain is removed afterwards. */
    protected String name(String label) {
        String n = "tck-" + run + "-" + label.toLowerCase(Locale.ROOT);
        created.add(n);
        return n;
    }

    /** The prefix of every name this check created. */
    protected String namePrefix() {
        return "tck-" + run + "-";
    }

    /** Defines the driver's minimal domain under a fresh name. */
    protected Domain defineNew(String label) {
        return conn.defineDomain(tck.domainXml(name(label)));
    }

    /** Defines and starts the driver's minimal domain under a fresh name. */
    protected Domain startNew(String label) {
        Domain d = defineNew(label);
        d.start();
        return d;
    }

    /**
     * Defines and starts the driver's domain with a guest OS ({@link DriverTck#guestOsDomainXml})
     * under a fresh name, and returns once that OS would act on a shutdown request.
     */
    protected Domain startNewWithGuestOs(String label) throws InterruptedException {
        Domain d = conn.defineDomain(tck.guestOsDomainXml(name(label)));
        d.start();
        tck.awaitGuestOs(d);
        return d;
    }

    /** The driver's minimal domain XML for {@code name}, with {@code uuid}. */
    protected String xml(String name, UUID uuid) {
        return TckXml.withUuid(tck.domainXml(name), uuid);
    }

    /** The names of {@code domains}. */
    protected static List<String> names(List<Domain> domains) {
        return domains.stream().map(Domain::name).collect(Collectors.toList());
    }

    /** The names of this run's domains among all the connection's domains, as listed (duplicates kept). */
    protected List<String> ourNames(Connection c) {
        return names(c.listAllDomains()).stream().filter(n -> n.startsWith(namePrefix()))
                .collect(Collectors.toList());
    }

    // ---- assertions ----

    /** Asserts that {@code call} throws a {@link VirtException} with {@code code}, and returns it. */
    protected static VirtException assertVirtError(ErrorCode code, Executable call) {
        VirtException e = assertThrows(VirtException.class, call);
        assertEquals(code, e.code(), () -> "error code; message was \"" + e.getMessage() + "\"");
        return e;
    }

    /** Asserts that {@code call} throws what {@code expected} describes. */
    protected static VirtException assertVirtError(ExpectedError expected, String what, Executable call) {
        VirtException e = assertThrows(VirtException.class, call, what + " succeeded");
        expected.check(e, what);
        return e;
    }

    /** Asserts that {@code d}'s state and reason are {@code reason}'s (e.g. running (booted)). */
    protected static void assertState(DomainStateReason reason, Domain d) {
        assertEquals(DomainStateInfo.of(reason), d.state(), () -> "state of " + d.name());
    }

    /** Asserts that {@code d} no longer exists: looking it up by name or UUID is NO_DOMAIN. */
    protected void assertGone(Domain d) {
        assertVirtError(ErrorCode.NO_DOMAIN, () -> conn.lookupDomainByName(d.name()));
        assertVirtError(ErrorCode.NO_DOMAIN, () -> conn.lookupDomainByUuid(d.uuid()));
        assertEquals(false, names(conn.listAllDomains()).contains(d.name()),
                () -> d.name() + " still listed");
    }

    /**
     * Polls {@code d}'s state until it is {@code state} or {@link DriverTck#operationTimeout()}
     * passes; returns the state reached. Bounded polling, never a fixed sleep.
     */
    protected DomainStateInfo awaitState(Domain d, DomainState state) throws InterruptedException {
        long deadline = System.nanoTime() + tck.operationTimeout().toNanos();
        long pause = 1;
        while (true) {
            DomainStateInfo now = d.state();
            if (now.state() == state) {
                return now;
            }
            if (System.nanoTime() > deadline) {
                fail(d.name() + " did not reach " + state.label() + " within "
                        + tck.operationTimeout() + "; it is " + now);
            }
            Thread.sleep(pause);
            pause = Math.min(pause * 2, 100);
        }
    }

    /** A recorder for domain events, collecting until it is closed (after the check at the latest). */
    protected EventRecorder record() {
        EventRecorder r = new EventRecorder(tck.eventTimeout());
        r.subscription = closeLater(conn.onDomainEvent(r));
        return r;
    }

    /** {@link DriverTck#eventTimeout()}, for checks that wait on their own. */
    protected Duration eventTimeout() {
        return tck.eventTimeout();
    }
}
