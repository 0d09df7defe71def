package io.jvirt.capacity.bench;

import io.jvirt.capacity.CapacityPlan;
import io.jvirt.capacity.CapacityPlanner;
import io.jvirt.capacity.HostProfile;
import io.jvirt.capacity.VmShape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 7's figure: planning 100,000 VM shapes (each a different size) must take under a
 * second. {@code plan} times the planner on shapes already built; {@code parseAndPlan} adds
 * reading them from the lines of a plan file, as {@code jvirsh plan --file} does.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class PlannerBenchmark {
    private static final int SHAPES = 100_000;

    private final CapacityPlanner planner = CapacityPlanner.of(HostProfile.XEN_4_17.withVcpusPerLogicalProcessor(4)
            .withVmsPerNic(10)).roundToPowerOfTwo(true).coresPerSocket(16);
    private List<VmShape> shapes;
    private List<String> lines;

    @Setup
    public void shapes() {
        SplittableRandom random = new SplittableRandom(7);
        shapes = new ArrayList<>(SHAPES);
        lines = new ArrayList<>(SHAPES);
        for (int i = 0; i < SHAPES; i++) {
            long count = 1 + random.nextInt(4);
            long vcpus = 1 + random.nextInt(16);
            long memoryMiB = 256L * (1 + random.nextInt(64));
            long diskGiB = 10L * (1 + random.nextInt(50));
            long mbps = 10L * (1 + random.nextInt(100));
            shapes.add(new VmShape(count, vcpus, memoryMiB << 20, diskGiB << 30, mbps * 1_000_000));
            lines.add(count + " " + vcpus + " " + memoryMiB + "M " + diskGiB + "G " + mbps + "M");
        }
    }

    @Benchmark
    public CapacityPlan plan() {
        return planner.plan(shapes);
    }

    @Benchmark
    public CapacityPlan parseAndPlan() {
        List<VmShape> parsed = new ArrayList<>(lines.size());
        for (String line : lines) {
            parsed.add(VmShape.parse(line));
        }
        return planner.plan(parsed);
    }
}
