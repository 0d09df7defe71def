package io.jvirt.capacity;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Sizes a host for a list of VM shapes, following a {@link HostProfile}'s rules and checking
 * its ceilings. Immutable and thread-safe: each {@code with}-style call returns a new planner.
 *
 * <pre>{@code
 * CapacityPlan plan = CapacityPlanner.of(HostProfile.GENERIC.withVcpusPerLogicalProcessor(8)
 *                 .withVmsPerNic(10))
 *         .roundToPowerOfTwo(true)
 *         .plan(new VmShape(200, 1, 2L << 30, 100L << 30, 100_000_000L));
 * // logical processors: 200 × 1 vCPU = 200 vCPUs ÷ 8 per logical processor = 25 → 32 (power of two)
 * // memory: 200 × 2 GiB + 200 × 32 MiB overhead + 512 MiB reserve = 406.75 GiB → 512 GiB (power of two)
 * // NICs: 200 × 100 Mbps = 20 Gbps ÷ 1 Gbps per NIC = 20; 200 VMs ÷ 10 per NIC = 20
 * // storage: 200 × 100 GiB = 20000 GiB, fixed-size
 * }</pre>
 *
 * <p>The arithmetic, per resource:
 * <ul>
 * <li><b>logical processors</b> = ⌈Σ vCPUs ÷ vCPUs per logical processor⌉, then up to the
 *     next power of two when asked;</li>
 * <li><b>physical CPUs</b> = ⌈logical processors ÷ (cores per socket × threads per core)⌉, when
 *     {@link #coresPerSocket} is given;</li>
 * <li><b>memory</b> = Σ memory + VMs × overhead + host reserve, then up to the next power of two
 *     when asked (binary units throughout);</li>
 * <li><b>NICs</b> = the larger of ⌈Σ bandwidth ÷ NIC speed⌉ and ⌈VMs ÷ VMs per NIC⌉;</li>
 * <li><b>storage</b> = Σ disk, fixed-size (allocated up front) or thin (the most it can grow to).</li>
 * </ul>
 * A resource no shape gives (no memory, disk or bandwidth) is not planned: its row says so and
 * has no result, rather than a misleading 0. Planning 100,000 shapes takes a few milliseconds.
 */
public final class CapacityPlanner {
    private final HostProfile profile;
    private final boolean powerOfTwo;
    private final long coresPerSocket;
    private final long threadsPerCore;
    private final boolean thinStorage;

    private CapacityPlanner(HostProfile profile, boolean powerOfTwo, long coresPerSocket,
            long threadsPerCore, boolean thinStorage) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.powerOfTwo = powerOfTwo;
        this.coresPerSocket = coresPerSocket;
        this.threadsPerCore = threadsPerCore;
        this.thinStorage = thinStorage;
    }

    /** A planner for {@code profile}: no rounding, no CPU topology, fixed-size storage. */
    public static CapacityPlanner of(HostProfile profile) {
        return new CapacityPlanner(profile, false, 0, 1, false);
    }

    /** The profile this planner follows. */
    public HostProfile profile() {
        return profile;
    }

    /** Rounds logical processors and memory up to powers of two (25 → 32, 406.75 GiB → 512 GiB). */
    public CapacityPlanner roundToPowerOfTwo(boolean round) {
        return new CapacityPlanner(profile, round, coresPerSocket, threadsPerCore, thinStorage);
    }

    /** Plans physical CPUs of {@code cores} cores each (at least 1). */
    public CapacityPlanner coresPerSocket(long cores) {
        VmShape.atLeastOne("cores per socket", cores);
        return new CapacityPlanner(profile, powerOfTwo, cores, threadsPerCore, thinStorage);
    }

    /** Threads per core of the planned CPUs (at least 1; 1 without hyper-threading, the default). */
    public CapacityPlanner threadsPerCore(long threads) {
        VmShape.atLeastOne("threads per core", threads);
        return new CapacityPlanner(profile, powerOfTwo, coresPerSocket, threads, thinStorage);
    }

    /** Plans thin-provisioned disks (the storage figure is then a ceiling, not an allocation). */
    public CapacityPlanner thinStorage(boolean thin) {
        return new CapacityPlanner(profile, powerOfTwo, coresPerSocket, threadsPerCore, thin);
    }

    /** True when this planner rounds to powers of two. */
    public boolean roundsToPowerOfTwo() {
        return powerOfTwo;
    }

    /** True when this planner plans thin-provisioned disks. */
    public boolean plansThinStorage() {
        return thinStorage;
    }

    /** As {@link #plan(List)}. */
    public CapacityPlan plan(VmShape... shapes) {
        return plan(Arrays.asList(shapes));
    }

    /**
     * The host these VMs need, with the arithmetic and the ceilings they break.
     *
     * @throws io.jvirt.VirtException {@code INVALID_ARG} for an empty list, or a sum too large
     *     to compute
     */
    public CapacityPlan plan(List<VmShape> shapes) {
        Objects.requireNonNull(shapes, "shapes");
        Totals t = Totals.of(shapes);
        PlanRows rows = new PlanRows(profile, t, powerOfTwo, coresPerSocket, threadsPerCore, thinStorage);
        return new CapacityPlan(profile, t.vms, t.vcpus, rows.rows(), Ceilings.check(profile, t, rows));
    }

    @Override
    public String toString() {
        return "CapacityPlanner[" + profile.name() + (powerOfTwo ? ", power of two" : "")
                + (coresPerSocket > 0 ? ", " + coresPerSocket + " cores × " + threadsPerCore + " threads" : "")
                + (thinStorage ? ", thin" : "") + "]";
    }
}
