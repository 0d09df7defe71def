package io.jvirt.driver.test.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.Connection;
import io.jvirt.Domain;
import io.jvirt.Virt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Save files go both ways between libvirt's test driver and ours ("TestGuestMagic" format). */
class SaveFileCompatibilityIT {
    @TempDir
    Path dir;

    @Test
    void jvirtRestoresWhatLibvirtSaved() throws Exception {
        VirshDifferentialIT.requireVirsh();
        Path file = dir.resolve("by-libvirt.save");
        List<List<String>> out = VirshRun.run(List.of("save test " + file), dir);
        assertTrue(Files.size(file) > 15, "virsh wrote " + out);
        try (Connection conn = Virt.open("test:///default?instance=" + UUID.randomUUID())) {
            Domain test = conn.lookupDomainByName("test");
            test.destroy();
            conn.restoreDomain(file);
            assertEquals("running (restored)", test.state().toString());
            assertEquals(2097152, test.info().memory());
        }
    }

    @Test
    void libvirtRestoresWhatJvirtSaved() throws Exception {
        VirshDifferentialIT.requireVirsh();
        Path file = dir.resolve("by-jvirt.save");
        try (Connection conn = Virt.open("test:///default?instance=" + UUID.randomUUID())) {
            Domain test = conn.lookupDomainByName("test");
            test.setMemory(1048576);
            test.save(file);
        }
        List<List<String>> out = VirshRun.run(List.of("destroy test", "restore " + file,
                "domstate --reason test", "dominfo test"), dir);
        assertEquals(List.of("Domain restored from " + file), out.get(1));
        assertEquals(List.of("running (restored)"), out.get(2));
        assertTrue(out.get(3).contains("Used memory:    1048576 KiB"), String.valueOf(out.get(3)));
    }
}
