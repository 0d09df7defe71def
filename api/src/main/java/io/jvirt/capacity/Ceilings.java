package io.jvirt.capacity;

import io.jvirt.capacity.CapacityPlan.Breach;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/** The profile's ceilings a plan breaks, each naming the limit and the numbers. */
final class Ceilings {
    private Ceilings() {
    }

    static List<Breach> check(HostProfile p, Totals t, PlanRows rows) {
        List<Breach> out = new ArrayList<>();
        String of = p.name() + "'s limit of ";
        if (p.vcpusPerLogicalProcessor() > p.maxVcpusPerLogicalProcessor()) {
            out.add(new Breach("vCPUs per logical processor", p.maxVcpusPerLogicalProcessor(), p.vcpusPerLogicalProcessor(),
                    "a ratio of " + p.vcpusPerLogicalProcessor() + " vCPUs per logical processor exceeds " + of
                            + p.maxVcpusPerLogicalProcessor()));
        }
        over(out, p, "logical processors per host", rows.logicalProcessors, p.maxLogicalProcessors(),
                n -> n + " logical processors");
        over(out, p, "running vCPUs per host", t.vcpus, p.maxRunningVcpus(), n -> n + " running vCPUs");
        over(out, p, "running VMs per host", t.vms, p.maxRunningVms(), n -> n + " running VMs");
        if (rows.memory > 0) {
            over(out, p, "memory per host", rows.memory, p.maxHostMemory(),
                    n -> Quantities.formatSize(n) + " of memory");
        }
        if (t.largestVcpus > p.maxVcpusPerVm()) {
            out.add(new Breach("vCPUs per VM", p.maxVcpusPerVm(), t.largestVcpus,
                    "no " + p.name() + " host can hold a VM of " + t.largestVcpus + " vCPUs: the limit is "
                            + p.maxVcpusPerVm() + " vCPUs per VM"));
        }
        if (t.largestMemory > p.maxMemoryPerVm()) {
            out.add(new Breach("memory per VM", p.maxMemoryPerVm(), t.largestMemory,
                    "no " + p.name() + " host can hold a VM of " + Quantities.formatSize(t.largestMemory)
                            + ": the limit is " + Quantities.formatSize(p.maxMemoryPerVm()) + " per VM"));
        }
        if (t.largestBandwidth > p.nicBitsPerSecond()) {
            out.add(new Breach("bandwidth per NIC", p.nicBitsPerSecond(), t.largestBandwidth,
                    "no NIC of " + Quantities.formatRate(p.nicBitsPerSecond()) + " can carry a VM of "
                            + Quantities.formatRate(t.largestBandwidth)));
        }
        return out;
    }

    /** "the plan needs 400 running vCPUs, over hyperv-2008r2's limit of 384 running vCPUs per host". */
    private static void over(List<Breach> out, HostProfile p, String limit, long needed, long allowed,
            LongFunction<String> amount) {
        if (needed > allowed) {
            out.add(new Breach(limit, allowed, needed, "the plan needs " + amount.apply(needed) + ", over "
                    + p.name() + "'s limit of " + amount.apply(allowed) + " per host"));
        }
    }
}
