package io.jvirt.driver.test.bench;

import io.jvirt.Connection;
import io.jvirt.Domain;
import io.jvirt.Virt;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/** Issue 3's figure: the latency of listAllDomains() on a host with 10,000 domains defined. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ListAllDomainsBenchmark {
    private Connection conn;

    @Setup(Level.Trial)
    public void define() {
        conn = Virt.open("test:///default?instance=list-bench");
        for (int i = 0; i < 10_000; i++) {
            conn.defineDomain("<domain type='test'><name>d" + i + "</name><memory>65536</memory>"
                    + "<os><type>hvm</type></os></domain>");
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        conn.close();
    }

    @Benchmark
    public List<Domain> listAll() {
        return conn.listAllDomains();
    }
}
