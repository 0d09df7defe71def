package io.jvirt.capacity;

import io.jvirt.Connection;
import io.jvirt.HostInterface;
import io.jvirt.ListInterfacesFlag;
import io.jvirt.ListStoragePoolsFlag;
import io.jvirt.NodeInfo;
import io.jvirt.StoragePool;
import io.jvirt.VirtException;
import io.jvirt.capacity.CapacityPlan.Resource;
import io.jvirt.capacity.HostFit.Row;
import io.jvirt.capacity.HostFit.Verdict;
import io.jvirt.xml.CapabilitiesDef;
import io.jvirt.xml.CapsCellDef;
import io.jvirt.xml.LibvirtXml;
import io.jvirt.xml.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;

/** The checks of {@link HostFit}, one row each, against what the host reports. */
final class FitRows {
    private static final String NONE = "-";

    private final Connection conn;
    private final CapacityPlan plan;
    private final NodeInfo node;
    private final List<Row> rows = new ArrayList<>();

    private FitRows(Connection conn, CapacityPlan plan) {
        this.conn = conn;
        this.plan = plan;
        this.node = conn.nodeInfo();
    }

    /**
     * @param all        the sums over every VM of the plan
     * @param notRunning the sums over the VMs that are not running yet, or null for none
     */
    static HostFit check(Connection conn, CapacityPlanner planner, CapacityPlan plan, Totals all,
            Totals notRunning, long defined) {
        FitRows f = new FitRows(conn, plan);
        f.processors();
        f.physicalCpus();
        f.memory();
        f.freeMemory(notRunning, planner.profile());
        f.vcpusPerVm(all.largestVcpus);
        f.numa(all.largestMemory);
        f.storage(planner.plansThinStorage(), defined > 0);
        f.nics();
        return new HostFit(conn.uri().text(), plan, defined, f.rows);
    }

    private void processors() {
        long need = plan.row(Resource.LOGICAL_PROCESSORS).required().getAsLong();
        String why = PlanRows.count(plan.vcpus(), "vCPU") + " at " + plan.profile().vcpusPerLogicalProcessor()
                + " per logical processor need " + need;
        compare("logical processors", need, node.cpus(), FitRows::plain, why, "the host's %s");
    }

    private void physicalCpus() {
        OptionalLong cpus = plan.result(Resource.PHYSICAL_CPUS);
        long sockets = (long) node.nodes() * node.sockets();
        String topology = " of " + PlanRows.count(node.cores(), "core") + " × " + PlanRows.count(node.threads(), "thread");
        if (cpus.isEmpty()) {
            rows.add(new Row("physical CPUs", NONE, PlanRows.count(sockets, "CPU") + topology, Verdict.NOT_CHECKED,
                    "cores per socket not given"));
            return;
        }
        compare("physical CPUs", cpus.getAsLong(), sockets, FitRows::plain,
                plan.row(Resource.PHYSICAL_CPUS).formula(), "the host's %s CPUs" + topology);
    }

    private void memory() {
        OptionalLong need = plan.row(Resource.MEMORY).required();
        long host = node.memory() * Units.KIB;
        if (need.isEmpty()) {
            rows.add(new Row("memory", NONE, Quantities.formatSize(host), Verdict.NOT_CHECKED, "no memory given"));
            return;
        }
        compare("memory", need.getAsLong(), host, Quantities::formatSize, "VMs, overhead and reserve need "
                + Quantities.formatSize(need.getAsLong()), "the host's %s");
    }

    private void freeMemory(Totals notRunning, HostProfile p) {
        if (notRunning == null || notRunning.memory == 0) {
            rows.add(new Row("free memory", NONE, NONE, Verdict.NOT_CHECKED, "no memory to start"));
            return;
        }
        long need = Totals.add("memory", notRunning.memory, Totals.times("memory", notRunning.vms, p.overheadBytes()));
        ask("free memory", conn::freeMemory, free -> compare("free memory", need, free, Quantities::formatSize,
                "starting " + PlanRows.count(notRunning.vms, "VM") + " now needs " + Quantities.formatSize(notRunning.memory)
                        + " + " + notRunning.vms + " × " + Quantities.formatSize(p.overheadBytes()) + " overhead",
                "the %s free on the host"));
    }

    private void vcpusPerVm(long largest) {
        ask("vCPUs per VM", () -> conn.maxVcpus(null), max -> compare("vCPUs per VM", largest, max, FitRows::plain,
                "the largest VM has " + PlanRows.count(largest, "vCPU"), "the hypervisor's limit of %s per guest"));
    }

    private void numa(long vm) {
        if (vm == 0) {
            rows.add(new Row("NUMA cell", NONE, NONE, Verdict.NOT_CHECKED, "no memory given"));
            return;
        }
        long cell;
        try {
            CapabilitiesDef caps = LibvirtXml.parseCapabilities(conn.capabilities());
            cell = 0;
            if (caps.getHost() != null && caps.getHost().getTopology() != null
                    && caps.getHost().getTopology().getCells() != null) {
                for (CapsCellDef c : caps.getHost().getTopology().getCells().getCells()) {
                    cell = Math.max(cell, c.getMemory() == null ? 0 : c.getMemory().toBytes());
                }
            }
        } catch (VirtException e) {
            rows.add(new Row("NUMA cell", Quantities.formatSize(vm), NONE, Verdict.NOT_CHECKED,
                    "capabilities: " + e.getMessage()));
            return;
        }
        if (cell == 0) {
            rows.add(new Row("NUMA cell", Quantities.formatSize(vm), NONE, Verdict.NOT_CHECKED,
                    "the host's capabilities list no NUMA cells"));
            return;
        }
        rows.add(new Row("NUMA cell", Quantities.formatSize(vm), Quantities.formatSize(cell), Verdict.FITS,
                vm <= cell ? "the largest VM fits in one NUMA cell"
                        : "the largest VM is larger than any NUMA cell: its memory will span cells (slower)"));
    }

    private void storage(boolean thin, boolean countsDefined) {
        OptionalLong need = plan.result(Resource.STORAGE);
        if (need.isEmpty()) {
            rows.add(new Row("storage", NONE, NONE, Verdict.NOT_CHECKED, "no disk given"));
            return;
        }
        String note = countsDefined ? " (disks of defined domains not counted)" : "";
        ask("storage", this::poolsAvailable, free -> {
            if (thin && need.getAsLong() > free) {
                rows.add(new Row("storage", Quantities.formatSize(need.getAsLong()), Quantities.formatSize(free),
                        Verdict.FITS, "thin disks start small but can grow to more than the active pools have free"
                                + note));
            } else {
                compare("storage", need.getAsLong(), free, Quantities::formatSize,
                        (thin ? "thin disks can grow to " : "fixed-size disks take ")
                                + Quantities.formatSize(need.getAsLong()) + note, "the %s free in active pools");
            }
        });
    }

    private long poolsAvailable() {
        long free = 0;
        for (StoragePool p : conn.listAllStoragePools(ListStoragePoolsFlag.ACTIVE)) {
            free = Totals.add("storage", free, p.info().available());
        }
        return free;
    }

    private void nics() {
        OptionalLong need = plan.result(Resource.NICS);
        if (need.isEmpty()) {
            rows.add(new Row("NICs", NONE, NONE, Verdict.NOT_CHECKED, "no bandwidth given and no VMs-per-NIC rule"));
            return;
        }
        ask("NICs", () -> conn.listAllInterfaces(ListInterfacesFlag.ACTIVE).stream().map(HostInterface::name)
                .filter(n -> !n.equals("lo")).count(), have -> compare("NICs", need.getAsLong(), have,
                        FitRows::plain, plan.row(Resource.NICS).formula(), "the host's active interfaces (%s)"));
    }

    private static String plain(long n) {
        return Long.toString(n);
    }

    /** Asks the host; a call the driver lacks (or that fails) makes a NOT_CHECKED row. */
    private void ask(String resource, LongSupplier question, LongConsumer then) {
        long answer;
        try {
            answer = question.getAsLong();
        } catch (VirtException e) {
            rows.add(new Row(resource, NONE, NONE, Verdict.NOT_CHECKED, "the host does not say: " + e.getMessage()));
            return;
        }
        then.accept(answer);
    }

    /** A row comparing {@code need} with {@code have}; {@code host} says what {@code have} is, "%s" the number. */
    private void compare(String resource, long need, long have, LongFunction<String> format, String why,
            String host) {
        boolean fits = need <= have;
        rows.add(new Row(resource, format.apply(need), format.apply(have), fits ? Verdict.FITS : Verdict.DOES_NOT_FIT,
                why + (fits ? ", within " : ", more than ") + String.format(host, format.apply(have))));
    }
}
