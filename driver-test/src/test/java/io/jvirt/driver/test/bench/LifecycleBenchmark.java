package io.jvirt.driver.test.bench;

import io.jvirt.Connection;
import io.jvirt.Domain;
import io.jvirt.Virt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 3's figure: define → start → suspend → resume → destroy → undefine cycles per second
 * through the public API on {@code test:///default}, from 1 and 8 threads. Each thread cycles
 * its own domain name; all share the one default host, as libvirt's test driver does.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// Eight threads on two cores leave the JIT little room: warm up long enough for it to finish.
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class LifecycleBenchmark {
    private static final AtomicInteger THREADS = new AtomicInteger();

    @State(Scope.Benchmark)
    public static class Host {
        Connection conn;

        @Setup(Level.Trial)
        public void open() {
            conn = Virt.open("test:///default");
        }

        @TearDown(Level.Trial)
        public void close() {
            conn.close();
        }
    }

    @State(Scope.Thread)
    public static class Guest {
        String xml;

        @Setup(Level.Trial)
        public void build() {
            xml = """
                    <domain type='test'>
                      <name>bench-%d</name>
                      <memory unit='MiB'>512</memory>
                      <currentMemory unit='MiB'>256</currentMemory>
                      <vcpu>1</vcpu>
                      <os><type arch='i686'>hvm</type><boot dev='hd'/></os>
                      <devices>
                        <disk type='file' device='disk'>
                          <source file='/guest/demo.img'/>
                          <target dev='vda' bus='virtio'/>
                        </disk>
                        <interface type='network'>
                          <mac address='52:54:00:12:34:56'/>
                          <source network='default'/>
                        </interface>
                      </devices>
                    </domain>""".formatted(THREADS.incrementAndGet());
        }
    }

    @Benchmark
    @Threads(1)
    public void cycle1Thread(Host host, Guest guest) {
        cycle(host, guest);
    }

    @Benchmark
    @Threads(8)
    public void cycle8Threads(Host host, Guest guest) {
        cycle(host, guest);
    }

    private static void cycle(Host host, Guest guest) {
        Domain d = host.conn.defineDomain(guest.xml);
        d.start();
        d.suspend();
        d.resume();
        d.destroy();
        d.undefine();
    }
}
