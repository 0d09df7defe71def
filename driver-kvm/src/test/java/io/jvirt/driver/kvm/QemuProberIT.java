package io.jvirt.driver.kvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.ErrorCode;
import io.jvirt.VirtException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QemuProberIT {
    @TempDir
    static Path work;

    static QemuCapabilities caps;

    @BeforeAll
    static void probe() {
        caps = QemuProber.probe(InstalledQemu.require(), work);
    }

    @Test
    void readsTheVersion() {
        assertTrue(caps.version().matches("\\d+\\.\\d+\\.\\d+"), caps.version());
        assertTrue(caps.versionNumber() >= 7_002_000, caps.version());
    }

    @Test
    void resolvesMachineAliases() {
        String pc = caps.resolveMachine("pc").orElseThrow();
        assertTrue(pc.startsWith("pc-i440fx-"), pc);
        assertTrue(caps.resolveMachine("q35").orElseThrow().startsWith("pc-q35-"));
        assertEquals(Optional.of(pc), caps.resolveMachine(pc));
        assertEquals(Optional.of(pc), caps.resolveMachine(null)); // pc is x86_64's default
        assertEquals(Optional.empty(), caps.resolveMachine("no-such-machine"));
    }

    @Test
    void listsCpuModelsAndAccelerators() {
        assertTrue(caps.cpuModels().contains("qemu64"), caps.cpuModels().toString());
        assertTrue(caps.cpuModels().contains("max"), caps.cpuModels().toString());
        assertTrue(caps.accelerators().contains("tcg"), caps.accelerators().toString());
        assertTrue(caps.sandbox(), "Debian's QEMU is built with seccomp");
    }

    @Test
    void aQemuThatDiesAtStartReportsItsOwnError() {
        Path socket = work.resolve("dies.sock");
        Path log = work.resolve("dies.log");
        Process qemu = QemuProcess.start(java.util.List.of(InstalledQemu.BINARY.toString(),
                "-machine", "no-such-machine", "-nodefaults", "-display", "none"), log);
        VirtException e = assertThrows(VirtException.class, () -> QemuProcess.connectMonitor(qemu, socket, log,
                null, java.time.Duration.ofSeconds(30)));
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertTrue(e.getMessage().contains("unsupported machine type"), e.getMessage()); // QEMU's stderr
    }

    @Test
    void leavesNothingBehind() throws Exception {
        try (var files = Files.list(work)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().startsWith("probe-")));
        }
    }

    @Test
    void aMissingBinaryIsAClearError() {
        VirtException e = assertThrows(VirtException.class,
                () -> QemuProber.probe(work.resolve("qemu-system-nothing"), work));
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertTrue(e.getMessage().contains("qemu-system-nothing"), e.getMessage());
    }
}
