package io.jvirt.driver.xen.xenstore;

import static io.jvirt.driver.xen.xenstore.XsMessageType.DIRECTORY;
import static io.jvirt.driver.xen.xenstore.XsMessageType.DIRECTORY_PART;
import static io.jvirt.driver.xen.xenstore.XsMessageType.GET_DOMAIN_PATH;
import static io.jvirt.driver.xen.xenstore.XsMessageType.GET_PERMS;
import static io.jvirt.driver.xen.xenstore.XsMessageType.MKDIR;
import static io.jvirt.driver.xen.xenstore.XsMessageType.READ;
import static io.jvirt.driver.xen.xenstore.XsMessageType.RM;
import static io.jvirt.driver.xen.xenstore.XsMessageType.SET_PERMS;
import static io.jvirt.driver.xen.xenstore.XsMessageType.WRITE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The node messages' exact payloads, as a privileged socket client sees them. */
@Timeout(60)
class XsNodeMessagesTest {
    @TempDir
    Path dir;
    TestDaemon xs;
    RawXs c;

    @BeforeEach
    void start() throws Exception {
        xs = new TestDaemon(dir);
        c = xs.raw();
    }

    @AfterEach
    void stop() throws Exception {
        xs.assertConsistent();
        xs.close();
    }

    @Test
    void aFreshStoreHoldsXenstoredsInitialNodes() throws Exception {
        assertEquals("tool\0", c.ask(DIRECTORY, "/"));
        assertEquals("xenstored\0", c.ask(DIRECTORY, "/tool"));
        assertEquals("", c.ask(DIRECTORY, "/tool/xenstored"));
        assertEquals("n0\0", c.ask(GET_PERMS, "/"));
    }

    @Test
    void writeStoresTheBytesAfterTheFirstNulAndReadReturnsThemWithoutNul() throws Exception {
        assertEquals("OK\0", RawXs.text(c.call(WRITE, 0, XsPayload.bytes("/a\0xenbr0"))));
        XsFrame r = c.call(READ, "/a");
        assertArrayEquals(XsPayload.bytes("xenbr0"), r.payload());
        // Values are binary: NULs and high bytes survive.
        byte[] value = {0, 1, (byte) 0xff, 0, 'x'};
        byte[] payload = new byte[3 + value.length];
        System.arraycopy(XsPayload.bytes("/b\0"), 0, payload, 0, 3);
        System.arraycopy(value, 0, payload, 3, value.length);
        c.call(WRITE, 0, payload);
        assertArrayEquals(value, c.call(READ, "/b").payload());
        assertArrayEquals(value, xs.node("/b").value());
        // An empty value is a zero-length reply.
        c.call(WRITE, 0, XsPayload.bytes("/c\0"));
        assertEquals(0, c.call(READ, "/c").payload().length);
    }

    @Test
    void writeCreatesMissingParentsWithTheParentsPermissions() throws Exception {
        c.ask(SET_PERMS, "/tool", "n0", "r5");
        c.call(WRITE, 0, XsPayload.bytes("/tool/x/y/z\0v"));
        assertEquals("x\0", RawXs.text(c.call(DIRECTORY, "/tool")).replace("xenstored\0", ""));
        assertEquals("", c.ask(READ, "/tool/x/y"));
        assertEquals("n0\0r5\0", c.ask(GET_PERMS, "/tool/x/y/z"));
    }

    @Test
    void directoryListsChildrenInCreationOrder() throws Exception {
        for (String n : List.of("zeta", "alpha", "mid")) {
            c.call(WRITE, 0, XsPayload.bytes("/d/" + n + "\0"));
        }
        assertEquals("zeta\0alpha\0mid\0", c.ask(DIRECTORY, "/d"));
        c.ask(RM, "/d/alpha");
        c.call(WRITE, 0, XsPayload.bytes("/d/alpha\0"));
        assertEquals("zeta\0mid\0alpha\0", c.ask(DIRECTORY, "/d"));
    }

    @Test
    void relativePathsOfSocketClientsAreUnderDom0sHome() throws Exception {
        c.call(WRITE, 0, XsPayload.bytes("backend/vif/1/0/bridge\0xenbr0"));
        assertEquals("xenbr0", xs.value("/local/domain/0/backend/vif/1/0/bridge"));
        assertEquals("xenbr0", c.ask(READ, "/local/domain/0/backend/vif/1/0/bridge"));
        assertEquals("vif\0", c.ask(DIRECTORY, "backend"));
    }

    @Test
    void mkdirCreatesOnceAndLeavesExistingNodesAlone() throws Exception {
        assertEquals("OK\0", c.ask(MKDIR, "/m/n"));
        assertEquals("", c.ask(READ, "/m/n"));
        c.call(WRITE, 0, XsPayload.bytes("/m/n\0keep"));
        long gen = xs.node("/m/n").generation();
        assertEquals("OK\0", c.ask(MKDIR, "/m/n"));
        assertEquals("keep", c.ask(READ, "/m/n"));
        assertEquals(gen, xs.node("/m/n").generation(), "an existing node is not rewritten");
    }

    @Test
    void rmIsRecursiveAndForgivingOnlyWhenTheParentExists() throws Exception {
        c.call(WRITE, 0, XsPayload.bytes("/r/a/b/c\0x"));
        assertEquals("OK\0", c.ask(RM, "/r/a"));
        assertNull(xs.node("/r/a/b/c"));
        assertNull(xs.node("/r/a/b"));
        assertEquals("", c.ask(DIRECTORY, "/r"));
        assertEquals("OK\0", c.ask(RM, "/r/missing"), "missing node, existing parent");
        assertEquals("ERROR:ENOENT", c.ask(RM, "/r/missing/deeper"), "missing parent too");
        assertEquals("ERROR:EINVAL", c.ask(RM, "/"));
    }

    @Test
    void deepTreesAreCreatedAndRemovedWhole() throws Exception {
        String deep = "/d" + "/x".repeat(1000);
        assertEquals("OK\0", RawXs.text(c.call(WRITE, 0, XsPayload.bytes(deep + "\0bottom"))));
        assertEquals("bottom", xs.value(deep));
        int before = xs.daemon.call(s -> s.tree.size());
        assertEquals("OK\0", c.ask(RM, "/d"));
        assertEquals(before - 1001, xs.daemon.call(s -> s.tree.size()).intValue());
    }

    @Test
    void errorsComeByName() throws Exception {
        assertEquals("ERROR:ENOENT", c.ask(READ, "/nonexistent"));
        assertEquals("ERROR:ENOENT", c.ask(DIRECTORY, "/nonexistent"));
        assertEquals("ERROR:ENOENT", c.ask(GET_PERMS, "/nonexistent"));
        assertEquals("ERROR:EINVAL", c.ask(READ, "/bad path"));
    }

    @Test
    void permissionsRoundTripInWireSyntax() throws Exception {
        c.ask(MKDIR, "/p");
        assertEquals("OK\0", c.ask(SET_PERMS, "/p", "b7", "r0x10", "n3"));
        assertEquals("b7\0r16\0n3\0", c.ask(GET_PERMS, "/p"));
        assertEquals("ERROR:EINVAL", c.ask(SET_PERMS, "/p"), "at least one permission");
        assertEquals("ERROR:EINVAL", c.ask(SET_PERMS, "/p", "x1"));
        assertEquals("ERROR:EINVAL", c.ask(SET_PERMS, "/p", "r"));
        assertEquals("ERROR:ENOENT", c.ask(SET_PERMS, "/p", "n32752"), "owner must be a domain that exists");
        assertEquals("b7\0r16\0n3\0", c.ask(GET_PERMS, "/p"), "failed requests change nothing");
    }

    @Test
    void getDomainPathNeedsNoDomain() throws Exception {
        assertEquals("/local/domain/5\0", c.ask(GET_DOMAIN_PATH, "5"));
        assertEquals("/local/domain/4294967295\0", c.ask(GET_DOMAIN_PATH, "-1"));
        assertEquals("/local/domain/0\0", c.ask(GET_DOMAIN_PATH, "junk"));
        assertEquals("ERROR:EINVAL", RawXs.text(c.call(GET_DOMAIN_PATH, 0, new byte[0])));
    }

    @Test
    void bigDirectoriesAreE2bigAndComeInPartsInstead() throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            names.add("child-number-" + i);
            c.call(WRITE, 0, XsPayload.bytes("/big/child-number-" + i + "\0"));
        }
        assertEquals("ERROR:E2BIG", c.ask(DIRECTORY, "/big"));

        String gen = Long.toUnsignedString(xs.node("/big").generation());
        List<String> got = new ArrayList<>();
        int offset = 0;
        for (;;) {
            XsFrame r = c.call(DIRECTORY_PART, "/big", Integer.toString(offset));
            assertTrue(r.payload().length <= 4096);
            List<String> parts = XsPayload.strings(r.payload());
            assertEquals(gen, parts.get(0));
            int len = r.payload().length - gen.length() - 1;
            List<String> kids = parts.subList(1, parts.size());
            if (!kids.isEmpty() && kids.get(kids.size() - 1).isEmpty()) {
                got.addAll(kids.subList(0, kids.size() - 1));
                break;
            }
            got.addAll(kids);
            offset += len;
        }
        assertEquals(names, got);
        // Past the end: the generation and the empty end marker.
        assertEquals(gen + "\0\0", c.ask(DIRECTORY_PART, "/big", "999999"));
        assertEquals("ERROR:EINVAL", c.ask(DIRECTORY_PART, "/big"));
    }
}
