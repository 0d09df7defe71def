package io.jvirt.driver.xen.xenstore;

import static io.jvirt.driver.xen.xenstore.XsMessageType.CONTROL;
import static io.jvirt.driver.xen.xenstore.XsMessageType.DIRECTORY;
import static io.jvirt.driver.xen.xenstore.XsMessageType.GET_DOMAIN_PATH;
import static io.jvirt.driver.xen.xenstore.XsMessageType.GET_PERMS;
import static io.jvirt.driver.xen.xenstore.XsMessageType.INTRODUCE;
import static io.jvirt.driver.xen.xenstore.XsMessageType.IS_DOMAIN_INTRODUCED;
import static io.jvirt.driver.xen.xenstore.XsMessageType.MKDIR;
import static io.jvirt.driver.xen.xenstore.XsMessageType.READ;
import static io.jvirt.driver.xen.xenstore.XsMessageType.RELEASE;
import static io.jvirt.driver.xen.xenstore.XsMessageType.RESUME;
import static io.jvirt.driver.xen.xenstore.XsMessageType.RM;
import static io.jvirt.driver.xen.xenstore.XsMessageType.SET_PERMS;
import static io.jvirt.driver.xen.xenstore.XsMessageType.SET_TARGET;
import static io.jvirt.driver.xen.xenstore.XsMessageType.WATCH;
import static io.jvirt.driver.xen.xenstore.XsMessageType.WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Permissions as guests on their rings see them: the owner, per-domain letters, the owner's
 * letter as default, Dom0's privilege, and errors that do not reveal hidden nodes.
 */
@Timeout(60)
class XsAccessControlTest {
    @TempDir
    Path dir;
    TestDaemon xs;
    XenstoreClient admin;
    RawXs g1;
    RawXs g2;

    @BeforeEach
    void start() throws Exception {
        xs = new TestDaemon(dir);
        admin = xs.admin();
        // As libxl lays out a guest's home: Dom0 owns it and lets the guest read; data/ is the guest's.
        for (int d : new int[] {1, 2}) {
            String home = "/local/domain/" + d;
            admin.mkdir(home);
            admin.setPermissions(home, perms("n0", "r" + d));
            admin.mkdir(home + "/data");
            admin.setPermissions(home + "/data", perms("n" + d));
        }
        admin.write("/secret", "s");
        admin.write("/shared", "x");
        admin.setPermissions("/shared", perms("n0", "r1", "w2"));
        g1 = xs.rawGuest(1);
        g2 = xs.rawGuest(2);
    }

    @AfterEach
    void stop() throws Exception {
        xs.assertConsistent();
        xs.close();
    }

    static List<XsPermission> perms(String... s) {
        return java.util.Arrays.stream(s).map(XsPermission::parse).toList();
    }

    static String write(RawXs c, String path, String value) throws IOException {
        return RawXs.text(c.call(WRITE, 0, XsPayload.bytes(path + "\0" + value)));
    }

    @Test
    void relativePathsAreUnderTheGuestsHome() throws Exception {
        assertEquals("OK\0", write(g1, "data/name", "guest1"));
        assertEquals("guest1", xs.value("/local/domain/1/data/name"));
        assertEquals("guest1", g1.ask(READ, "data/name"));
        assertEquals("/local/domain/1\0", g1.ask(GET_DOMAIN_PATH, "1"));
    }

    @Test
    void theLettersDecide() throws Exception {
        assertEquals("x", g1.ask(READ, "/shared"), "r1");
        assertEquals("ERROR:EACCES", write(g1, "/shared", "y"), "r1 cannot write");
        assertEquals("ERROR:EACCES", g2.ask(READ, "/shared"), "w2 cannot read");
        assertEquals("OK\0", write(g2, "/shared", "from2"), "w2 writes");
        assertEquals("from2", xs.value("/shared"));
        assertEquals("ERROR:EACCES", g1.ask(READ, "/secret"), "n0: the owner's letter for everyone else");
        assertEquals("ERROR:EACCES", g1.ask(GET_PERMS, "/secret"));
        assertEquals("ERROR:EACCES", g1.ask(READ, "/local/domain/2"), "another guest's home");
    }

    @Test
    void missingNodesUnderUnreadableParentsAreEaccesNotEnoent() throws Exception {
        assertEquals("ERROR:EACCES", g1.ask(READ, "/secret/nothing/here"));
        assertEquals("ERROR:EACCES", g1.ask(READ, "/local/domain/2/data/nothing"));
        assertEquals("ERROR:ENOENT", g1.ask(READ, "/local/domain/1/nothing"), "its home is readable");
        assertEquals("ERROR:ENOENT", g1.ask(READ, "data/nothing"));
    }

    @Test
    void aGuestOwnsWhatItCreatesAndInheritsTheRest() throws Exception {
        admin.setPermissions("/local/domain/1/data", perms("n1", "r2"));
        write(g1, "data/a/b", "v");
        assertEquals("n1\0r2\0", g1.ask(GET_PERMS, "data/a"));
        assertEquals("n1\0r2\0", g1.ask(GET_PERMS, "data/a/b"));
        assertEquals("v", g2.ask(READ, "/local/domain/1/data/a/b"));
        // Dom0 creating there keeps the inherited owner.
        admin.write("/local/domain/1/data/from0", "z");
        assertEquals("n1\0r2\0", g1.ask(GET_PERMS, "data/from0"));
    }

    @Test
    void creatingNeedsWriteOnTheNearestExistingAncestor() throws Exception {
        assertEquals("ERROR:EACCES", write(g1, "/local/domain/1/other/x", "v"), "home is read-only");
        assertEquals("ERROR:EACCES", g1.ask(MKDIR, "/newtop"));
        assertEquals(null, xs.node("/local/domain/1/other"));
        assertEquals(null, xs.node("/newtop"));
    }

    @Test
    void onlyTheOwnerChangesPermissionsAndAGuestCannotGiveANodeAway() throws Exception {
        write(g1, "data/mine", "v");
        assertEquals("ERROR:EACCES", g2.ask(SET_PERMS, "/local/domain/1/data/mine", "n2"));
        assertEquals("ERROR:EPERM", g1.ask(SET_PERMS, "data/mine", "n2"));
        assertEquals("OK\0", g1.ask(SET_PERMS, "data/mine", "n1", "r2"));
        assertEquals("v", g2.ask(READ, "/local/domain/1/data/mine"));
        assertEquals("ERROR:EACCES", g1.ask(SET_PERMS, "/shared", "n0", "b1"), "readers are not owners");
        assertEquals("n0\0r1\0w2\0", g1.ask(GET_PERMS, "/shared"));
    }

    @Test
    void removingNeedsWriteOnTheNodeOnly() throws Exception {
        write(g1, "data/t/u", "v");
        admin.setPermissions("/local/domain/1/data/t/u", perms("n0"));
        assertEquals("OK\0", g1.ask(RM, "data/t"), "the subtree goes even where the guest has no access");
        assertEquals(null, xs.node("/local/domain/1/data/t/u"));
        assertEquals("ERROR:EACCES", g1.ask(RM, "/shared"));
        assertEquals("ERROR:EACCES", g1.ask(RM, "/secret/missing"), "no hint that it is missing");
    }

    @Test
    void privilegedMessagesAreRefusedToGuests() throws Exception {
        assertEquals("ERROR:EACCES", g1.ask(INTRODUCE, "5", "1", "1"));
        assertEquals("ERROR:EACCES", g1.ask(RELEASE, "2"));
        assertEquals("ERROR:EACCES", g1.ask(RESUME, "2"));
        assertEquals("ERROR:EACCES", g1.ask(SET_TARGET, "1", "2"));
        assertEquals("ERROR:EACCES", g1.ask(IS_DOMAIN_INTRODUCED, "2"));
        assertEquals("ERROR:EACCES", g1.ask(CONTROL, "quota"));
        assertEquals("x", g1.ask(READ, "/shared"), "and the guest carries on");
    }

    @Test
    void guestsHearOnlyOfNodesTheyMayRead() throws Exception {
        g1.call(WATCH, "/", "all");
        g1.event();
        admin.write("/secret", "changed");
        admin.write("/shared", "changed");
        assertEquals("/shared\0all\0", RawXs.text(g1.event()));
        g1.ask(READ, "/shared");
        assertEquals(0, g1.pendingEvents(), "nothing about /secret");
    }

    @Test
    void aGuestLosingReadAccessStillHearsOfThatChange() throws Exception {
        g1.call(WATCH, "/shared", "w");
        g1.event();
        admin.setPermissions("/shared", perms("n0"));
        assertEquals("/shared\0w\0", RawXs.text(g1.event()));
        admin.write("/shared", "hidden now");
        g1.ask(DIRECTORY, "data");
        assertEquals(0, g1.pendingEvents());
    }

    @Test
    void aDeviceModelActsWithItsTargetsRights() throws Exception {
        RawXs dm = xs.rawGuest(3);
        write(g1, "data/disk", "d");
        assertEquals("ERROR:EACCES", dm.ask(READ, "/local/domain/1/data/disk"));
        admin.setTarget(3, 1);
        assertEquals("d", dm.ask(READ, "/local/domain/1/data/disk"));
        assertEquals("OK\0", write(dm, "/local/domain/1/data/disk", "by-dm"));
        assertEquals("x", dm.ask(READ, "/shared"), "the target's r1 applies");
    }
}
