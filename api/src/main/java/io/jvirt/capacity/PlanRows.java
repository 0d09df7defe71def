package io.jvirt.capacity;

import io.jvirt.capacity.CapacityPlan.Resource;
import io.jvirt.capacity.CapacityPlan.Row;
import java.util.List;
import java.util.OptionalLong;
import java.util.StringJoiner;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

/** The arithmetic of one plan, resource by resource, as numbers and as formulas. */
final class PlanRows {
    private static final String NOT_PLANNED = "-";

    private final HostProfile profile;
    private final Totals t;
    final long logicalProcessors;
    final long roundedLogicalProcessors;
    /** Memory before rounding, or -1 when no shape gives memory. */
    final long memory;
    private final Row[] rows = new Row[Resource.values().length];

    PlanRows(HostProfile profile, Totals t, boolean powerOfTwo, long coresPerSocket, long threadsPerCore,
            boolean thin) {
        this.profile = profile;
        this.t = t;
        logicalProcessors = Totals.ceilDiv(t.vcpus, profile.vcpusPerLogicalProcessor());
        roundedLogicalProcessors = powerOfTwo
                ? Totals.ceilPowerOfTwo("logical processors", logicalProcessors) : logicalProcessors;
        memory = t.memory == 0 ? -1 : memoryNeeded();
        processors();
        physicalCpus(coresPerSocket, threadsPerCore);
        memory(powerOfTwo);
        nics();
        storage(thin);
    }

    List<Row> rows() {
        return List.of(rows);
    }

    private void processors() {
        String f = sum(VmShape::vcpus, n -> count(n, "vCPU"), count(t.vcpus, "vCPU"))
                + " ÷ " + profile.vcpusPerLogicalProcessor() + " per logical processor = " + logicalProcessors
                + rounded(logicalProcessors, roundedLogicalProcessors, n -> Long.toString(n));
        set(Resource.LOGICAL_PROCESSORS, f, logicalProcessors, roundedLogicalProcessors, Long.toString(roundedLogicalProcessors));
    }

    private void physicalCpus(long cores, long threads) {
        if (cores == 0) {
            notPlanned(Resource.PHYSICAL_CPUS, "cores per socket not given");
            return;
        }
        long perCpu = Totals.times("logical processors per CPU", cores, threads);
        long cpus = Totals.ceilDiv(roundedLogicalProcessors, perCpu);
        String per = threads == 1 ? count(cores, "core") + " per CPU"
                : "(" + count(cores, "core") + " × " + count(threads, "thread") + ") per CPU";
        set(Resource.PHYSICAL_CPUS, count(roundedLogicalProcessors, "logical processor") + " ÷ " + per + " = " + cpus,
                cpus, cpus, Long.toString(cpus));
    }

    private long memoryNeeded() {
        long overhead = Totals.times("memory overhead", t.vms, profile.overheadBytes());
        return Totals.add("memory", Totals.add("memory", t.memory, overhead), profile.reserveBytes());
    }

    private void memory(boolean powerOfTwo) {
        if (memory < 0) {
            notPlanned(Resource.MEMORY, "no memory given");
            return;
        }
        long result = powerOfTwo ? Totals.ceilPowerOfTwo("memory", memory) : memory;
        String f = terms(VmShape::memoryBytes, Quantities::formatSize, Quantities.formatSize(t.memory))
                + " + " + t.vms + " × " + Quantities.formatSize(profile.overheadBytes()) + " overhead + "
                + Quantities.formatSize(profile.reserveBytes()) + " reserve = " + Quantities.formatSize(memory)
                + rounded(memory, result, Quantities::formatSize) + missing(t.vmsWithoutMemory, "memory");
        set(Resource.MEMORY, f, memory, result, Quantities.formatSize(result));
    }

    private void nics() {
        StringJoiner f = new StringJoiner("; ");
        long nics = 0;
        if (t.bandwidth > 0) {
            long byBandwidth = Totals.ceilDiv(t.bandwidth, profile.nicBitsPerSecond());
            f.add(sum(VmShape::bandwidthBitsPerSecond, Quantities::formatRate, Quantities.formatRate(t.bandwidth))
                    + " ÷ " + Quantities.formatRate(profile.nicBitsPerSecond()) + " per NIC = " + byBandwidth
                    + missing(t.vmsWithoutBandwidth, "bandwidth"));
            nics = byBandwidth;
        }
        if (profile.vmsPerNic() != HostProfile.UNLIMITED) {
            long byVms = Totals.ceilDiv(t.vms, profile.vmsPerNic());
            f.add(count(t.vms, "VM") + " ÷ " + profile.vmsPerNic() + " per NIC = " + byVms);
            nics = Math.max(nics, byVms);
        }
        if (nics == 0) {
            notPlanned(Resource.NICS, "no bandwidth given and no VMs-per-NIC rule");
            return;
        }
        set(Resource.NICS, f.toString(), nics, nics, Long.toString(nics));
    }

    private void storage(boolean thin) {
        if (t.disk == 0) {
            notPlanned(Resource.STORAGE, "no disk given");
            return;
        }
        String f = sum(VmShape::diskBytes, Quantities::formatSize, Quantities.formatSize(t.disk))
                + (thin ? ", thin: the most the disks can grow to; they start small"
                        : ", fixed-size: allocated when the disks are created")
                + missing(t.vmsWithoutDisk, "a disk");
        set(Resource.STORAGE, f, t.disk, t.disk, Quantities.formatSize(t.disk));
    }

    /** "200 × 2 GiB + 10 × 4 GiB = 440 GiB", or "440 GiB (Σ of 1000 shapes)" for many shapes. */
    private String sum(ToLongFunction<VmShape> value, LongFunction<String> format, String total) {
        String terms = terms(value, format, total);
        return t.shapes > Totals.TERMS ? terms : terms + " = " + total;
    }

    /** "200 × 2 GiB + 10 × 4 GiB", or "440 GiB (Σ of 1000 shapes)" for many shapes. */
    private String terms(ToLongFunction<VmShape> value, LongFunction<String> format, String total) {
        if (t.shapes > Totals.TERMS) {
            return total + " (Σ of " + t.shapes + " shapes)";
        }
        StringJoiner j = new StringJoiner(" + ");
        for (VmShape s : t.first) {
            long v = value.applyAsLong(s);
            if (v > 0) {
                j.add(s.count() + " × " + format.apply(v));
            }
        }
        return j.toString();
    }

    private static String rounded(long value, long result, LongFunction<String> format) {
        return result == value ? "" : " → " + format.apply(result) + " (power of two)";
    }

    private static String missing(long vms, String what) {
        return vms == 0 ? "" : " (" + count(vms, "VM") + " without " + what + " not counted)";
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private void set(Resource r, String formula, long required, long result, String text) {
        rows[r.ordinal()] = new Row(r, formula, OptionalLong.of(required), OptionalLong.of(result), text);
    }

    private void notPlanned(Resource r, String why) {
        rows[r.ordinal()] = new Row(r, why, OptionalLong.empty(), OptionalLong.empty(), NOT_PLANNED);
    }
}
