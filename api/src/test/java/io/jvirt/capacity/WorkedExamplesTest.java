package io.jvirt.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.capacity.CapacityPlan.Breach;
import io.jvirt.capacity.CapacityPlan.Resource;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Issue 7's worked examples, with its exact results. */
class WorkedExamplesTest {
    private static final long MIB = 1L << 20;
    private static final long GIB = 1L << 30;

    @Test
    void twoHundredSmallVmsAtEightToOneRoundedToPowersOfTwo() {
        CapacityPlan plan = CapacityPlanner.of(HostProfile.GENERIC.withVcpusPerLogicalProcessor(8)
                        .withNicBitsPerSecond(1_000_000_000L).withVmsPerNic(10))
                .roundToPowerOfTwo(true)
                .plan(new VmShape(200, 1, 2 * GIB, 100 * GIB, 100_000_000L));

        var lp = plan.row(Resource.LOGICAL_PROCESSORS);
        assertEquals(OptionalLong.of(25), lp.required());
        assertEquals(OptionalLong.of(32), lp.result());
        assertEquals("200 × 1 vCPU = 200 vCPUs ÷ 8 per logical processor = 25 → 32 (power of two)", lp.formula());

        var memory = plan.row(Resource.MEMORY);
        assertEquals(OptionalLong.of(400 * GIB + 200 * 32 * MIB + 512 * MIB), memory.required());
        assertEquals("406.75 GiB", Quantities.formatSize(memory.required().getAsLong()));
        assertEquals(OptionalLong.of(512 * GIB), memory.result());
        assertEquals("512 GiB", memory.resultText());
        assertEquals("200 × 2 GiB + 200 × 32 MiB overhead + 512 MiB reserve = 406.75 GiB → 512 GiB (power of two)",
                memory.formula());

        var nics = plan.row(Resource.NICS);
        assertEquals(OptionalLong.of(20), nics.result());
        assertEquals("200 × 100 Mbps = 20 Gbps ÷ 1 Gbps per NIC = 20; 200 VMs ÷ 10 per NIC = 20", nics.formula());

        var storage = plan.row(Resource.STORAGE);
        assertEquals(OptionalLong.of(20_000 * GIB), storage.result());
        assertEquals("20000 GiB", storage.resultText());
        assertTrue(storage.formula().startsWith("200 × 100 GiB = 20000 GiB, fixed-size"), storage.formula());

        assertTrue(plan.withinProfile(), plan.breaches().toString());
    }

    @Test
    void sixteenDualVcpuVmsOnDualCoreCpus() {
        CapacityPlan plan = CapacityPlanner.of(HostProfile.GENERIC.withVcpusPerLogicalProcessor(8))
                .coresPerSocket(2)
                .plan(new VmShape(16, 2, 0, 0, 0));

        assertEquals(32, plan.vcpus());
        assertEquals(OptionalLong.of(4), plan.result(Resource.LOGICAL_PROCESSORS));
        assertEquals("16 × 2 vCPUs = 32 vCPUs ÷ 8 per logical processor = 4",
                plan.row(Resource.LOGICAL_PROCESSORS).formula());
        assertEquals(OptionalLong.of(2), plan.result(Resource.PHYSICAL_CPUS));
        assertEquals("4 logical processors ÷ 2 cores per CPU = 2", plan.row(Resource.PHYSICAL_CPUS).formula());
    }

    @Test
    void hyperV2008R2RefusesFourHundredRunningVirtualProcessors() {
        CapacityPlan plan = CapacityPlanner.of(HostProfile.named("hyperv-2008r2")).plan(new VmShape(200, 2, 0, 0, 0));

        assertFalse(plan.withinProfile());
        assertEquals(1, plan.breaches().size(), plan.breaches().toString());
        Breach b = plan.breaches().get(0);
        assertEquals("running vCPUs per host", b.limit());
        assertEquals(384, b.allowed());
        assertEquals(400, b.needed());
        assertEquals("the plan needs 400 running vCPUs, over hyperv-2008r2's limit of 384 running vCPUs per host",
                b.message());
        // Within its other ceilings: 400 ÷ 8 = 50 of 64 logical processors.
        assertEquals(OptionalLong.of(50), plan.result(Resource.LOGICAL_PROCESSORS));
    }
}
