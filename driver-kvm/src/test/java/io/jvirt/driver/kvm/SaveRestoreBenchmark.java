package io.jvirt.driver.kvm;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.jvirt.Connection;
import io.jvirt.Domain;
import io.jvirt.Virt;
import io.jvirt.driver.kvm.qmp.QmpClient;
import io.jvirt.xml.DomainDef;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Save and restore of a 256 MiB guest through the driver, against the same QEMU argv saved and
 * restored by hand in the same run (QMP {@code migrate "exec:cat > FILE"}, {@code -incoming
 * "exec:cat FILE"}: QEMU's own cost, no driver). Prints the median seconds of each and the ratio.
 *
 * <p>Usage: {@code SaveRestoreBenchmark [rounds] [kernel initrd]}. Without a kernel the guest idles
 * in SeaBIOS (its memory is mostly zero pages, which QEMU sends as flags); with the test guest's
 * kernel and initrd (scripts/test-guest) it is a booted Linux, waited for until it prints
 * JVIRT-GUEST-READY on its serial port.
 */
public final class SaveRestoreBenchmark {
    private static final String READY = "JVIRT-GUEST-READY";

    private SaveRestoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path kernel = args.length > 2 ? Path.of(args[1]) : null;
        Path initrd = args.length > 2 ? Path.of(args[2]) : null;
        Path work = Files.createTempDirectory("jvirt-save-bench");
        double[] save = new double[rounds];
        double[] restore = new double[rounds];
        double[] bareSave = new double[rounds];
        double[] bareRestore = new double[rounds];
        long imageBytes = 0;
        long bareBytes = 0;
        try {
            for (int i = 0; i < rounds; i++) {
                // Alternate, so that neither side always runs on a warmer machine.
                Path serial = work.resolve("serial-" + i);
                Path file = work.resolve("driver-" + i + ".save");
                try (Connection conn = Virt.open("qemu:///embed?root=" + work.resolve("root"))) {
                    Domain d = conn.createDomain(xml("bench" + i, kernel, initrd, serial));
                    awaitGuest(serial, kernel != null);
                    long t0 = System.nanoTime();
                    d.save(file);
                    long t1 = System.nanoTime();
                    conn.restoreDomain(file);
                    long t2 = System.nanoTime();
                    save[i] = (t1 - t0) / 1e9;
                    restore[i] = (t2 - t1) / 1e9;
                    imageBytes = Files.size(file);
                    conn.lookupDomainByName("bench" + i).destroy();
                }
                Files.delete(file);
                double[] bare = bare(work, i, kernel, initrd);
                bareSave[i] = bare[0];
                bareRestore[i] = bare[1];
                bareBytes = (long) bare[2];
            }
        } finally {
            QemuEmbedDriverIT.killOurQemus();
            try (var s = Files.walk(work)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        String guest = kernel == null ? "256 MiB guest idling in SeaBIOS" : "256 MiB Linux test guest";
        System.out.printf("%s, %d rounds, medians (image %.1f MB through the driver, %.1f MB by hand)%n",
                guest, rounds, imageBytes / 1e6, bareBytes / 1e6);
        System.out.printf("save:    driver %.3f s, bare QEMU %.3f s, ratio %.2f%n",
                median(save), median(bareSave), median(save) / median(bareSave));
        System.out.printf("restore: driver %.3f s, bare QEMU %.3f s, ratio %.2f%n",
                median(restore), median(bareRestore), median(restore) / median(bareRestore));
    }

    private static String xml(String name, Path kernel, Path initrd, Path serial) {
        String os = kernel == null ? "" : "<kernel>" + kernel + "</kernel><initrd>" + initrd
                + "</initrd><cmdline>console=ttyS0</cmdline>";
        return "<domain type='qemu'><name>" + name + "</name><memory unit='MiB'>256</memory><vcpu>1</vcpu>"
                + "<os><type machine='pc'>hvm</type>" + os + "</os><features><acpi/></features>"
                + "<devices><serial type='file'><source path='" + serial + "'/><target port='0'/></serial>"
                + "</devices></domain>";
    }

    private static void awaitGuest(Path serial, boolean linux) throws Exception {
        if (!linux) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(serial) || !Files.readString(serial, StandardCharsets.ISO_8859_1).contains(READY)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the guest did not print " + READY);
            }
            Thread.sleep(50);
        }
    }

    /** The same guest by hand: {seconds to save, seconds to restore, image bytes}. */
    private static double[] bare(Path work, int round, Path kernel, Path initrd) throws Exception {
        Path serial = work.resolve("bare-serial-" + round);
        Path monitor = work.resolve("bare.sock");
        Path file = work.resolve("bare-" + round + ".save");
        QemuHost host = QemuHost.acquire(QemuPaths.embed(work.resolve("root")));
        List<String> argv;
        try {
            DomainDef def = host.prepare(xml("bare" + round, kernel, initrd, serial));
            argv = new ArrayList<>(QemuCommandLine.build(def, host.caps(), monitor));
        } finally {
            QemuHost.release(host);
        }
        int sandbox = argv.indexOf("-sandbox");
        if (sandbox >= 0) { // exec: needs to spawn cat, which the sandbox forbids
            argv.subList(sandbox, sandbox + 2).clear();
        }
        Process qemu = QemuProcess.start(argv, work.resolve("bare.log"));
        double saveSeconds;
        try (QmpClient qmp = QemuProcess.connectMonitor(qemu, monitor, work.resolve("bare.log"), null,
                Duration.ofSeconds(30))) {
            qmp.execute("cont");
            awaitGuest(serial, kernel != null);
            long t0 = System.nanoTime();
            qmp.execute("stop");
            qmp.execute("migrate-set-parameters", JsonNodeFactory.instance.objectNode().put("max-bandwidth", 1L << 40));
            qmp.execute("migrate", JsonNodeFactory.instance.objectNode().put("uri", "exec:cat > " + file));
            awaitMigration(qmp);
            qemu.destroy();
            qemu.waitFor();
            saveSeconds = (System.nanoTime() - t0) / 1e9;
        }
        long bytes = Files.size(file);
        List<String> in = new ArrayList<>(argv);
        in.addAll(Arrays.asList("-incoming", "exec:cat " + file));
        long t1 = System.nanoTime();
        Process back = QemuProcess.start(in, work.resolve("bare.log"));
        try (QmpClient qmp = QemuProcess.connectMonitor(back, monitor, work.resolve("bare.log"), null,
                Duration.ofSeconds(30))) {
            awaitMigration(qmp);
            qmp.execute("cont");
            double restoreSeconds = (System.nanoTime() - t1) / 1e9;
            back.destroy();
            back.waitFor();
            Files.delete(file);
            return new double[] {saveSeconds, restoreSeconds, bytes};
        }
    }

    private static void awaitMigration(QmpClient qmp) throws InterruptedException {
        while (true) {
            String status = qmp.execute("query-migrate").path("status").asText("none");
            if (status.equals("completed")) {
                return;
            }
            if (status.equals("failed") || status.equals("cancelled")) {
                throw new IllegalStateException("migration " + status);
            }
            Thread.sleep(1); // as short as the driver's first poll
        }
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
