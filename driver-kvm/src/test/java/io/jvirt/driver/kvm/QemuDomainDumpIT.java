package io.jvirt.driver.kvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.Domain;
import io.jvirt.DomainCoreDumpFlag;
import io.jvirt.DomainEventDetail;
import io.jvirt.DomainLifecycleEvent;
import io.jvirt.DomainStateInfo;
import io.jvirt.DomainStateReason;
import io.jvirt.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link Domain#coreDump} of the booted test guest, as virsh dump drives it. */
class QemuDomainDumpIT extends EmbeddedQemuTest {
    private static final byte[] ELF64 = {0x7f, 'E', 'L', 'F', 2};
    /** QEMU_VM_FILE_MAGIC, the start of QEMU's migration stream. */
    private static final byte[] QEVM = {'Q', 'E', 'V', 'M'};

    private static TestGuest guest;

    private final BlockingQueue<DomainLifecycleEvent> events = new LinkedBlockingQueue<>();

    @BeforeAll
    static void needGuest() {
        guest = TestGuest.require();
    }

    private Domain booted(String name) throws InterruptedException {
        Domain d = conn.defineDomain(guest.domainXml(name, serial(name)));
        d.start();
        TestGuest.awaitReady(serial(name), Duration.ofSeconds(90));
        conn.onDomainEvent(d, events::add);
        return d;
    }

    private static byte[] head(Path file, int n) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(n);
        }
    }

    /** Only {@code expected} in the directory: no temporary file left behind. */
    private void onlyFile(Path expected) throws IOException {
        try (Stream<Path> all = Files.list(expected.getParent())) {
            assertEquals(List.of(expected), all.filter(p -> p.getFileName().toString().contains("core")
                    || p.getFileName().toString().startsWith(".tmp-")).toList());
        }
    }

    @Test
    void aMemoryOnlyDumpIsAnElfCoreAndTheGuestRunsOn() throws Exception {
        Domain d = booted("memdump");
        Path file = files.resolve("memdump.core");
        d.coreDump(file, DomainCoreDumpFlag.MEMORY_ONLY);
        assertArrayEquals(ELF64, head(file, 5));
        assertTrue(Files.size(file) > TestGuest.MEMORY_MIB * 1024L * 1024 / 2, "it holds the guest's RAM");
        onlyFile(file);
        // libvirt's qemuProcessStartCPUs(VIR_DOMAIN_RUNNING_UNPAUSED) after the pause for the dump
        assertEquals(DomainStateInfo.of(DomainStateReason.Running.UNPAUSED), d.state());
        assertEquals("running", qmp(d, "query-status").path("status").asText());

        d.coreDump(file, DomainCoreDumpFlag.MEMORY_ONLY, DomainCoreDumpFlag.LIVE);
        assertArrayEquals(ELF64, head(file, 5));
        assertEquals(DomainStateInfo.of(DomainStateReason.Running.UNPAUSED), d.state(), "a live dump changes nothing");
        assertEquals("running", qmp(d, "query-status").path("status").asText());
        assertEquals(null, events.poll(300, TimeUnit.MILLISECONDS), "QEMU's own pause for a live dump is no event");
    }

    @Test
    void aDumpWithoutMemoryOnlyIsQemusMigrationStream() throws Exception {
        Domain d = booted("streamdump");
        Path file = files.resolve("streamdump.core");
        d.coreDump(file);
        assertArrayEquals(QEVM, head(file, 4));
        onlyFile(file);
        assertEquals(DomainStateInfo.of(DomainStateReason.Running.UNPAUSED), d.state());
        assertEquals("running", qmp(d, "query-status").path("status").asText());
    }

    @Test
    void aCrashDumpShutsTheGuestOffCrashed() throws Exception {
        Domain d = booted("crashdump");
        long pid = qemuPid(d);
        Path file = files.resolve("crashdump.core");
        d.coreDump(file, DomainCoreDumpFlag.CRASH, DomainCoreDumpFlag.MEMORY_ONLY);
        assertArrayEquals(ELF64, head(file, 5));
        DomainLifecycleEvent e = events.poll(30, TimeUnit.SECONDS);
        assertNotNull(e);
        assertEquals(DomainEventDetail.Stopped.CRASHED, e.detail());
        assertEquals(DomainStateInfo.of(DomainStateReason.Shutoff.CRASHED), d.state());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "QEMU is gone");
        refused(ErrorCode.OPERATION_INVALID, () -> d.coreDump(file));
    }

    @Test
    void aResetDumpRebootsTheGuest() throws Exception {
        Domain d = booted("resetdump");
        d.coreDump(files.resolve("resetdump.core"), DomainCoreDumpFlag.RESET, DomainCoreDumpFlag.MEMORY_ONLY);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (Files.readString(serial("resetdump")).split(TestGuest.READY, -1).length < 3
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(3, Files.readString(serial("resetdump")).split(TestGuest.READY, -1).length, "booted twice");
        assertEquals(DomainStateInfo.of(DomainStateReason.Running.UNPAUSED), d.state());
    }

    @Test
    void whatCannotBeDumpedIsRefusedAndTheGuestRunsOn() throws Exception {
        Domain d = booted("nodump");
        refused(ErrorCode.INVALID_ARG, () -> d.coreDump(files.resolve("x.core"), DomainCoreDumpFlag.BYPASS_CACHE));
        refused(ErrorCode.INVALID_ARG, () -> d.coreDump(files.resolve("x.core"), DomainCoreDumpFlag.CRASH,
                DomainCoreDumpFlag.RESET));
        refused(ErrorCode.ARGUMENT_UNSUPPORTED, () -> d.coreDump(files.resolve("x.core"), DomainCoreDumpFlag.LIVE));
        for (DomainCoreDumpFlag[] flags : List.of(new DomainCoreDumpFlag[] {DomainCoreDumpFlag.MEMORY_ONLY},
                new DomainCoreDumpFlag[0])) {
            refused(ErrorCode.SYSTEM_ERROR, () -> d.coreDump(files.resolve("nosuch/x.core"), flags));
            assertEquals(DomainStateInfo.of(DomainStateReason.Running.BOOTED), d.state(), "nothing changed");
            assertEquals("running", qmp(d, "query-status").path("status").asText());
        }
    }
}
