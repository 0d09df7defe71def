package io.jvirt.driver.kvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

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
}
