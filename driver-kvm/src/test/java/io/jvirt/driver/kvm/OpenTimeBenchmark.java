package io.jvirt.driver.kvm;

import io.jvirt.Connection;
import io.jvirt.Virt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Connection open plus the first call that needs QEMU's capabilities (hypervisorVersion), with
 * the capabilities cache cold (no file: QEMU is probed) and warm (the file is read), alternated
 * in one run so both see the same machine load. Run by scripts/bench-qemu-open.sh.
 */
public final class OpenTimeBenchmark {
    private OpenTimeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path root = Files.createTempDirectory("jvirt-open-bench");
        String uri = "qemu:///embed?root=" + root;
        Path cache = QemuPaths.embed(root).cacheDir();
        List<Long> cold = new ArrayList<>();
        List<Long> warm = new ArrayList<>();
        try {
            for (int i = -1; i < rounds; i++) { // round -1 warms the JVM up and is not counted
                deleteTree(cache);
                QemuCapsCache.forgetInMemory();
                long c = time(uri);
                QemuCapsCache.forgetInMemory();
                long w = time(uri);
                if (i >= 0) {
                    cold.add(c);
                    warm.add(w);
                }
            }
        } finally {
            deleteTree(root);
        }
        double coldMs = median(cold) / 1e6;
        double warmMs = median(warm) / 1e6;
        System.out.printf("open + hypervisorVersion, median of %d: cold cache %.1f ms, warm cache %.1f ms,"
                + " cold/warm = %.1fx%n", rounds, coldMs, warmMs, coldMs / warmMs);
    }

    private static long time(String uri) {
        long t0 = System.nanoTime();
        try (Connection c = Virt.open(uri)) {
            c.hypervisorVersion();
        }
        return System.nanoTime() - t0;
    }

    private static double median(List<Long> xs) {
        List<Long> s = new ArrayList<>(xs);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2.0;
    }

    private static void deleteTree(Path p) throws IOException {
        if (Files.exists(p)) {
            try (var walk = Files.walk(p)) {
                for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
    }
}
