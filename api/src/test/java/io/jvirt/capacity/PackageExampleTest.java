package io.jvirt.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The example of io.jvirt.capacity's package comment, run, so that it cannot rot. */
class PackageExampleTest {

    @Test
    void theSizingExamplePrintsWhatTheCommentSays() {
        CapacityPlan plan = CapacityPlanner.of(HostProfile.XEN_4_17.withVcpusPerLogicalProcessor(8))
                .roundToPowerOfTwo(true)
                .coresPerSocket(16)
                .plan(new VmShape(200, 1, 2L << 30, 100L << 30, 100_000_000L));
        List<String> lines = plan.rows().stream()
                .map(row -> row.resource().label() + ": " + row.formula() + " => " + row.resultText()).toList();
        assertEquals(List.of(
                "logical processors: 200 × 1 vCPU = 200 vCPUs ÷ 8 per logical processor = 25 → 32 (power of two) => 32",
                "physical CPUs: 32 logical processors ÷ 16 cores per CPU = 2 => 2",
                "memory: 200 × 2 GiB + 200 × 32 MiB overhead + 512 MiB reserve = 406.75 GiB → 512 GiB (power of two)"
                        + " => 512 GiB",
                "NICs: 200 × 100 Mbps = 20 Gbps ÷ 1 Gbps per NIC = 20 => 20",
                "storage: 200 × 100 GiB = 20000 GiB, fixed-size: allocated when the disks are created => 20000 GiB"),
                lines);
        assertEquals(List.of(), plan.breaches());
    }
}
