package io.jvirt.driver.xen.xenstore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.driver.xen.HostTools;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's xenstore-utils 4.17 (libxenstore's C client) against our daemon, found through
 * {@code XENSTORED_PATH} (or {@code XENSTORED_RUNDIR}, whose {@code socket} it opens), with
 * their output compared to what the tree holds.
 */
@Timeout(120)
class XenstoreUtilsIT {
    /** The commands used, all from Debian's xenstore-utils package. */
    static final List<String> TOOLS = List.of("xenstore-read", "xenstore-write", "xenstore-ls",
            "xenstore-list", "xenstore-rm", "xenstore-chmod", "xenstore-exists", "xenstore-watch");

    @TempDir
    Path dir;
    TestDaemon xs;
    XenstoreClient admin;

    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void requireXenstoreUtils() {
        HostTools.require(TOOLS, "xenstore-utils");
    }

    @BeforeEach
    void start() throws Exception {
        xs = new TestDaemon(dir);
        admin = xs.admin();
    }

    @AfterEach
    void stop() throws Exception {
        xs.assertConsistent();
        xs.close();
    }

    private ProcessBuilder tool(Map<String, String> env, String... argv) {
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().remove("XENSTORED_PATH");
        pb.environment().remove("XENSTORED_RUNDIR");
        pb.environment().putAll(env);
        return pb;
    }

    private Run run(String... argv) throws Exception {
        return run(Map.of("XENSTORED_PATH", xs.socket.toString()), argv);
    }

    private Run run(Map<String, String> env, String... argv) throws Exception {
        Process p = tool(env, argv).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", argv) + " did not finish");
        return new Run(p.exitValue(), new String(out, StandardCharsets.ISO_8859_1),
                new String(err, StandardCharsets.ISO_8859_1));
    }

    private Run ok(String... argv) throws Exception {
        Run r = run(argv);
        assertEquals(0, r.exit(), String.join(" ", argv) + " failed: " + r.err());
        return r;
    }

    // ---- what the tree holds, rendered as the tools render it ----

    private byte[] treeValue(String path) {
        XsNode n = xs.node(path);
        return n == null ? null : n.value();
    }

    /** xs_lib.c's {@code sanitise_value}: printable ASCII as is, the rest escaped. */
    static String sanitise(byte[] v) {
        StringBuilder sb = new StringBuilder();
        for (byte b : v) {
            int c = b & 0xff;
            if (c >= ' ' && c <= '~' && c != '\\') {
                sb.append((char) c);
                continue;
            }
            sb.append('\\');
            switch (c) {
                case '\t' -> sb.append('t');
                case '\n' -> sb.append('n');
                case '\r' -> sb.append('r');
                case '\\' -> sb.append('\\');
                default -> sb.append(c < 8 ? String.format("%03o", c) : String.format("x%02x", c));
            }
        }
        return sb.toString();
    }

    /**
     * xenstore_client.c's {@code do_ls}, from the tree: 80 columns when stdout is not a terminal,
     * unlimited with {@code -f}.
     */
    private void renderLs(StringBuilder sb, String path, int depth, boolean perms, boolean flat) {
        int maxWidth = flat ? Integer.MAX_VALUE / 2 : 80;
        int desiredWidth = flat ? 0 : 60;
        int tagLen = " = \"...\"".length();
        List<String> children = xs.node(path).children();
        for (String name : children) {
            String child = path + (path.endsWith("/") ? "" : "/") + name;
            int linewid = 0;
            if (flat) {
                sb.append(child);
            } else {
                sb.append(" ".repeat(depth));
                linewid = depth;
                String shown = name.substring(0, Math.min(name.length(), maxWidth - tagLen - linewid));
                sb.append(shown);
                linewid += shown.length();
            }
            byte[] value = treeValue(child);
            String sane = sanitise(value);
            if (maxWidth < linewid + value.length + tagLen) {
                sb.append(" = \"").append(sane, 0, Math.min(sane.length(), maxWidth - tagLen - linewid))
                        .append("\\...\"");
            } else {
                String s = " = \"" + sane + "\"";
                sb.append(s);
                linewid += s.length();
                if (perms) {
                    sb.append(' ');
                    for (linewid++; linewid < Math.min(desiredWidth, maxWidth); linewid++) {
                        sb.append((linewid & 1) != 0 ? '.' : ' ');
                    }
                }
            }
            if (perms) {
                List<String> p = new ArrayList<>();
                xs.node(child).perms().entries().forEach(e -> p.add(e.toString()));
                sb.append("  (").append(String.join(",", p)).append(')');
            }
            sb.append('\n');
            renderLs(sb, child, depth + 1, perms, flat);
        }
    }

    private String expectedLs(String path, boolean perms, boolean flat) {
        StringBuilder sb = new StringBuilder();
        renderLs(sb, path, 0, perms, flat);
        return sb.toString();
    }

    private void sampleTree() {
        admin.write("/vm/name", "demo");
        admin.write("/vm/memory", "524288");
        admin.write("/vm/odd", new byte[] {'a', '\t', 'b', '\n', '\\', 1, (byte) 0xe9});
        admin.write("/vm/long", "L".repeat(120));
        admin.mkdir("/vm/empty");
        admin.write("/vm/device/vif/0/mac", "00:16:3e:00:00:01");
        admin.setPermissions("/vm/device", List.of(XsPermission.parse("n0"), XsPermission.parse("r3")));
        admin.write("/local/domain/0/backend/vif/3/0/bridge", "xenbr0");
    }

    // ---- the tools ----

    @Test
    void writeThenReadAgreeWithTheTree() throws Exception {
        ok("xenstore-write", "/local/domain/0/backend/vif/1/0/bridge", "xenbr0");
        assertEquals("xenbr0", xs.value("/local/domain/0/backend/vif/1/0/bridge"));
        assertEquals("xenbr0\n", ok("xenstore-read", "/local/domain/0/backend/vif/1/0/bridge").out());
        assertEquals("xenbr0\n", ok("xenstore-read", "backend/vif/1/0/bridge").out(), "relative to Dom0's home");
        assertEquals("/local/domain/0/backend/vif/1/0/bridge: xenbr0\n",
                ok("xenstore-read", "-p", "/local/domain/0/backend/vif/1/0/bridge").out());
    }

    @Test
    void severalPairsAreWrittenInOneTransaction() throws Exception {
        ok("xenstore-write", "/a", "1", "/b/c", "2");
        assertEquals("1", xs.value("/a"));
        assertEquals("2", xs.value("/b/c"));
        assertEquals("1\n2\n", ok("xenstore-read", "/a", "/b/c").out());
    }

    @Test
    void escapedValuesAreStoredAsBytes() throws Exception {
        ok("xenstore-write", "/bin", "\\001\\x41\\ttab\\\\");
        assertArrayEquals(new byte[] {1, 'A', '\t', 't', 'a', 'b', '\\'}, treeValue("/bin"));
        assertEquals("\\001A\\ttab\\\\\n", ok("xenstore-read", "/bin").out());
        admin.write("/raw", new byte[] {'x', 0, 'y'});
        assertEquals("x\\000y\n", ok("xenstore-read", "/raw").out());
        assertArrayEquals(new byte[] {'x', 0, 'y'}, ok("xenstore-read", "-R", "/raw").out()
                .getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void readingAMissingNodeFails() throws Exception {
        Run r = run("xenstore-read", "/nonexistent");
        assertEquals(1, r.exit());
        assertEquals("xenstore-read: couldn't read path /nonexistent\n", r.err());
    }

    @Test
    void lsRendersTheTree() throws Exception {
        sampleTree();
        assertEquals(expectedLs("/vm", false, false), ok("xenstore-ls", "/vm").out());
        assertEquals(expectedLs("/vm", true, false), ok("xenstore-ls", "-p", "/vm").out());
        assertEquals(expectedLs("/vm", false, true), ok("xenstore-ls", "-f", "/vm").out());
        assertEquals(expectedLs("/vm", true, true), ok("xenstore-ls", "-f", "-p", "/vm").out());
        assertEquals(expectedLs("/", false, false), ok("xenstore-ls").out());
        assertTrue(ok("xenstore-ls", "-p", "/vm").out().contains("  (n0,r3)\n"));
    }

    @Test
    void listAndExists() throws Exception {
        sampleTree();
        assertEquals(String.join("\n", xs.node("/vm").children()) + "\n", ok("xenstore-list", "/vm").out());
        assertEquals("/vm/device/vif\n", ok("xenstore-list", "-p", "/vm/device").out());
        assertEquals(0, run("xenstore-exists", "/vm/name").exit());
        assertEquals(1, run("xenstore-exists", "/vm/nothing").exit());
        Run r = run("xenstore-list", "/vm/nothing");
        assertEquals(1, r.exit());
        assertEquals("xenstore-list: could not list path /vm/nothing\n", r.err());
    }

    @Test
    void bigDirectoriesAreListedThroughDirectoryPart() throws Exception {
        admin.transaction(tx -> {
            for (int i = 0; i < 300; i++) {
                tx.write("/big/entry-with-a-long-name-" + i, Integer.toString(i));
            }
            return null;
        });
        List<String> children = xs.node("/big").children();
        assertEquals(String.join("\n", children) + "\n", ok("xenstore-list", "/big").out());
        assertEquals(expectedLs("/big", false, false), ok("xenstore-ls", "/big").out());
    }

    @Test
    void rmRemovesSubtreesAndTidiesEmptyParents() throws Exception {
        sampleTree();
        ok("xenstore-rm", "/vm/device");
        assertNull(xs.node("/vm/device"));
        assertNull(xs.node("/vm/device/vif/0/mac"));
        ok("xenstore-rm", "/vm/missing");
        assertEquals(1, run("xenstore-rm", "/vm/missing/deeper").exit());
        admin.write("/t/a/b/c", "x");
        ok("xenstore-rm", "-t", "/t/a/b/c");
        assertNull(xs.node("/t"), "empty valueless parents are removed too");
    }

    @Test
    void rmRetriesWhenItsCommitConflicts() throws Exception {
        admin.write("/conflict/victim", "x");
        admin.write("/conflict/other", "1");
        AtomicBoolean interfered = new AtomicBoolean();
        xs.daemon.call(s -> {
            s.beforeNextCommit = () -> {
                // A change to the node the tool read: its first commit must get EAGAIN.
                s.direct.write("/conflict/victim", s.tree.get("/conflict/victim").withValue(XsPayload.bytes("y")));
                interfered.set(true);
            };
            return null;
        });
        ok("xenstore-rm", "/conflict/victim");
        assertTrue(interfered.get());
        assertNull(xs.node("/conflict/victim"), "removed on the retry");
    }

    @Test
    void chmodSetsPermissions() throws Exception {
        sampleTree();
        ok("xenstore-chmod", "/vm/name", "n0", "r5", "b7");
        assertEquals("[n0, r5, b7]", xs.node("/vm/name").perms().toString());
        ok("xenstore-chmod", "-r", "/vm/device", "n0", "r4");
        assertEquals("[n0, r4]", xs.node("/vm/device/vif/0/mac").perms().toString());
        ok("xenstore-chmod", "-u", "/vm/device/vif", "n0", "w9");
        assertEquals("[n0, w9]", xs.node("/vm/device/vif").perms().toString());
        assertEquals("[n0, w9]", xs.node("/vm").perms().toString());
        assertEquals("[n0]", xs.node("/").perms().toString());
        assertEquals("/vm/name: n0,r5,b7", "/vm/name: " + String.join(",",
                admin.getPermissions("/vm/name").stream().map(XsPermission::toString).toList()));
    }

    @Test
    void watchPrintsTheFirstEventAndEachChange() throws Exception {
        Process p = tool(Map.of("XENSTORED_PATH", xs.socket.toString()), "xenstore-watch", "-n", "4", "/w").start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            // The first line is the event fired on registration: the watch is in place.
            assertEquals("/w", out.readLine());
            admin.write("/w/a", "1");
            admin.write("/elsewhere", "1");
            admin.write("/w/b/c", "2");
            admin.rm("/w");
            assertEquals("/w/a", out.readLine());
            assertEquals("/w/b/c", out.readLine());
            assertEquals("/w", out.readLine());
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue());
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void theRunDirectoryVariableFindsItsSocketToo() throws Exception {
        admin.write("/via", "rundir");
        Run r = run(Map.of("XENSTORED_RUNDIR", dir.toString()), "xenstore-read", "/via");
        assertEquals("rundir\n", r.out(), r.err());
        // The brief's XENSTORED_RUN_DIR is not a name libxenstore reads.
        Run wrong = run(Map.of("XENSTORED_RUN_DIR", dir.toString()), "xenstore-read", "/via");
        assertEquals(1, wrong.exit());
    }

    @Test
    void toolErrorsLeaveTheDaemonServing() throws Exception {
        Run r = run("xenstore-write", "/bad path", "x");
        assertEquals(1, r.exit());
        assertEquals("xenstore-write: could not write path /bad path\n", r.err());
        Run chmod = run("xenstore-chmod", "/nothing", "n0");
        assertEquals(1, chmod.exit());
        assertEquals("demo\n", run("xenstore-write", "/ok", "demo").out() + ok("xenstore-read", "/ok").out());
    }
}
