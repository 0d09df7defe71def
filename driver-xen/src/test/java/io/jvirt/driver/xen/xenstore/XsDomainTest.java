package io.jvirt.driver.xen.xenstore;

import static io.jvirt.driver.xen.xenstore.XsMessageType.INTRODUCE;
import static io.jvirt.driver.xen.xenstore.XsMessageType.IS_DOMAIN_INTRODUCED;
import static io.jvirt.driver.xen.xenstore.XsMessageType.READ;
import static io.jvirt.driver.xen.xenstore.XsMessageType.RELEASE;
import static io.jvirt.driver.xen.xenstore.XsMessageType.RESUME;
import static io.jvirt.driver.xen.xenstore.XsMessageType.SET_PERMS;
import static io.jvirt.driver.xen.xenstore.XsMessageType.SET_TARGET;
import static io.jvirt.driver.xen.xenstore.XsMessageType.TRANSACTION_START;
import static io.jvirt.driver.xen.xenstore.XsMessageType.WATCH;
import static io.jvirt.driver.xen.xenstore.XsMessageType.WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Domains: INTRODUCE and RELEASE with their special watches, rings, orphans and recycled domids. */
@Timeout(60)
class XsDomainTest {
    @TempDir
    Path dir;
    TestDaemon xs;
    RawXs dom0;

    @BeforeEach
    void start() throws Exception {
        xs = new TestDaemon(dir, b -> b.domainExists(d -> d >= 0 && d < 100));
        dom0 = xs.raw();
    }

    @AfterEach
    void stop() throws Exception {
        xs.assertConsistent();
        xs.close();
    }

    private void guestHome(int domid) throws Exception {
        XenstoreClient admin = xs.admin();
        admin.mkdir("/local/domain/" + domid + "/data");
        admin.setPermissions("/local/domain/" + domid, List.of(XsPermission.parse("n0"), XsPermission.parse("r" + domid)));
        admin.setPermissions("/local/domain/" + domid + "/data", List.of(XsPermission.parse("n" + domid)));
    }

    @Test
    void introduceFiresIntroduceDomainForPrivilegedWatchers() throws Exception {
        dom0.call(WATCH, "@introduceDomain", "intro");
        assertEquals("@introduceDomain\0intro\0", RawXs.text(dom0.event()));
        assertEquals("F\0", dom0.ask(IS_DOMAIN_INTRODUCED, "7"));
        assertEquals("OK\0", dom0.ask(INTRODUCE, "7", "4096", "3"));
        assertEquals("@introduceDomain\0intro\0", RawXs.text(dom0.event()));
        assertEquals("T\0", dom0.ask(IS_DOMAIN_INTRODUCED, "7"));
        assertEquals("T\0", dom0.ask(IS_DOMAIN_INTRODUCED, "0"));
        assertEquals("T\0", dom0.ask(IS_DOMAIN_INTRODUCED, Integer.toString(0x7FF0)), "DOMID_SELF");
        // Introducing again is how a ring is reset: no second event.
        assertEquals("OK\0", dom0.ask(INTRODUCE, "7", "4096", "3"));
        dom0.ask(READ, "/");
        assertEquals(0, dom0.pendingEvents());
    }

    @Test
    void introduceChecksItsArguments() throws Exception {
        assertEquals("ERROR:EINVAL", dom0.ask(INTRODUCE, "7", "4096"));
        assertEquals("ERROR:EINVAL", dom0.ask(INTRODUCE, "7", "4096", "0"), "port 0");
        assertEquals("ERROR:EINVAL", dom0.ask(INTRODUCE, "500", "4096", "3"), "no such domain");
        assertEquals("F\0", dom0.ask(IS_DOMAIN_INTRODUCED, "500"));
        assertThrows(IllegalStateException.class, () -> xs.daemon.guestChannel(500));
    }

    @Test
    void releaseClosesTheRingRemovesTheGuestsNodesAndFiresReleaseDomain() throws Exception {
        guestHome(3);
        RawXs g = xs.rawGuest(3);
        assertEquals("OK\0", RawXs.text(g.call(WRITE, 0, XsPayload.bytes("data/a/b\0v"))));
        g.call(WATCH, "data", "mine");
        g.event();
        dom0.call(WATCH, "@releaseDomain", "rel");
        dom0.event();
        dom0.call(WATCH, "/local/domain/3", "home");
        dom0.event();

        assertEquals("OK\0", dom0.ask(RELEASE, "3"));
        Set<String> events = new HashSet<>();
        for (int i = 0; i < 2; i++) {
            events.add(RawXs.text(dom0.event()));
        }
        // data/ is the guest's: it goes (a subtree event), then @releaseDomain.
        assertEquals(Set.of("/local/domain/3/data\0home\0", "@releaseDomain\0rel\0"), events);
        g.assertClosedByPeer();
        assertNull(xs.node("/local/domain/3/data"));
        assertEquals("", dom0.ask(READ, "/local/domain/3"), "Dom0's node stays");
        assertEquals("F\0", dom0.ask(IS_DOMAIN_INTRODUCED, "3"));
        assertEquals("ERROR:ENOENT", dom0.ask(RELEASE, "3"));
        assertEquals("ERROR:EINVAL", dom0.ask(RELEASE, "0"));
        assertEquals("ERROR:EINVAL", dom0.ask(RELEASE, "junk"));
    }

    @Test
    void withKeepOrphansTheNodesGoToDom0() throws Exception {
        xs.close();
        xs = new TestDaemon(dir.resolve("k"), b -> b.keepOrphans(true));
        dom0 = xs.raw();
        guestHome(4);
        XenstoreClient g = xs.guest(4);
        g.write("data/x", "kept");
        xs.admin().releaseDomain(4);
        assertEquals("kept", xs.value("/local/domain/4/data/x"));
        assertEquals("n0\0", dom0.ask(XsMessageType.GET_PERMS, "/local/domain/4/data/x"));
    }

    @Test
    void aRecycledDomidDoesNotInheritPermissions() throws Exception {
        xs.introduce(5);
        dom0.call(WRITE, 0, XsPayload.bytes("/for5\0secret"));
        dom0.ask(SET_PERMS, "/for5", "n0", "r5");
        RawXs old = xs.rawGuest(5);
        assertEquals("secret", old.ask(READ, "/for5"));
        dom0.ask(RELEASE, "5");
        // The toolstack builds a new domain 5, so the daemon learns of it after the node was
        // written. (With no write in between, the generations tie and C grants access too.)
        dom0.call(WRITE, 0, XsPayload.bytes("/local/domain/5/name\0new"));
        RawXs fresh = xs.rawGuest(5);
        assertEquals("ERROR:EACCES", fresh.ask(READ, "/for5"));
        assertEquals("n0\0r5\0", dom0.ask(XsMessageType.GET_PERMS, "/for5"), "the entry is still listed");
        // Granting it again works.
        dom0.ask(SET_PERMS, "/for5", "n0", "r5");
        assertEquals("secret", fresh.ask(READ, "/for5"));
    }

    @Test
    void permissionEntriesForDomainsThatDoNotExistAreIgnored() throws Exception {
        dom0.call(WRITE, 0, XsPayload.bytes("/n\0v"));
        assertEquals("OK\0", dom0.ask(SET_PERMS, "/n", "n0", "r60", "r150"));
        RawXs g = xs.rawGuest(60);
        assertEquals("v", g.ask(READ, "/n"));
        assertEquals("ERROR:ENOENT", dom0.ask(SET_PERMS, "/n", "n150"), "an owner that does not exist");
    }

    @Test
    void specialPathsHaveTheirOwnPermissions() throws Exception {
        RawXs g = xs.rawGuest(6);
        g.call(WATCH, "@introduceDomain", "i");
        g.event();
        dom0.ask(INTRODUCE, "8", "1", "1");
        g.ask(READ, "/tool");
        assertEquals(0, g.pendingEvents(), "guests cannot see introductions by default");
        assertEquals("ERROR:EACCES", g.ask(SET_PERMS, "@introduceDomain", "n6"));
        assertEquals("OK\0", dom0.ask(SET_PERMS, "@introduceDomain", "n0", "r6"));
        dom0.ask(INTRODUCE, "9", "1", "1");
        assertEquals("@introduceDomain\0i\0", RawXs.text(g.event()));
        assertEquals("ERROR:EINVAL", dom0.ask(SET_PERMS, "@other", "n0"));
        assertEquals("ERROR:EINVAL", dom0.ask(XsMessageType.GET_PERMS, "@introduceDomain"));
    }

    @Test
    void reintroducingResetsTheRingsWatchesAndTransactions() throws Exception {
        RawXs g = xs.rawGuest(7);
        g.call(WATCH, "/tool", "t");
        g.event();
        String tx = g.ask(TRANSACTION_START, "");
        dom0.ask(INTRODUCE, "7", "1", "1");
        dom0.call(WRITE, 0, XsPayload.bytes("/tool/x\0v"));
        assertEquals("ERROR:ENOENT", g.ask(READ, Integer.parseInt(tx.substring(0, tx.length() - 1)), "/tool"));
        assertEquals(0, g.pendingEvents());
    }

    @Test
    void aGuestThatClosesItsRingLosesWatchesAndTransactionsAndCanBeReintroduced() throws Exception {
        guestHome(8);
        RawXs g = xs.rawGuest(8);
        String tx = g.ask(TRANSACTION_START, "");
        g.call(WRITE, Integer.parseInt(tx.substring(0, tx.length() - 1)), XsPayload.bytes("data/x\0v"));
        g.close();
        assertEquals("T\0", dom0.ask(IS_DOMAIN_INTRODUCED, "8"));
        assertNull(xs.node("/local/domain/8/data/x"));
        dom0.ask(INTRODUCE, "8", "1", "1");
        RawXs again = RawXs.over(xs.daemon.guestChannel(8));
        assertEquals("OK\0", RawXs.text(again.call(WRITE, 0, XsPayload.bytes("data/y\0w"))));
        again.close();
    }

    @Test
    void resumeAndSetTargetNeedConnectedDomains() throws Exception {
        xs.introduce(10);
        assertEquals("OK\0", dom0.ask(RESUME, "10"));
        assertEquals("ERROR:ENOENT", dom0.ask(RESUME, "11"));
        assertEquals("ERROR:ENOENT", dom0.ask(SET_TARGET, "10", "11"));
        assertEquals("ERROR:EINVAL", dom0.ask(SET_TARGET, "10"));
    }
}
