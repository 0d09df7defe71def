package io.jvirt.driver.kvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a QEMU found from its status file is known to be the same process. */
class QemuProcessTest {
    @Test
    void aLiveProcessHasOneStartForItsWholeLife() throws Exception {
        long self = ProcessHandle.current().pid();
        long start = QemuProcess.startTicks(self);
        assertTrue(start > 0, "start " + start);
        assertEquals(start, QemuProcess.startTicks(self));

        Process child = new ProcessBuilder("sleep", "30").start();
        try {
            long childStart = QemuProcess.startTicks(child.pid());
            assertTrue(childStart >= start, "a child starts after its parent");
            assertNotEquals(-1, childStart);
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
        assertEquals(-1, QemuProcess.startTicks(child.pid()), "gone once it ended");
    }

    @Test
    void noSuchProcessHasNoStart() {
        assertEquals(-1, QemuProcess.startTicks(Long.MAX_VALUE));
        assertEquals(-1, QemuProcess.startTicks(-5));
    }

    @Test
    void procStatTimesSurviveACommandNameWithParentheses(@TempDir Path dir) throws Exception {
        Path stat = dir.resolve("stat");
        Files.writeString(stat, "4242 (qemu (x) y) S 1 4242 4242 0 -1 4194560 100 0 0 0 731 52 0 0 20 0 3 0 1919401"
                + " 1226862592 39012 18446744073709551615\n");
        ProcStat t = ProcStat.read(stat).orElseThrow();
        assertEquals(731, t.userTicks());
        assertEquals(52, t.systemTicks());
        assertEquals(1919401, t.startTicks());
        assertEquals(Optional.empty(), ProcStat.read(dir.resolve("gone")));
    }
}
