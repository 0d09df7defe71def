package io.jvirt.capacity;

import io.jvirt.Connection;
import io.jvirt.Domain;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Will this host hold them? A plan compared with a live host: its processors and memory
 * ({@link Connection#nodeInfo()}), its free memory, the most vCPUs it gives a guest, its NUMA
 * cells ({@link Connection#capabilities()}), its active storage pools and network interfaces.
 * One {@link Row} per check says what is needed, what the host has, and why it fits or not.
 *
 * <pre>{@code
 * HostFit fit = HostFit.withDefinedDomains(conn, CapacityPlanner.of(HostProfile.KVM),
 *         List.of(new VmShape(20, 2, 4L << 30, 40L << 30, 0)));
 * if (!fit.fits()) {
 *     fit.rows().stream().filter(r -> r.verdict() == HostFit.Verdict.DOES_NOT_FIT)
 *             .forEach(r -> System.out.println(r.resource() + ": " + r.why()));
 * }
 * }</pre>
 *
 * <p>Logical processors and memory are compared with the plan's figures before any
 * power-of-two rounding (rounding is for buying hardware, not for judging a host). A check the
 * driver cannot answer ({@code NO_SUPPORT}) is {@link Verdict#NOT_CHECKED}, and does not make
 * the plan fail.
 *
 * @param host           the connection's URI
 * @param plan           the plan compared
 * @param definedDomains how many domains already defined on the host the plan counts
 * @param rows           one row per check
 */
public record HostFit(String host, CapacityPlan plan, long definedDomains, List<Row> rows) {

    /** The outcome of one check. */
    public enum Verdict { FITS, DOES_NOT_FIT, NOT_CHECKED }

    /**
     * One check.
     *
     * @param resource  what is checked ("memory", "free memory", ...)
     * @param needed    what the plan needs, with its unit, or "-"
     * @param available what the host has, with its unit, or "-"
     * @param verdict   whether it fits
     * @param why       the reason, with the numbers
     */
    public record Row(String resource, String needed, String available, Verdict verdict, String why) {
    }

    public HostFit {
        rows = List.copyOf(rows);
    }

    /** True when no check fails ({@link Verdict#NOT_CHECKED} does not fail). */
    public boolean fits() {
        return rows.stream().noneMatch(r -> r.verdict() == Verdict.DOES_NOT_FIT);
    }

    /** The plan of {@code vms} alone, compared with {@code conn}'s host as if it held nothing yet. */
    public static HostFit of(Connection conn, CapacityPlanner planner, List<VmShape> vms) {
        Objects.requireNonNull(conn, "conn");
        CapacityPlan plan = planner.plan(vms);
        Totals all = Totals.of(vms);
        return FitRows.check(conn, planner, plan, all, all, 0);
    }

    /**
     * The domains already defined on {@code conn}'s host (running or not, with their vCPUs and
     * memory; their disks are not counted) plus {@code newVms}, compared with the host. The free
     * memory check counts what is not running yet: the new VMs and defined domains that are shut
     * off. {@code newVms} may be empty, to ask whether the host holds what it has.
     */
    public static HostFit withDefinedDomains(Connection conn, CapacityPlanner planner, List<VmShape> newVms) {
        Objects.requireNonNull(conn, "conn");
        Map<List<Long>, Long> groups = new LinkedHashMap<>();
        List<VmShape> notRunning = new ArrayList<>(newVms);
        long defined = 0;
        for (Domain d : conn.listAllDomains()) {
            DomainDemand demand = DomainDemand.of(d);
            if (demand != null) {
                defined++;
                groups.merge(List.of(demand.vcpus(), demand.memoryBytes()), 1L, Long::sum);
                if (!demand.active()) {
                    notRunning.add(new VmShape(1, demand.vcpus(), demand.memoryBytes(), 0, 0));
                }
            }
        }
        List<VmShape> all = new ArrayList<>();
        groups.forEach((k, n) -> all.add(new VmShape(n, k.get(0), k.get(1), 0, 0)));
        all.addAll(newVms);
        CapacityPlan plan = planner.plan(all);
        return FitRows.check(conn, planner, plan, Totals.of(all), notRunning.isEmpty() ? null : Totals.of(notRunning),
                defined);
    }
}
