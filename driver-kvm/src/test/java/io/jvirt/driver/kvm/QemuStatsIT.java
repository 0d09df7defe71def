package io.jvirt.driver.kvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.Domain;
import io.jvirt.DomainStatsFlag;
import io.jvirt.DomainStatsGroup;
import io.jvirt.VirtException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** domstats against real QEMU: a {@link PowerButtonGuest} that SeaBIOS read from its IDE disk. */
class QemuStatsIT extends EmbeddedQemuTest {
    @Test
    void statsOfARunningAndAShutOffDomain() throws Exception {
        Path image = files.resolve("stats.img");
        PowerButtonGuest.writeImage(image, PowerButtonGuest.Answer.POWER_OFF);
        Domain d = conn.defineDomain(PowerButtonGuest.xml("stats", image, serial("stats"), ""));

        Map<String, Object> off = d.stats();
        assertEquals(5L, off.get("state.state"), off.toString());
        assertFalse(off.containsKey("cpu.time"));
        assertEquals(65536L, off.get("balloon.maximum"));
        assertEquals(1L, off.get("block.count"));
        assertEquals("hda", off.get("block.0.name"));
        assertFalse(off.containsKey("block.0.rd.bytes"));
        Map<String, Object> blockOnly = conn.domainListStats(List.of(d), Set.of(DomainStatsGroup.BLOCK)).get(0).stats();
        assertEquals(List.of("block.count", "block.0.name", "block.0.path"), List.copyOf(blockOnly.keySet()));
        VirtException perf = assertThrows(VirtException.class,
                () -> conn.allDomainStats(Set.of(DomainStatsGroup.PERF), DomainStatsFlag.ENFORCE_STATS));
        assertEquals("argument unsupported: Stats types bits 0x40 are not supported by this daemon", perf.getMessage());

        d.start();
        assertTrue(PowerButtonGuest.awaitBoots(serial("stats"), 1, Duration.ofSeconds(30)));
        Map<String, Object> on = d.stats();
        assertEquals(List.of("state.state", "state.reason", "cpu.time", "cpu.user", "cpu.system",
                "balloon.current", "balloon.maximum", "vcpu.current", "vcpu.maximum", "vcpu.0.state",
                "vcpu.0.time", "block.count", "block.0.name", "block.0.path", "block.0.rd.reqs",
                "block.0.rd.bytes", "block.0.rd.times", "block.0.wr.reqs", "block.0.wr.bytes",
                "block.0.wr.times", "block.0.fl.reqs", "block.0.fl.times"), List.copyOf(on.keySet()));
        assertEquals(1L, on.get("state.state"));
        assertEquals(1L, on.get("state.reason"), "booted");
        long cpu = (Long) on.get("cpu.time");
        assertTrue(cpu > 0, "QEMU used CPU");
        assertEquals(cpu, (Long) on.get("cpu.user") + (Long) on.get("cpu.system"));
        assertTrue((Long) on.get("vcpu.0.time") > 0, "the vCPU thread ran SeaBIOS and the boot sector");
        assertTrue((Long) on.get("vcpu.0.time") <= cpu);
        assertEquals(image.toString(), on.get("block.0.path"));
        assertTrue((Long) on.get("block.0.rd.reqs") > 0, "SeaBIOS read the boot sector: " + on);
        assertTrue((Long) on.get("block.0.rd.bytes") >= 512, on.toString());
        assertEquals(0L, on.get("block.0.wr.bytes"));
        assertThrows(UnsupportedOperationException.class, () -> on.put("x", 1L));
    }
}
