package io.jvirt.driver.kvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.Connection;
import io.jvirt.Domain;
import io.jvirt.DomainEventDetail;
import io.jvirt.DomainLifecycleEvent;
import io.jvirt.DomainStateInfo;
import io.jvirt.DomainStateReason;
import io.jvirt.DomainXmlFlag;
import io.jvirt.ErrorCode;
import io.jvirt.ListDomainsFlag;
import io.jvirt.NodeInfo;
import io.jvirt.SecurityModel;
import io.jvirt.Virt;
import io.jvirt.VirtException;
import io.jvirt.xml.CapabilitiesDef;
import io.jvirt.xml.LibvirtXml;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code qemu:///embed?root=DIR} against the installed QEMU under TCG, with guests that have no
 * disk or kernel (they sit in SeaBIOS, which is all a lifecycle needs).
 */
class QemuEmbedDriverIT {
    private static final long EVENT_WAIT_SECONDS = 10;

    @TempDir
    Path root;

    private final List<Connection> connections = new ArrayList<>();
    private final BlockingQueue<DomainLifecycleEvent> events = new LinkedBlockingQueue<>();
    private Connection conn;

    @BeforeAll
    static void needQemu() {
        InstalledQemu.require();
    }

    @BeforeEach
    void open() {
        conn = open(root);
        conn.onDomainEvent(events::add);
    }

    private Connection open(Path dir) {
        Connection c = Virt.open(uri(dir));
        connections.add(c);
        return c;
    }

    static String uri(Path dir) {
        return "qemu:///embed?root=" + dir;
    }

    @AfterEach
    void closeAndKill() {
        for (Connection c : connections) {
            try {
                c.close();
            } catch (RuntimeException ignored) {
                // already closed
            }
        }
        killOurQemus();
    }

    @AfterAll
    static void noQemuLeft() {
        killOurQemus();
    }

    /** Every QEMU this JVM started dies, whatever the test did. */
    static void killOurQemus() {
        ProcessHandle.current().descendants()
                .filter(p -> p.info().command().orElse("").contains("qemu-system"))
                .forEach(p -> {
                    p.destroyForcibly();
                    p.onExit().join();
                });
    }

    static String xml(String name) {
        return "<domain type='qemu'><name>" + name + "</name><memory unit='MiB'>64</memory><vcpu>1</vcpu>"
                + "<os><type machine='pc'>hvm</type></os></domain>";
    }

    private DomainLifecycleEvent nextEvent() throws InterruptedException {
        DomainLifecycleEvent e = events.poll(EVENT_WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(e, "no event within " + EVENT_WAIT_SECONDS + " s");
        return e;
    }

    private void expectEvent(String name, DomainEventDetail detail) throws InterruptedException {
        DomainLifecycleEvent e = nextEvent();
        assertEquals(name, e.domain().name(), "event " + e);
        assertEquals(detail, e.detail(), "event " + e);
    }

    private long pidOf(Path dir, Domain d) throws Exception {
        return statusPid(dir, d);
    }

    /** The pid of {@code d}'s QEMU, from its status file under {@code dir}. */
    static long statusPid(Path dir, Domain d) throws Exception {
        java.util.Properties p = new java.util.Properties();
        try (var r = Files.newBufferedReader(dir.resolve("run/qemu/" + d.uuid() + ".status"))) {
            p.load(r);
        }
        return Long.parseLong(p.getProperty("pid"));
    }

    static List<ProcessHandle> ourQemus() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.isAlive() && p.info().command().orElse("").contains("qemu-system")).toList();
    }

    /** Runs {@link ReconnectMain} in a fresh JVM; its output. */
    static String inAnotherJvm(Path dir, String domain, String action) throws Exception {
        return inAnotherJvm(List.of(), dir, domain, action);
    }

    /** As {@link #inAnotherJvm(Path, String, String)}, the child JVM given {@code jvmOptions}. */
    static String inAnotherJvm(List<String> jvmOptions, Path dir, String domain, String action) throws Exception {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(javaBin.toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                ReconnectMain.class.getName(), dir.toString(), domain, action));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM did not exit");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void anotherJvmReconnectsOnceThisOneLetGo() throws Exception {
        Domain d = conn.defineDomain(xml("shared"));
        d.start();
        int id = d.id();

        // While this JVM holds the root, another one is told so (QEMU's monitor takes one client).
        String refused = inAnotherJvm(root, "shared", "none");
        assertTrue(refused.contains("ERROR OPERATION_FAILED") && refused.contains("in use by another process"),
                refused);

        conn.close();
        String out = inAnotherJvm(root, "shared", "suspend");
        assertTrue(out.contains("before running (booted) id=" + id), out);
        assertTrue(out.contains("after paused (user) id=" + id), out);

        Connection back = open(root);
        Domain again = back.lookupDomainByName("shared");
        assertEquals(DomainStateInfo.of(DomainStateReason.Paused.USER), again.state());
        assertEquals(id, again.id());
        again.destroy();
        assertEquals(List.of(), ourQemus());
    }

    @Test
    void aQemuThatDiesAtStartIsAClearErrorAndLeavesNothingRunning() throws Exception {
        // Accepted by the builder, refused by QEMU: it can't set up 1 TiB of guest memory.
        Domain d = conn.defineDomain(xml("huge").replace("<memory unit='MiB'>64</memory>",
                "<memory unit='TiB'>1</memory>"));
        expectEvent("huge", DomainEventDetail.Defined.ADDED);
        VirtException e = assertThrows(VirtException.class, d::start);
        assertTrue(e.getMessage().contains("cannot set up guest memory"), e.getMessage());
        assertEquals(DomainStateInfo.of(DomainStateReason.Shutoff.UNKNOWN), d.state());
        assertEquals(-1, d.id());
        assertEquals(List.of(), ourQemus());
        assertFalse(Files.exists(root.resolve("run/qemu/" + d.uuid() + ".status")));
        assertNull(events.poll(200, TimeUnit.MILLISECONDS), "no STARTED event");
        VirtException ce = assertThrows(VirtException.class, () -> conn.createDomain(xml("huge2")
                .replace("<memory unit='MiB'>64</memory>", "<memory unit='TiB'>1</memory>")));
        assertTrue(ce.getMessage().contains("cannot set up guest memory"), ce.getMessage());
        assertEquals(ErrorCode.NO_DOMAIN,
                assertThrows(VirtException.class, () -> conn.lookupDomainByName("huge2")).code());
        assertEquals(List.of(), ourQemus());
    }

    @Test
    void aClosedConnectionsListenersHearNothingMore() throws Exception {
        Connection second = open(root);
        BlockingQueue<DomainLifecycleEvent> heard = new LinkedBlockingQueue<>();
        second.onDomainEvent(heard::add);
        second.close();
        conn.defineDomain(xml("quiet")).undefine();
        expectEvent("quiet", DomainEventDetail.Defined.ADDED);
        expectEvent("quiet", DomainEventDetail.Undefined.REMOVED);
        assertEquals(List.of(), List.copyOf(heard));
    }

    @Test
    void sigtermFromOutsideIsAShutdownByTheHost() throws Exception {
        Domain d = conn.defineDomain(xml("termed"));
        d.start();
        expectEvent("termed", DomainEventDetail.Defined.ADDED);
        expectEvent("termed", DomainEventDetail.Started.BOOTED);
        ProcessHandle.of(pidOf(root, d)).orElseThrow().destroy(); // SIGTERM: QEMU says SHUTDOWN, then quits

        expectEvent("termed", DomainEventDetail.Shutdown.HOST);
        expectEvent("termed", DomainEventDetail.Stopped.SHUTDOWN);
        assertEquals(DomainStateInfo.of(DomainStateReason.Shutoff.SHUTDOWN), d.state());
        assertEquals(-1, d.id());
    }

    @Test
    void hypervisorTable() {
        assertEquals("QEMU", conn.hypervisorType());
        assertTrue(conn.hypervisorVersion() >= 7_000_000, "version " + conn.hypervisorVersion());
        assertFalse(conn.hostname().isEmpty());
        NodeInfo n = conn.nodeInfo();
        assertEquals(Runtime.getRuntime().availableProcessors(), n.cpus());
        assertEquals(n.cpus(), n.nodes() * n.sockets() * n.cores() * n.threads(), n.toString());
        assertTrue(n.memory() > 0);
        CapabilitiesDef caps = LibvirtXml.parseCapabilities(conn.capabilities());
        assertEquals(1, caps.getGuests().size());
        assertTrue(conn.capabilities().contains("<domain type='qemu'/>"));
        assertEquals(16, conn.maxVcpus("qemu"));
        assertFalse(conn.capabilities().contains("<secmodel>"));
        assertEquals(SecurityModel.NONE, conn.securityModel());
    }

    @Test
    void defineStartSuspendResumeShutdownDestroyUndefine() throws Exception {
        Domain d = conn.defineDomain(xml("life"));
        expectEvent("life", DomainEventDetail.Defined.ADDED);
        assertEquals(DomainStateInfo.of(DomainStateReason.Shutoff.UNKNOWN), d.state());
        assertTrue(Files.exists(root.resolve("etc/qemu/life.xml")));
        assertTrue(Files.readString(root.resolve("etc/qemu/life.xml")).contains("pc-i440fx-"),
                "machine alias resolved at define time");
        assertEquals(-1, d.id());

        d.start();
        expectEvent("life", DomainEventDetail.Started.BOOTED);
        assertEquals(DomainStateInfo.of(DomainStateReason.Running.BOOTED), d.state());
        int id = d.id();
        assertTrue(id > 0);
        assertEquals(d, conn.lookupDomainById(id));
        assertTrue(d.xml().contains("id='" + id + "'"), d.xml());
        assertFalse(d.xml(DomainXmlFlag.INACTIVE).contains("id='"));
        long pid = pidOf(root, d);
        assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertTrue(Files.exists(root.resolve("run/qemu/life.pid")));
        assertTrue(Files.exists(root.resolve("run/qemu/life.log")));
        assertEquals(List.of("life"), conn.listAllDomains(ListDomainsFlag.ACTIVE).stream().map(Domain::name).toList());

        d.suspend();
        expectEvent("life", DomainEventDetail.Suspended.PAUSED);
        assertEquals(DomainStateInfo.of(DomainStateReason.Paused.USER), d.state());
        assertEquals(List.of("life"), conn.listAllDomains(ListDomainsFlag.PAUSED).stream().map(Domain::name).toList());

        d.resume();
        expectEvent("life", DomainEventDetail.Resumed.UNPAUSED);
        assertEquals(DomainStateInfo.of(DomainStateReason.Running.UNPAUSED), d.state());

        // No guest OS answers the power button: shutdown returns and the domain keeps running.
        d.shutdown();
        assertEquals(DomainStateInfo.of(DomainStateReason.Running.UNPAUSED), d.state());
        VirtException again = assertThrows(VirtException.class, d::resume);
        assertEquals(ErrorCode.OPERATION_INVALID, again.code());

        d.destroy();
        expectEvent("life", DomainEventDetail.Stopped.DESTROYED);
        assertEquals(DomainStateInfo.of(DomainStateReason.Shutoff.DESTROYED), d.state());
        assertEquals(-1, d.id());
        assertTrue(ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true), "QEMU gone");
        assertFalse(Files.exists(root.resolve("run/qemu/" + d.uuid() + ".status")));
        VirtException notRunning = assertThrows(VirtException.class, d::destroy);
        assertEquals(ErrorCode.OPERATION_INVALID, notRunning.code());

        d.undefine();
        expectEvent("life", DomainEventDetail.Undefined.REMOVED);
        assertFalse(Files.exists(root.resolve("etc/qemu/life.xml")));
        assertEquals(ErrorCode.NO_DOMAIN,
                assertThrows(VirtException.class, () -> conn.lookupDomainByName("life")).code());
        assertNull(events.poll(200, TimeUnit.MILLISECONDS), "no further events");
    }

    @Test
    void createRunsATransientDomainThatDestroyRemoves() throws Exception {
        Domain d = conn.createDomain(xml("trans"));
        expectEvent("trans", DomainEventDetail.Started.BOOTED);
        assertFalse(d.isPersistent());
        assertEquals(DomainStateInfo.of(DomainStateReason.Running.BOOTED), d.state());
        assertFalse(Files.exists(root.resolve("etc/qemu/trans.xml")));
        d.destroy();
        expectEvent("trans", DomainEventDetail.Stopped.DESTROYED);
        assertEquals(ErrorCode.NO_DOMAIN,
                assertThrows(VirtException.class, () -> conn.lookupDomainByName("trans")).code());
    }

    @Test
    void killMinus9OfQemuIsACrash() throws Exception {
        Domain d = conn.defineDomain(xml("crashy"));
        d.start();
        expectEvent("crashy", DomainEventDetail.Defined.ADDED);
        expectEvent("crashy", DomainEventDetail.Started.BOOTED);
        long pid = pidOf(root, d);
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();

        expectEvent("crashy", DomainEventDetail.Stopped.CRASHED);
        assertEquals(DomainStateInfo.of(DomainStateReason.Shutoff.CRASHED), d.state());
        assertEquals(-1, d.id());
        assertTrue(d.isPersistent());
        assertFalse(Files.exists(root.resolve("run/qemu/" + d.uuid() + ".status")));

        d.start(); // and it starts again
        expectEvent("crashy", DomainEventDetail.Started.BOOTED);
        d.destroy();
        expectEvent("crashy", DomainEventDetail.Stopped.DESTROYED);
    }

    @Test
    void anotherConnectionSeesTheRunningDomainAndANewHostReconnects() throws Exception {
        Domain d = conn.defineDomain(xml("keep"));
        d.start();
        int id = d.id();
        long pid = pidOf(root, d);

        Connection second = open(root);
        Domain seen = second.lookupDomainByName("keep");
        assertEquals(DomainStateInfo.of(DomainStateReason.Running.BOOTED), seen.state());
        assertEquals(id, seen.id());

        // All connections closed: the guest outlives them.
        conn.close();
        second.close();
        assertTrue(ProcessHandle.of(pid).orElseThrow().isAlive(), "QEMU outlives the connections");

        // A fresh connection reconnects from the status file and the monitor socket.
        Connection third = open(root);
        BlockingQueue<DomainLifecycleEvent> thirdEvents = new LinkedBlockingQueue<>();
        third.onDomainEvent(thirdEvents::add);
        Domain back = third.lookupDomainByName("keep");
        assertEquals(DomainStateInfo.of(DomainStateReason.Running.BOOTED), back.state());
        assertEquals(id, back.id());
        back.suspend(); // the monitor works
        assertEquals(DomainStateInfo.of(DomainStateReason.Paused.USER), back.state());
        assertEquals(DomainEventDetail.Suspended.PAUSED, thirdEvents.poll(EVENT_WAIT_SECONDS, TimeUnit.SECONDS).detail());
        third.close();

        // Paused survives a reconnect too; and a kill -9 is still seen after it.
        Connection fourth = open(root);
        BlockingQueue<DomainLifecycleEvent> fourthEvents = new LinkedBlockingQueue<>();
        fourth.onDomainEvent(fourthEvents::add);
        Domain again = fourth.lookupDomainByName("keep");
        assertEquals(DomainStateInfo.of(DomainStateReason.Paused.USER), again.state());
        Domain other = fourth.createDomain(xml("newer"));
        assertTrue(other.id() > id, "ids go on after a reconnect");
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        DomainLifecycleEvent e = fourthEvents.poll(EVENT_WAIT_SECONDS, TimeUnit.SECONDS);
        while (e != null && !e.domain().name().equals("keep")) {
            e = fourthEvents.poll(EVENT_WAIT_SECONDS, TimeUnit.SECONDS);
        }
        assertNotNull(e);
        assertEquals(DomainEventDetail.Stopped.CRASHED, e.detail());
        assertEquals(DomainStateInfo.of(DomainStateReason.Shutoff.CRASHED), again.state());
        other.destroy();
    }

    @Test
    void aGuestThatDiedWhileNobodyWatchedIsCrashedOnReconnect() throws Exception {
        Domain d = conn.defineDomain(xml("lonely"));
        d.start();
        long pid = pidOf(root, d);
        conn.close();
        ProcessHandle p = ProcessHandle.of(pid).orElseThrow();
        p.destroyForcibly();
        p.onExit().join();

        Connection c = open(root);
        Domain back = c.lookupDomainByName("lonely");
        assertEquals(DomainStateInfo.of(DomainStateReason.Shutoff.CRASHED), back.state());
        assertEquals(-1, back.id());
        assertFalse(Files.exists(root.resolve("run/qemu/" + d.uuid() + ".status")));
    }

    @Test
    void xmlTheBuilderRefusesDefinesAndRunsNothing() throws Exception {
        String bad = "<domain type='qemu'><name>bad</name><memory unit='MiB'>64</memory>"
                + "<os><type machine='pc'>hvm</type></os><devices><interface type='ethernet'>"
                + "</interface></devices></domain>";
        VirtException define = assertThrows(VirtException.class, () -> conn.defineDomain(bad));
        assertEquals(ErrorCode.CONFIG_UNSUPPORTED, define.code(), define.getMessage());
        VirtException create = assertThrows(VirtException.class, () -> conn.createDomain(bad));
        assertEquals(ErrorCode.CONFIG_UNSUPPORTED, create.code(), create.getMessage());
        String kvm = xml("kvmguest").replace("type='qemu'", "type='xen'");
        assertEquals(ErrorCode.CONFIG_UNSUPPORTED,
                assertThrows(VirtException.class, () -> conn.defineDomain(kvm)).code());
        assertEquals(ErrorCode.XML_ERROR,
                assertThrows(VirtException.class, () -> conn.defineDomain("<domain")).code());

        assertEquals(List.of(), conn.listAllDomains());
        assertEquals(List.of(), new ConfigNames(root).list());
        assertEquals(List.of(), ourQemus());
        assertNull(events.poll(200, TimeUnit.MILLISECONDS), "no events");
    }

    @Test
    void badUrisAreClearErrors() {
        VirtException noRoot = assertThrows(VirtException.class, () -> Virt.open("qemu:///embed"));
        assertEquals(ErrorCode.INVALID_ARG, noRoot.code());
        assertTrue(noRoot.getMessage().contains("root"), noRoot.getMessage());
        VirtException relative = assertThrows(VirtException.class, () -> Virt.open("qemu:///embed?root=rel/dir"));
        assertEquals(ErrorCode.INVALID_ARG, relative.code());
        assertTrue(relative.getMessage().contains("absolute"), relative.getMessage());
        String longRoot = "/tmp/" + "x".repeat(80);
        VirtException tooLong = assertThrows(VirtException.class, () -> Virt.open("qemu:///embed?root=" + longRoot));
        assertEquals(ErrorCode.INVALID_ARG, tooLong.code());
        assertTrue(tooLong.getMessage().contains("too long"), tooLong.getMessage());
        assertFalse(Files.exists(Path.of(longRoot)), "nothing created");
        VirtException other = assertThrows(VirtException.class, () -> Virt.open("qemu:///other"));
        assertEquals(ErrorCode.NO_SUPPORT, other.code(), other.getMessage());
    }

    /** The names of the persistent configs under DIR/etc/qemu. */
    private record ConfigNames(Path root) {
        List<String> list() throws Exception {
            try (var s = Files.list(root.resolve("etc/qemu"))) {
                return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".xml")).toList();
            }
        }
    }
}
