package io.jvirt.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.ErrorCode;
import io.jvirt.VirtException;
import io.jvirt.capacity.CapacityPlan.Breach;
import io.jvirt.capacity.CapacityPlan.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PlannerRulesTest {
    private static final long MIB = 1L << 20;
    private static final long GIB = 1L << 30;
    private static final CapacityPlanner GENERIC = CapacityPlanner.of(HostProfile.GENERIC);

    @Test
    void resourcesNoShapeGivesAreNotPlannedRatherThanZero() {
        CapacityPlan plan = GENERIC.plan(new VmShape(3, 1, 0, 0, 0));
        for (Resource r : List.of(Resource.PHYSICAL_CPUS, Resource.MEMORY, Resource.NICS, Resource.STORAGE)) {
            assertEquals(OptionalLong.empty(), plan.result(r), r.name());
            assertEquals("-", plan.row(r).resultText(), r.name());
        }
        assertEquals("no memory given", plan.row(Resource.MEMORY).formula());
        assertEquals("cores per socket not given", plan.row(Resource.PHYSICAL_CPUS).formula());
        assertEquals(OptionalLong.of(3), plan.result(Resource.LOGICAL_PROCESSORS));
    }

    @Test
    void roundingLeavesPowersOfTwoAloneAndRoundsUpTheRest() {
        CapacityPlanner pow2 = GENERIC.roundToPowerOfTwo(true);
        assertEquals(OptionalLong.of(1), pow2.plan(new VmShape(1, 1, 0, 0, 0)).result(Resource.LOGICAL_PROCESSORS));
        assertEquals(OptionalLong.of(64), pow2.plan(new VmShape(64, 1, 0, 0, 0)).result(Resource.LOGICAL_PROCESSORS));
        assertEquals(OptionalLong.of(128), pow2.plan(new VmShape(65, 1, 0, 0, 0)).result(Resource.LOGICAL_PROCESSORS));
        CapacityPlan exact = pow2.plan(new VmShape(1, 1, 1536 * MIB - 32 * MIB, 0, 0));
        assertEquals(OptionalLong.of(2 * GIB), exact.result(Resource.MEMORY));
        assertEquals("1 × 1504 MiB + 1 × 32 MiB overhead + 512 MiB reserve = 2 GiB", exact.row(Resource.MEMORY).formula());
    }

    @Test
    void ratioDividesAndRoundsUp() {
        CapacityPlan plan = CapacityPlanner.of(HostProfile.GENERIC.withVcpusPerLogicalProcessor(3))
                .plan(new VmShape(10, 1, 0, 0, 0));
        assertEquals(OptionalLong.of(4), plan.result(Resource.LOGICAL_PROCESSORS));
    }

    @Test
    void physicalCpusCountThreadsPerCore() {
        CapacityPlan plan = GENERIC.coresPerSocket(8).threadsPerCore(2).plan(new VmShape(33, 1, 0, 0, 0));
        assertEquals(OptionalLong.of(3), plan.result(Resource.PHYSICAL_CPUS));
        assertEquals("33 logical processors ÷ (8 cores × 2 threads) per CPU = 3",
                plan.row(Resource.PHYSICAL_CPUS).formula());
    }

    @Test
    void severalShapesAreSummedTermByTerm() {
        CapacityPlan plan = GENERIC.plan(new VmShape(10, 2, 4 * GIB, 0, 0), new VmShape(5, 4, 0, 0, 0));
        assertEquals("10 × 2 vCPUs + 5 × 4 vCPUs = 40 vCPUs ÷ 1 per logical processor = 40",
                plan.row(Resource.LOGICAL_PROCESSORS).formula());
        assertEquals("10 × 4 GiB + 15 × 32 MiB overhead + 512 MiB reserve = 41952 MiB (5 VMs without memory not counted)",
                plan.row(Resource.MEMORY).formula());
    }

    @Test
    void manyShapesShowTheirSum() {
        List<VmShape> shapes = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            shapes.add(new VmShape(1, 2, GIB, 10 * GIB, 0));
        }
        CapacityPlan plan = GENERIC.plan(shapes);
        assertEquals("2000 vCPUs (Σ of 1000 shapes) ÷ 1 per logical processor = 2000",
                plan.row(Resource.LOGICAL_PROCESSORS).formula());
        assertEquals("10000 GiB (Σ of 1000 shapes), fixed-size: allocated when the disks are created",
                plan.row(Resource.STORAGE).formula());
        assertEquals(OptionalLong.of(1000 * GIB + 1000 * 32 * MIB + 512 * MIB), plan.result(Resource.MEMORY));
    }

    @Test
    void thinStorageIsNoted() {
        CapacityPlan plan = GENERIC.thinStorage(true).plan(new VmShape(2, 1, 0, 50 * GIB, 0));
        assertEquals("2 × 50 GiB = 100 GiB, thin: the most the disks can grow to; they start small",
                plan.row(Resource.STORAGE).formula());
    }

    @Test
    void nicsTakeTheLargerOfBandwidthAndVmsPerNic() {
        HostProfile p = HostProfile.GENERIC.withNicBitsPerSecond(10_000_000_000L).withVmsPerNic(8);
        CapacityPlan plan = CapacityPlanner.of(p).plan(new VmShape(20, 1, 0, 0, 1_000_000_000L));
        assertEquals(OptionalLong.of(3), plan.result(Resource.NICS));
        assertEquals("20 × 1 Gbps = 20 Gbps ÷ 10 Gbps per NIC = 2; 20 VMs ÷ 8 per NIC = 3",
                plan.row(Resource.NICS).formula());
    }

    @Test
    void shapesNoHostOfTheProfileCouldHoldAreBreaches() {
        CapacityPlan plan = CapacityPlanner.of(HostProfile.XEN_4_17)
                .plan(new VmShape(1, 200, 16L << 40, 0, 0));
        List<String> limits = plan.breaches().stream().map(Breach::limit).toList();
        assertEquals(List.of("memory per host", "vCPUs per VM", "memory per VM"), limits);
        assertEquals("no xen-4.17 host can hold a VM of 200 vCPUs: the limit is 128 vCPUs per VM",
                plan.breaches().get(1).message());
        assertEquals("no xen-4.17 host can hold a VM of 16 TiB: the limit is 8 TiB per VM",
                plan.breaches().get(2).message());
    }

    @Test
    void hostCeilingsAndTheRatioCeiling() {
        CapacityPlan plan = CapacityPlanner.of(HostProfile.HYPERV_2008R2.withVcpusPerLogicalProcessor(12))
                .plan(new VmShape(400, 4, 4 * GIB, 0, 0));
        List<String> limits = plan.breaches().stream().map(Breach::limit).toList();
        assertEquals(List.of("vCPUs per logical processor", "logical processors per host", "running vCPUs per host",
                "running VMs per host", "memory per host"), limits);
        assertEquals("a ratio of 12 vCPUs per logical processor exceeds hyperv-2008r2's limit of 8",
                plan.breaches().get(0).message());
        assertEquals("the plan needs 134 logical processors, over hyperv-2008r2's limit of 64 logical processors per host",
                plan.breaches().get(1).message());
    }

    @Test
    void aVmFasterThanOneNicIsABreach() {
        CapacityPlan plan = GENERIC.plan(new VmShape(1, 1, 0, 0, 10_000_000_000L));
        assertEquals("no NIC of 1 Gbps can carry a VM of 10 Gbps", plan.breaches().get(0).message());
    }

    @Test
    void kvmProfileCeilings() {
        CapacityPlan plan = CapacityPlanner.of(HostProfile.KVM).plan(new VmShape(1, 300, 0, 0, 0));
        assertEquals(288, plan.breaches().get(0).allowed());
    }

    @Test
    void sumsTooLargeToComputeAreRefused() {
        VirtException e = assertThrows(VirtException.class,
                () -> GENERIC.plan(new VmShape(Long.MAX_VALUE / 2, 4, 0, 0, 0)));
        assertEquals(ErrorCode.INVALID_ARG, e.code());
        assertEquals("invalid argument: the plan's total vCPUs is too large to compute (over 2^63)", e.getMessage());
        assertThrows(VirtException.class, () -> GENERIC.roundToPowerOfTwo(true)
                .plan(new VmShape((1L << 62) + 1, 1, 0, 0, 0)));
    }

    @Test
    void aPlanNeedsShapes() {
        VirtException e = assertThrows(VirtException.class, () -> GENERIC.plan(List.of()));
        assertEquals("invalid argument: a plan needs at least one VM shape", e.getMessage());
    }

    @Test
    void badPlannerSettingsAreRefused() {
        assertEquals("invalid argument: cores per socket must be at least 1, got 0",
                assertThrows(VirtException.class, () -> GENERIC.coresPerSocket(0)).getMessage());
        assertThrows(VirtException.class, () -> GENERIC.threadsPerCore(-1));
    }

    @Test
    void toStringShowsRowsAndBreaches() {
        String text = CapacityPlanner.of(HostProfile.HYPERV_2008R2).plan(new VmShape(200, 2, 0, 0, 0)).toString();
        assertTrue(text.contains("logical processors: 200 × 2 vCPUs = 400 vCPUs ÷ 8 per logical processor = 50 => 50"), text);
        assertTrue(text.contains("breaks: the plan needs 400 running vCPUs"), text);
    }
}
