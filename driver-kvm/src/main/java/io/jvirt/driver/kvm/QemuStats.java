package io.jvirt.driver.kvm;

import com.fasterxml.jackson.databind.JsonNode;
import io.jvirt.DomainStateInfo;
import io.jvirt.DomainStatsGroup;
import io.jvirt.xml.DiskDef;
import io.jvirt.xml.DomainDef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code virsh domstats} for a QEMU domain, with libvirt's keys (qemuDomainGetStats*): the
 * state; CPU time of the QEMU process and of each vCPU thread (from /proc, as libvirt's
 * qemuGetProcessInfo without cgroups); the balloon; block I/O from query-blockstats.
 * Called with the domain locked.
 */
final class QemuStats {
    /** What a thread or process whose stat can't be read counts: no time, as before it ran. */
    private static final ProcStat NONE = new ProcStat('X', 0, 0, 0);


    private QemuStats() {
    }

    /** The groups this driver measures; libvirt's QEMU driver has more (net, perf, iothread, ...). */
    static final Set<DomainStatsGroup> SUPPORTED = Collections.unmodifiableSet(EnumSet.of(DomainStatsGroup.STATE,
            DomainStatsGroup.CPU_TOTAL, DomainStatsGroup.BALLOON, DomainStatsGroup.VCPU, DomainStatsGroup.BLOCK));

    /** The record of {@code d} with the {@code groups} chosen from {@link #SUPPORTED}, in libvirt's order. */
    static Map<String, Object> of(QemuDomain d, Set<DomainStatsGroup> groups) {
        Map<String, Object> s = new LinkedHashMap<>();
        DomainDef def = d.currentDef();
        QemuRun run = d.run;
        if (groups.contains(DomainStatsGroup.STATE)) {
            DomainStateInfo state = d.state;
            s.put("state.state", (long) state.state().value());
            s.put("state.reason", (long) state.reason().value());
        }
        if (groups.contains(DomainStatsGroup.CPU_TOTAL) && run != null) {
            ProcStat cpu = ProcStat.of(run.process.pid()).orElse(NONE);
            s.put("cpu.time", cpu.cpuNs());
            s.put("cpu.user", cpu.userNs());
            s.put("cpu.system", cpu.systemNs());
        }
        if (groups.contains(DomainStatsGroup.BALLOON)) {
            s.put("balloon.current", QemuResources.currentMemoryKiB(def));
            s.put("balloon.maximum", def.getMemoryKiB());
        }
        if (groups.contains(DomainStatsGroup.VCPU)) {
            vcpus(s, def, run);
        }
        if (groups.contains(DomainStatsGroup.BLOCK)) {
            blocks(s, def, run);
        }
        return Collections.unmodifiableMap(s);
    }

    private static void vcpus(Map<String, Object> s, DomainDef def, QemuRun run) {
        s.put("vcpu.current", (long) QemuResources.currentVcpus(def));
        s.put("vcpu.maximum", (long) def.getVcpuCount());
        if (run != null) {
            int i = 0;
            for (JsonNode cpu : run.monitor().execute("query-cpus-fast")) {
                ProcStat t = ProcStat.read(Path.of("/proc", Long.toString(run.process.pid()), "task",
                        cpu.path("thread-id").asText(), "stat")).orElse(NONE);
                s.put("vcpu." + i + ".state", 1L); // VIR_VCPU_RUNNING: the thread exists
                s.put("vcpu." + i + ".time", t.cpuNs());
                i++;
            }
        }
    }

    private static void blocks(Map<String, Object> s, DomainDef def, QemuRun run) {
        List<DiskDef> disks = def.getDisks();
        Map<String, JsonNode> statsByFile = new HashMap<>();
        if (run != null) {
            Map<String, String> qdevByFile = new HashMap<>();
            for (JsonNode b : run.monitor().execute("query-block")) {
                JsonNode inserted = b.path("inserted");
                if (inserted.has("file")) {
                    qdevByFile.put(inserted.path("file").asText(), b.path("qdev").asText());
                }
            }
            Map<String, JsonNode> statsByQdev = new HashMap<>();
            for (JsonNode b : run.monitor().execute("query-blockstats")) {
                statsByQdev.put(b.path("qdev").asText(), b.path("stats"));
            }
            qdevByFile.forEach((file, qdev) -> {
                if (statsByQdev.containsKey(qdev)) {
                    statsByFile.put(file, statsByQdev.get(qdev));
                }
            });
        }
        s.put("block.count", (long) disks.size());
        for (int i = 0; i < disks.size(); i++) {
            DiskDef disk = disks.get(i);
            String p = "block." + i + ".";
            s.put(p + "name", String.valueOf(disk.getTargetDev()));
            String file = disk.getSource() == null ? null : disk.getSource().getFile();
            if (file != null) {
                s.put(p + "path", file);
            }
            JsonNode st = file == null ? null : statsByFile.get(file);
            if (st != null) {
                s.put(p + "rd.reqs", st.path("rd_operations").asLong());
                s.put(p + "rd.bytes", st.path("rd_bytes").asLong());
                s.put(p + "rd.times", st.path("rd_total_time_ns").asLong());
                s.put(p + "wr.reqs", st.path("wr_operations").asLong());
                s.put(p + "wr.bytes", st.path("wr_bytes").asLong());
                s.put(p + "wr.times", st.path("wr_total_time_ns").asLong());
                s.put(p + "fl.reqs", st.path("flush_operations").asLong());
                s.put(p + "fl.times", st.path("flush_total_time_ns").asLong());
            }
        }
    }
}
