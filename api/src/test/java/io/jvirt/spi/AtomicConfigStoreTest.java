package io.jvirt.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicConfigStoreTest {
    @TempDir
    Path dir;

    @Test
    void writesReadsListsAndDeletes() {
        AtomicConfigStore store = new AtomicConfigStore(dir.resolve("qemu"), ErrorDomain.QEMU);
        store.write("b", "<domain>b</domain>");
        store.write("a", "<domain>a1</domain>");
        store.write("a", "<domain>a2</domain>");
        assertEquals("<domain>a2</domain>", store.read("a").orElseThrow());
        assertEquals(List.of("a", "b"), store.names());
        assertTrue(store.delete("b"));
        assertFalse(store.delete("b"));
        assertTrue(store.read("b").isEmpty());
    }

    @Test
    void leftoversOfAnInterruptedWriteAreIgnoredAndTheOldFileSurvives() throws Exception {
        AtomicConfigStore store = new AtomicConfigStore(dir, ErrorDomain.QEMU);
        store.write("vm", "old");
        // A crash between writing the temporary file and renaming it leaves this behind.
        Files.writeString(dir.resolve(".tmp-vm.xml"), "half-writ");
        assertEquals(List.of("vm"), store.names());
        assertEquals("old", store.read("vm").orElseThrow());
        store.write("vm", "new");
        assertEquals("new", store.read("vm").orElseThrow());
        assertFalse(Files.exists(dir.resolve(".tmp-vm.xml")));
    }

    @Test
    void refusesNamesThatEscapeTheDirectory() {
        AtomicConfigStore store = new AtomicConfigStore(dir, ErrorDomain.QEMU);
        VirtException e = assertThrows(VirtException.class, () -> store.write("../evil", "x"));
        assertEquals(ErrorCode.INVALID_ARG, e.code());
    }
}
