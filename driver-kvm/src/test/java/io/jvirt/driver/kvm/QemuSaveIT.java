package io.jvirt.driver.kvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.jvirt.Domain;
import io.jvirt.DomainEventDetail;
import io.jvirt.DomainLifecycleEvent;
import io.jvirt.DomainSaveFlag;
import io.jvirt.DomainStartFlag;
import io.jvirt.DomainStateInfo;
import io.jvirt.DomainStateReason;
import io.jvirt.ErrorCode;
import io.jvirt.Virt;
import io.jvirt.VirtException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Save, restore and managed save against real QEMU under TCG (guests idling in SeaBIOS). */
class QemuSaveIT extends EmbeddedQemuTest {
    private final BlockingQueue<DomainLifecycleEvent> events = new LinkedBlockingQueue<>();

    @BeforeEach
    void listen() {
        conn.onDomainEvent(events::add);
    }

    private static List<ProcessHandle> ourQemus() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.isAlive() && p.info().command().orElse("").contains("qemu-system")).toList();
    }

    /** The first MiB of guest memory (SeaBIOS's code and data), read over the domain's monitor. */
    private byte[] lowMemory(Domain d) throws Exception {
        Path dump = files.resolve("mem-" + System.nanoTime());
        qmp(d, "pmemsave", JsonNodeFactory.instance.objectNode()
                .put("val", 0).put("size", 1 << 20).put("filename", dump.toString()));
        return Files.readAllBytes(dump);
    }

    private List<DomainEventDetail> details(String name, int n) throws InterruptedException {
        List<DomainEventDetail> got = new java.util.ArrayList<>();
        while (got.size() < n) {
            DomainLifecycleEvent e = events.poll(10, TimeUnit.SECONDS);
            if (e == null) {
                break;
            }
            if (e.domain().name().equals(name)) {
                got.add(e.detail());
            }
        }
        return got;
    }

    @Test
    void aPausedGuestComesBackPausedWithItsMemoryByteForByte() throws Exception {
        Domain d = conn.defineDomain(QemuEmbedDriverIT.xml("mem"));
        d.start();
        d.suspend();
        byte[] before = lowMemory(d);
        int id = d.id();
        Path file = files.resolve("mem.save");
        assertEquals(List.of(DomainEventDetail.Defined.ADDED, DomainEventDetail.Started.BOOTED,
                DomainEventDetail.Suspended.PAUSED), details("mem", 3));

        d.save(file);

        assertEquals(DomainStateInfo.of(DomainStateReason.Shutoff.SAVED), d.state());
        assertEquals(List.of(), ourQemus());
        conn.restoreDomain(file);
        assertEquals(DomainStateInfo.of(DomainStateReason.Paused.MIGRATION), d.state(),
                "saved paused, so restored paused");
        assertNotEquals(id, d.id());
        assertEquals(List.of(DomainEventDetail.Stopped.SAVED, DomainEventDetail.Started.RESTORED,
                DomainEventDetail.Suspended.RESTORED), details("mem", 3));
        assertArrayEquals(before, lowMemory(d), "guest memory after restore");
        d.resume();
        assertEquals(DomainStateInfo.of(DomainStateReason.Running.UNPAUSED), d.state());
    }

    @Test
    void theImageHasLibvirtsLayoutAndTheFlagsChooseTheStateAfterRestore() throws Exception {
        Domain d = conn.defineDomain(QemuEmbedDriverIT.xml("layout"));
        d.start();
        Path file = files.resolve("layout.save");
        d.save(file, DomainSaveFlag.PAUSED);

        byte[] all = Files.readAllBytes(file);
        assertEquals("LibvirtQemudSave", new String(all, 0, 16, StandardCharsets.US_ASCII));
        ByteBuffer h = ByteBuffer.wrap(all, 16, 20).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(2, h.getInt(), "version");
        int dataLen = h.getInt();
        assertEquals(0, h.getInt(), "was_running: the PAUSED flag says restore paused");
        String xml = new String(all, 92, dataLen, StandardCharsets.UTF_8);
        assertTrue(xml.contains("<name>layout</name>"), xml);
        assertFalse(xml.contains(" id='"), "the saved XML is inactive: " + xml.substring(0, 60));
        assertEquals("QEVM", new String(all, 92 + dataLen, 4, StandardCharsets.US_ASCII),
                "QEMU's migration stream follows the data area");

        conn.restoreDomain(file, DomainSaveFlag.RUNNING);
        assertEquals(DomainStateInfo.of(DomainStateReason.Running.RESTORED), d.state(), "RUNNING wins over the image");
    }

    @Test
    void whatIsNotASaveImageIsRefusedAndNothingRuns() throws Exception {
        Path missing = files.resolve("missing.save");
        assertEquals(ErrorCode.SYSTEM_ERROR,
                assertThrows(VirtException.class, () -> conn.restoreDomain(missing)).code());
        Path junk = files.resolve("junk.save");
        Files.write(junk, "not a save image at all, but long enough to hold a header ".repeat(4)
                .getBytes(StandardCharsets.US_ASCII));
        VirtException magic = assertThrows(VirtException.class, () -> conn.restoreDomain(junk));
        assertEquals(ErrorCode.OPERATION_FAILED, magic.code());
        assertTrue(magic.getMessage().contains("image magic is incorrect"), magic.getMessage());
        Path shortFile = files.resolve("short.save");
        Files.write(shortFile, "LibvirtQemudSave".getBytes(StandardCharsets.US_ASCII));
        VirtException header = assertThrows(VirtException.class, () -> conn.restoreDomain(shortFile));
        assertEquals(ErrorCode.OPERATION_FAILED, header.code());
        assertTrue(header.getMessage().contains("failed to read qemu header"), header.getMessage());

        // A good header over a damaged stream: QEMU starts, refuses the stream, and is gone again.
        Domain d = conn.defineDomain(QemuEmbedDriverIT.xml("damaged"));
        d.start();
        Path good = files.resolve("good.save");
        d.save(good);
        byte[] bytes = Files.readAllBytes(good);
        int dataLen = ByteBuffer.wrap(bytes, 20, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        Path damaged = files.resolve("damaged.save");
        byte[] cut = Arrays.copyOf(bytes, 92 + dataLen + 64);
        Arrays.fill(cut, 92 + dataLen, cut.length, (byte) 0x5a);
        Files.write(damaged, cut);
        VirtException stream = assertThrows(VirtException.class, () -> conn.restoreDomain(damaged));
        assertEquals(ErrorCode.OPERATION_FAILED, stream.code());
        assertTrue(stream.getMessage().contains("cannot restore domain 'damaged'"), stream.getMessage());
        assertEquals(List.of(), ourQemus());
        assertEquals(DomainStateInfo.of(DomainStateReason.Shutoff.SAVED), d.state(), "still shut off, saved");
        assertEquals(-1, d.id());

        // A partial image (a save that never finished) is refused by restore...
        byte[] partial = bytes.clone();
        System.arraycopy("LibvirtQemudPart".getBytes(StandardCharsets.US_ASCII), 0, partial, 0, 16);
        Path part = files.resolve("part.save");
        Files.write(part, partial);
        VirtException incomplete = assertThrows(VirtException.class, () -> conn.restoreDomain(part));
        assertTrue(incomplete.getMessage().contains("save image is incomplete"), incomplete.getMessage());
        // ...and as a managed save image, dropped by start, which then boots.
        Path managed = root.resolve("lib/qemu/save/damaged.save");
        Files.createDirectories(managed.getParent());
        Files.write(managed, partial);
        assertTrue(d.hasManagedSaveImage());
        d.start();
        assertEquals(DomainStateInfo.of(DomainStateReason.Running.BOOTED), d.state());
        assertFalse(d.hasManagedSaveImage());
        assertFalse(Files.exists(root.resolve("run/qemu/" + d.uuid() + ".migrate")), "no stream socket left");
    }

    @Test
    void saveNeedsARunningDomainAndAWritablePlace() throws Exception {
        Domain d = conn.defineDomain(QemuEmbedDriverIT.xml("where"));
        Path file = files.resolve("where.save");
        assertEquals(ErrorCode.OPERATION_INVALID, assertThrows(VirtException.class, () -> d.save(file)).code());
        assertEquals(ErrorCode.OPERATION_INVALID, assertThrows(VirtException.class, d::managedSave).code());
        assertFalse(Files.exists(file));

        d.start();
        Path nowhere = files.resolve("no/such/dir/where.save");
        assertEquals(ErrorCode.SYSTEM_ERROR, assertThrows(VirtException.class, () -> d.save(nowhere)).code());
        assertEquals(DomainStateInfo.of(DomainStateReason.Running.BOOTED), d.state(), "untouched");
        assertEquals(ErrorCode.INVALID_ARG, assertThrows(VirtException.class,
                () -> d.save(file, DomainSaveFlag.RUNNING, DomainSaveFlag.PAUSED)).code());
        assertEquals(DomainStateInfo.of(DomainStateReason.Running.BOOTED), d.state());
        assertFalse(Files.exists(file));
    }

    @Test
    void aSaveThatCannotWriteLetsTheGuestRunOnAndRemovesNothingItDidNotMake() throws Exception {
        Path full = Path.of("/dev/full"); // every write fails: no space left on device
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(full), "needs /dev/full");
        Domain d = conn.defineDomain(QemuEmbedDriverIT.xml("nospace"));
        d.start();
        long pid = qemuPid(d);
        assertEquals(List.of(DomainEventDetail.Defined.ADDED, DomainEventDetail.Started.BOOTED),
                details("nospace", 2));

        VirtException e = assertThrows(VirtException.class, () -> d.save(full));

        assertEquals(ErrorCode.SYSTEM_ERROR, e.code(), e.getMessage());
        assertEquals(DomainStateInfo.of(DomainStateReason.Running.SAVE_CANCELED), d.state());
        assertEquals(pid, qemuPid(d), "the same QEMU runs on");
        assertEquals("running", qmp(d, "query-status").path("status").asText());
        assertTrue(Files.exists(full), "a path the save did not create is left alone");
        assertNull(events.poll(300, TimeUnit.MILLISECONDS), "no lifecycle event");
    }

    @Test
    void aManagedSaveImageOutlivesTheConnectionAndStartPausedRestoresPaused() throws Exception {
        Domain d = conn.defineDomain(QemuEmbedDriverIT.xml("keeper"));
        d.start();
        d.managedSave();
        assertTrue(Files.exists(root.resolve("lib/qemu/save/keeper.save")));
        conn.close();

        conn = Virt.open(QemuEmbedDriverIT.uri(root));
        conn.onDomainEvent(events::add);
        events.clear();
        Domain back = conn.lookupDomainByName("keeper");
        assertTrue(back.hasManagedSaveImage());
        assertEquals(DomainStateInfo.of(DomainStateReason.Shutoff.SAVED), back.state(),
                "the reason outlives the process, as it outlives virsh commands with libvirtd");
        back.start(DomainStartFlag.PAUSED);
        assertEquals(DomainStateInfo.of(DomainStateReason.Paused.MIGRATION), back.state());
        assertEquals(List.of(DomainEventDetail.Started.RESTORED, DomainEventDetail.Suspended.PAUSED),
                details("keeper", 2));
        assertFalse(back.hasManagedSaveImage(), "consumed by start");
        back.resume();

        back.managedSave();
        back.start(DomainStartFlag.FORCE_BOOT);
        assertEquals(DomainStateInfo.of(DomainStateReason.Running.BOOTED), back.state());
        assertFalse(back.hasManagedSaveImage(), "FORCE_BOOT drops the image");

        back.destroy();
        conn.close();
        conn = Virt.open(QemuEmbedDriverIT.uri(root));
        assertEquals(DomainStateInfo.of(DomainStateReason.Shutoff.DESTROYED),
                conn.lookupDomainByName("keeper").state());
        conn.lookupDomainByName("keeper").undefine();
        assertFalse(Files.exists(root.resolve("run/qemu/keeper.shutoff")), "undefine forgets it");
    }

    @Test
    void queriesAnswerWhileASaveIsUnderWay() throws Exception {
        Domain d = conn.defineDomain(QemuEmbedDriverIT.xml("busy").replace("<memory unit='MiB'>64</memory>",
                "<memory unit='MiB'>512</memory>"));
        d.start();
        Path file = files.resolve("busy.save");
        java.util.concurrent.CompletableFuture<Void> save = java.util.concurrent.CompletableFuture.runAsync(
                () -> d.save(file));
        // libvirt's save is an async job: queries go on while QEMU writes, and show it pausing
        // for the save. A save holding the domain's lock throughout would only ever show
        // running before it and shut off after it.
        boolean sawSaving = false;
        while (!save.isDone()) {
            sawSaving |= d.state().equals(DomainStateInfo.of(DomainStateReason.Paused.SAVE));
        }
        save.join();
        assertTrue(sawSaving, "no query answered during the save");
        assertEquals(DomainStateInfo.of(DomainStateReason.Shutoff.SAVED), d.state());
        conn.restoreDomain(file);
        assertEquals(DomainStateInfo.of(DomainStateReason.Running.RESTORED), d.state());
    }
}
