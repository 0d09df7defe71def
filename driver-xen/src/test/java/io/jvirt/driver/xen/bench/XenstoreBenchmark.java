package io.jvirt.driver.xen.bench;

import io.jvirt.driver.xen.xenstore.XenstoreDaemon;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Issue 6's figures: xenstore reads, writes, transactions of five writes (operations per
 * second) and watch latency (a write until its event arrives, µs) over our daemon's unix
 * socket, and the same on the in-process map floor, in one run. Threads come from JMH's
 * {@code -t} (scripts/bench-xenstore.sh runs 1 and 8); each thread is its own client with its
 * own subtree, all on one daemon.
 */
@Fork(1)
public class XenstoreBenchmark {
    private static final byte[] VALUE = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @State(Scope.Benchmark)
    public static class Host {
        @Param({"socket", "map"})
        public String backend;

        Path dir;
        XenstoreDaemon daemon;
        MapStore map;
        final AtomicInteger clients = new AtomicInteger();

        @Setup(Level.Trial)
        public void start() throws IOException {
            if (backend.equals("socket")) {
                dir = Files.createTempDirectory("xs-bench");
                daemon = XenstoreDaemon.builder().socket(dir.resolve("socket")).build().start();
            } else {
                map = new MapStore();
            }
        }

        BenchStore client() {
            return daemon != null ? new SocketStore(daemon.socket()) : map;
        }

        @TearDown(Level.Trial)
        public void stop() throws IOException {
            if (daemon != null) {
                daemon.close();
                Files.deleteIfExists(dir);
            }
        }
    }

    @State(Scope.Thread)
    public static class Client {
        BenchStore store;
        String node;
        String[] five;
        String watched;
        final Semaphore events = new Semaphore(0);

        @Setup(Level.Trial)
        public void connect(Host host) {
            store = host.client();
            String base = "/bench/client" + host.clients.incrementAndGet();
            node = base + "/value";
            store.write(node, VALUE);
            five = new String[5];
            for (int i = 0; i < five.length; i++) {
                five[i] = base + "/tx/" + i;
            }
            watched = base + "/watched";
            store.write(watched, VALUE);
            store.watch(watched, events::release);
            // xenstored fires a new watch once at once; the floor does not.
            if (host.daemon != null) {
                events.acquireUninterruptibly();
            }
        }

        @TearDown(Level.Trial)
        public void close(Host host) {
            if (host.daemon != null) {
                store.close();
            }
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public byte[] read(Client c) {
        return c.store.read(c.node);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void write(Client c) {
        c.store.write(c.node, VALUE);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void transactionOfFiveWrites(Client c) {
        c.store.writeFive(c.five, VALUE);
    }

    /** A write to the watched node, until its watch event has reached the client's listener. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void watchFireLatency(Client c) {
        c.store.write(c.watched, VALUE);
        c.events.acquireUninterruptibly();
    }
}
