package io.jvirt.capacity;

import io.jvirt.Connection;
import io.jvirt.Domain;
import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.ListDomainsFlag;
import io.jvirt.NodeInfo;
import io.jvirt.VirtException;
import io.jvirt.xml.Units;
import java.util.StringJoiner;

/** The rules of {@link AdmissionPolicy}: what the host's running domains hold, plus the new one. */
final class AdmissionCheck {
    private AdmissionCheck() {
    }

    /**
     * Fails with OPERATION_INVALID, naming each broken rule and its numbers, if {@code candidate}
     * does not fit beside the running domains under {@code rules}' ratio, overhead and reserve.
     */
    static void check(Connection conn, HostProfile rules, DomainDemand candidate, String verb) {
        NodeInfo node = conn.nodeInfo();
        long runningVcpus = 0;
        long runningMemory = 0;
        long running = 0;
        for (Domain d : conn.listAllDomains(ListDomainsFlag.ACTIVE)) {
            if (d.name().equals(candidate.name())) {
                return; // already running: the driver refuses with its own error
            }
            DomainDemand r = DomainDemand.of(d);
            if (r != null) {
                runningVcpus = Totals.add("vCPUs", runningVcpus, r.vcpus());
                runningMemory = Totals.add("memory", runningMemory, r.memoryBytes());
                running++;
            }
        }
        StringJoiner problems = new StringJoiner("; ");
        long vcpus = runningVcpus + candidate.vcpus();
        long allowed = Totals.times("vCPUs", node.cpus(), rules.vcpusPerLogicalProcessor());
        if (vcpus > allowed) {
            problems.add("vCPUs: " + candidate.vcpus() + " for '" + candidate.name() + "' + " + runningVcpus
                    + " of " + PlanRows.count(running, "running domain") + " = " + vcpus + ", over "
                    + PlanRows.count(node.cpus(), "logical processor") + " × " + rules.vcpusPerLogicalProcessor()
                    + " per logical processor = " + allowed);
        }
        long overhead = Totals.times("memory", running + 1, rules.overheadBytes());
        long memory = Totals.add("memory", Totals.add("memory", candidate.memoryBytes(), runningMemory),
                Totals.add("memory", overhead, rules.reserveBytes()));
        long host = Totals.times("memory", node.memory(), Units.KIB);
        if (memory > host) {
            problems.add("memory: " + Quantities.formatSize(candidate.memoryBytes()) + " for '" + candidate.name()
                    + "' + " + Quantities.formatSize(runningMemory) + " of " + PlanRows.count(running, "running domain")
                    + " + " + (running + 1) + " × " + Quantities.formatSize(rules.overheadBytes()) + " overhead + "
                    + Quantities.formatSize(rules.reserveBytes()) + " reserve = " + Quantities.formatSize(memory)
                    + ", over the host's " + Quantities.formatSize(host));
        }
        if (problems.length() > 0) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN, "admission control refuses to "
                    + verb + " domain '" + candidate.name() + "': " + problems);
        }
    }

}
