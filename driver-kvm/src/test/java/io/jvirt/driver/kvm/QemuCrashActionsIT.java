package io.jvirt.driver.kvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.jvirt.Domain;
import io.jvirt.DomainEventDetail;
import io.jvirt.DomainLifecycleEvent;
import io.jvirt.DomainStateInfo;
import io.jvirt.DomainStateReason;
import io.jvirt.Virt;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * on_crash with the test guest told to panic ({@code jvirt.panic}: sysrq 'c' right after its
 * marker), reported through a {@code <panic>} device: QEMU's GUEST_PANICKED, as a libvirt user
 * sees it.
 */
class QemuCrashActionsIT extends EmbeddedQemuTest {
    private static final Duration BOOT = Duration.ofSeconds(90);
    private static final long EVENT_WAIT_SECONDS = 60;

    private static TestGuest guest;

    private final BlockingQueue<DomainLifecycleEvent> events = new LinkedBlockingQueue<>();

    @BeforeAll
    static void needGuest() {
        guest = TestGuest.require();
    }

    /** A started guest and its QEMU's pid, taken before the guest can panic. */
    private record Guest(Domain domain, long pid) {
    }

    /** Starts a guest that panics once booted, with {@code panic} and {@code on_crash}. */
    private Guest panickingGuest(String name, String panic, String onCrash) throws InterruptedException {
        String xml = guest.domainXml(name, serial(name))
                .replace("quiet</cmdline>", "quiet jvirt.panic</cmdline>")
                .replace("  <devices>", "  <on_crash>" + onCrash + "</on_crash>\n  <devices>")
                .replace("  </devices>", "    " + panic + "\n  </devices>");
        Domain d = conn.defineDomain(xml);
        conn.onDomainEvent(d, events::add);
        d.start();
        long pid = qemuPid(d);
        assertEquals(DomainEventDetail.Started.BOOTED, nextEvent());
        TestGuest.awaitReady(serial(name), BOOT);
        return new Guest(d, pid);
    }

    private DomainEventDetail nextEvent() throws InterruptedException {
        DomainLifecycleEvent e = events.poll(EVENT_WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(e, "no event within " + EVENT_WAIT_SECONDS + " s");
        return e.detail();
    }

    private int boots(String name) throws IOException {
        String log = Files.readString(serial(name), StandardCharsets.ISO_8859_1);
        return log.split(TestGuest.READY, -1).length - 1;
    }

    /** Waits until the restarted guest {@code name} has booted a second time, in the same QEMU. */
    private void awaitRebootIn(Guest g, String name) throws Exception {
        long deadline = System.nanoTime() + BOOT.toNanos();
        while (boots(name) < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(boots(name) >= 2, "the guest booted again");
        assertEquals(g.pid(), qemuPid(g.domain()), "the same QEMU");
    }

    /**
     * Destroys a guest that panics on every boot and is restarted each time: running (crashed)
     * or panicked until then, then destroyed after any number of further panics.
     */
    private void destroyRestartingGuest(Domain d) throws InterruptedException {
        DomainStateInfo state = d.state();
        assertTrue(state.equals(DomainStateInfo.of(DomainStateReason.Running.CRASHED))
                || state.equals(DomainStateInfo.of(DomainStateReason.Crashed.PANICKED)), state.toString());
        d.destroy();
        DomainEventDetail last;
        do {
            last = nextEvent();
        } while (last == DomainEventDetail.Crashed.PANICKED);
        assertEquals(DomainEventDetail.Stopped.DESTROYED, last);
        assertEquals(DomainStateInfo.of(DomainStateReason.Shutoff.DESTROYED), d.state());
    }

    @Test
    void onCrashDestroyShutsTheGuestOffAsCrashed() throws Exception {
        Guest g = panickingGuest("crashdestroy", "<panic model='isa'/>", "destroy");
        Domain d = g.domain();
        assertEquals(DomainEventDetail.Crashed.PANICKED, nextEvent());
        assertEquals(DomainEventDetail.Stopped.CRASHED, nextEvent());
        assertEquals(DomainStateInfo.of(DomainStateReason.Shutoff.CRASHED), d.state());
        assertFalse(d.isActive());
        assertFalse(ProcessHandle.of(g.pid()).map(ProcessHandle::isAlive).orElse(false), "QEMU is gone");
    }

    @Test
    void onCrashRestartResetsTheSameQemuAndTheGuestBootsAgain() throws Exception {
        Guest g = panickingGuest("crashrestart", "<panic model='isa'><address type='isa' iobase='0x505'/></panic>",
                "restart");
        Domain d = g.domain();
        int id = d.id();
        assertEquals(DomainEventDetail.Crashed.PANICKED, nextEvent());
        // As libvirt's fake reboot after a panic: running again, reason crashed, no other event.
        awaitRebootIn(g, "crashrestart");
        assertEquals(id, d.id());
        // It panics again on every boot: each panic is one CRASHED event and another restart.
        assertEquals(DomainEventDetail.Crashed.PANICKED, nextEvent());
        destroyRestartingGuest(d);
    }

    @Test
    void onCrashPreserveKeepsTheCrashedGuestUntilDestroyed() throws Exception {
        Guest g = panickingGuest("crashpreserve", "<panic model='pvpanic'/>", "preserve");
        Domain d = g.domain();
        assertEquals(DomainEventDetail.Crashed.PANICKED, nextEvent());
        assertEquals(DomainStateInfo.of(DomainStateReason.Crashed.PANICKED), d.state());
        assertTrue(d.isActive());
        assertEquals(g.pid(), qemuPid(d), "QEMU is kept for debugging");
        assertEquals("guest-panicked", qmp(d, "query-status").path("status").asText());
        // Nothing else happens to a preserved guest: the STOP that came with the panic is no pause.
        assertNull(events.poll(500, TimeUnit.MILLISECONDS));
        assertEquals(DomainStateInfo.of(DomainStateReason.Crashed.PANICKED), d.state());
        d.destroy();
        assertEquals(DomainEventDetail.Stopped.DESTROYED, nextEvent());
        assertEquals(DomainStateInfo.of(DomainStateReason.Shutoff.DESTROYED), d.state());
    }

    @Test
    void aNewProcessFindsAPreservedGuestCrashed() throws Exception {
        panickingGuest("crashfound", "<panic model='isa'/>", "preserve");
        assertEquals(DomainEventDetail.Crashed.PANICKED, nextEvent());
        conn.close(); // QEMU's monitor takes one client: this JVM lets go

        String crashed = DomainStateInfo.of(DomainStateReason.Crashed.PANICKED).toString();
        String out = QemuEmbedDriverIT.inAnotherJvm(root, "crashfound", "none");
        assertTrue(out.contains("before " + crashed) && out.contains("after " + crashed), out);

        conn = Virt.open(QemuEmbedDriverIT.uri(root));
        Domain found = conn.lookupDomainByName("crashfound");
        assertEquals(DomainStateInfo.of(DomainStateReason.Crashed.PANICKED), found.state());
        found.destroy();
        assertEquals(DomainStateInfo.of(DomainStateReason.Shutoff.DESTROYED), found.state());
    }

    /** The dump directory of this test's {@code qemu:///embed} root. */
    private Path dumpDir() {
        return QemuPaths.embed(root).dumpDir();
    }

    /**
     * The finished dumps of guest {@code id}, {@code name}, checked: named as libvirt names them
     * (ID-NAME-TIME), each an ELF core holding the guest's RAM.
     */
    private List<Path> finishedDumps(int id, String name) throws IOException {
        List<Path> dumps;
        try (Stream<Path> files = Files.list(dumpDir())) {
            dumps = files.filter(f -> !f.getFileName().toString().startsWith(".tmp-")).sorted().toList();
        }
        for (Path dump : dumps) {
            assertTrue(dump.getFileName().toString().matches(id + "-" + name + "-\\d{4}-\\d\\d-\\d\\d-\\d\\d:\\d\\d:\\d\\d"),
                    dump.toString());
            byte[] head = new byte[5];
            try (InputStream in = Files.newInputStream(dump)) {
                assertEquals(5, in.readNBytes(head, 0, 5));
            }
            assertArrayEquals(new byte[] {0x7f, 'E', 'L', 'F', 2}, head, "a 64-bit ELF core");
            assertTrue(Files.size(dump) > TestGuest.MEMORY_MIB * 1024L * 1024 / 2, "it holds the guest's RAM");
        }
        return dumps;
    }

    /** Waits until the domain's log holds {@code text}, as a user reading it would. */
    private void awaitLog(String name, String text) throws InterruptedException, IOException {
        Path log = root.resolve("run/qemu/" + name + ".log");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(EVENT_WAIT_SECONDS);
        while (!Files.readString(log, StandardCharsets.ISO_8859_1).contains(text)) {
            assertTrue(System.nanoTime() < deadline, "no '" + text + "' in " + log);
            Thread.sleep(20);
        }
    }

    @Test
    void onCrashCoredumpDestroyDumpsTheMemoryThenShutsOffAsCrashed() throws Exception {
        Guest g = panickingGuest("dumpdestroy", "<panic model='isa'/>", "coredump-destroy");
        Domain d = g.domain();
        int id = d.id();
        assertEquals(DomainEventDetail.Crashed.PANICKED, nextEvent());
        assertEquals(DomainEventDetail.Stopped.CRASHED, nextEvent());
        assertEquals(DomainStateInfo.of(DomainStateReason.Shutoff.CRASHED), d.state());
        assertFalse(ProcessHandle.of(g.pid()).map(ProcessHandle::isAlive).orElse(false), "QEMU is gone");
        assertEquals(1, finishedDumps(id, "dumpdestroy").size());
    }

    @Test
    void onCrashCoredumpRestartDumpsTheMemoryThenTheGuestBootsAgain() throws Exception {
        Guest g = panickingGuest("dumprestart", "<panic model='pvpanic'/>", "coredump-restart");
        Domain d = g.domain();
        int id = d.id();
        assertEquals(DomainEventDetail.Crashed.PANICKED, nextEvent());
        awaitRebootIn(g, "dumprestart");
        // Dumped before the reset, so there by now (and another may be under way).
        List<Path> dumps = finishedDumps(id, "dumprestart");
        assertFalse(dumps.isEmpty(), "no dump before the restart");
        destroyRestartingGuest(d);
        assertTrue(Files.exists(dumps.get(0)));
    }

    @Test
    void aFailedDumpKeepsTheGuestCrashedAsLibvirtDoes() throws Exception {
        Files.createDirectories(dumpDir().getParent());
        Files.writeString(dumpDir(), "not a directory"); // nothing can be written under it
        Guest g = panickingGuest("dumpfails", "<panic model='isa'/>", "coredump-destroy");
        Domain d = g.domain();
        assertEquals(DomainEventDetail.Crashed.PANICKED, nextEvent());
        awaitLog("dumpfails", "Dump failed");
        assertEquals(DomainStateInfo.of(DomainStateReason.Crashed.PANICKED), d.state());
        assertEquals(g.pid(), qemuPid(d), "QEMU is kept for debugging");
        assertEquals("guest-panicked", qmp(d, "query-status").path("status").asText());
        d.destroy();
        assertEquals(DomainEventDetail.Stopped.DESTROYED, nextEvent());
    }

    @Test
    void aQemuThatDiesDuringTheDumpLeavesNoDumpBehind() throws Exception {
        // QEMU's writes go into a pipe that this test stops reading: the dump stalls midway.
        Files.createDirectories(dumpDir());
        Path tmp = QemuCrash.temporaryDumpPath(dumpDir(), 1, "dumpdies");
        assertEquals(0, new ProcessBuilder("mkfifo", tmp.toString()).inheritIO().start().waitFor());
        byte[] magic = new byte[4];
        CompletableFuture<InputStream> reader = CompletableFuture.supplyAsync(() -> {
            try {
                InputStream in = Files.newInputStream(tmp);
                in.readNBytes(magic, 0, magic.length);
                return in; // open and unread from here: QEMU's writes block
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Guest g = panickingGuest("dumpdies", "<panic model='isa'/>", "coredump-destroy");
        Domain d = g.domain();
        assertEquals(1, d.id());
        assertEquals(DomainEventDetail.Crashed.PANICKED, nextEvent());
        try (InputStream stalled = reader.get(EVENT_WAIT_SECONDS, TimeUnit.SECONDS)) {
            assertArrayEquals(new byte[] {0x7f, 'E', 'L', 'F'}, magic, "QEMU began the dump");
            ProcessHandle.of(g.pid()).orElseThrow().destroyForcibly();
        }
        assertEquals(DomainEventDetail.Stopped.CRASHED, nextEvent());
        assertEquals(DomainStateInfo.of(DomainStateReason.Shutoff.CRASHED), d.state());
        awaitLog("dumpdies", "Dump failed");
        try (Stream<Path> files = Files.list(dumpDir())) {
            assertEquals(List.of(), files.toList(), "neither a half-written dump nor its temporary file");
        }
    }

    @Test
    void aHypervPanicDeviceTurnsOnTheCpusCrashMsrs() throws Exception {
        String xml = guest.domainXml("hvcrash", serial("hvcrash"))
                .replace("  </devices>", "    <panic model='hyperv'/>\n  </devices>");
        Domain d = conn.defineDomain(xml);
        d.start();
        // QEMU 7.2 under TCG takes hv-crash; a guest that finds Hyper-V writes its panic there.
        String cpu = qmp(d, "query-cpus-fast").get(0).path("qom-path").asText();
        assertTrue(qmp(d, "qom-get", JsonNodeFactory.instance.objectNode().put("path", cpu).put("property", "hv-crash"))
                .asBoolean(), "hv-crash on " + cpu);
        assertTrue(d.xml().contains("<panic model='hyperv'/>"), d.xml());
        d.destroy();
    }
}
