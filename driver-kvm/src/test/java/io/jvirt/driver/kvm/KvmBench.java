package io.jvirt.driver.kvm;

import io.jvirt.Connection;
import io.jvirt.Domain;
import io.jvirt.Virt;
import io.jvirt.xml.DomainDef;
import io.jvirt.xml.LibvirtXml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark behind scripts/bench-kvm.sh, run with driver-kvm's test class path.
 *
 * <p>(a) Start to the guest's marker through the driver against the same guest launched by a bare
 * qemu-system-x86_64 with the argv the driver builds (less {@code -S}: nothing continues it), in
 * the same run, alternating, N pairs; medians and their ratio. (b) 16 test guests of 128 MiB
 * running at once: latency of {@code listAllDomains} and {@code info} (virsh's list --all and
 * dominfo) through the API, and of {@code ./jvirsh list --all} and {@code dominfo} as fresh
 * processes; p50 and p95; and what each costs typed into a jvirsh session.
 *
 * <p>Arguments: WORKDIR (short: QEMU's socket paths are bounded), the test guest's directory, the
 * jvirsh launcher, N, the number of guests, API calls per measurement, jvirsh runs per command.
 */
public final class KvmBench {
    private static final long BOOT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(180);
    /** How long each driver start() took: launch, monitor, cont. */
    private static final List<Double> IN_START = new ArrayList<>();
    /** CPU time QEMU had used when the marker appeared: the work of a boot, whatever the load. */
    private static final List<Double> CPU_DRIVER = new ArrayList<>();
    private static final List<Double> CPU_BARE = new ArrayList<>();

    private KvmBench() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        Path guestDir = Path.of(args[1]);
        Path jvirsh = Path.of(args[2]);
        int pairs = Integer.parseInt(args[3]);
        int guests = Integer.parseInt(args[4]);
        int apiCalls = Integer.parseInt(args[5]);
        int jvirshRuns = Integer.parseInt(args[6]);
        TestGuest guest = new TestGuest(guestDir.resolve("vmlinuz"), guestDir.resolve("initrd.img"));
        Files.createDirectories(work);
        // The machine is shared: its load is part of every figure below.
        System.out.println("load average at start: " + Files.readString(Path.of("/proc/loadavg")).strip());
        try {
            startToMarker(work.resolve("a"), guest, pairs);
            manyGuests(work.resolve("b"), guest, guests, apiCalls, jvirsh, jvirshRuns);
        } finally {
            QemuEmbedDriverIT.killOurQemus();
        }
        System.out.println("load average at end: " + Files.readString(Path.of("/proc/loadavg")).strip());
    }

    // ---- (a) ----

    private static void startToMarker(Path root, TestGuest guest, int pairs) throws Exception {
        Path driverLog = root.resolve("driver.serial.log");
        Path bareLog = root.resolve("bare.serial.log");
        List<Double> viaDriver = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        try (Connection conn = Virt.open("qemu:///embed?root=" + root)) {
            Domain d = conn.defineDomain(guest.domainXml("bench", driverLog));
            List<String> argv = bareArgv(d, root, bareLog);
            System.out.println("bare argv:   " + String.join(" ", argv));
            for (int i = 0; i < pairs; i++) {
                // Alternating, and in ABBA order, so drift in the machine's load and whatever the
                // first of a pair leaves behind hit both sides alike.
                if (i % 2 == 0) {
                    viaDriver.add(viaDriver(d, driverLog));
                    bare.add(bare(argv, bareLog));
                } else {
                    bare.add(bare(argv, bareLog));
                    viaDriver.add(viaDriver(d, driverLog));
                }
            }
            d.undefine();
        }
        Files.readAllLines(root.resolve("run/qemu/bench.log")).stream().filter(l -> l.contains("starting up: "))
                .findFirst().ifPresent(l -> System.out.println("driver argv: " + l.substring(l.indexOf("starting up: ") + 13)));
        double md = percentile(viaDriver, 50);
        double mb = percentile(bare, 50);
        System.out.printf("(a) start -> %s, N=%d pairs, ABBA: driver median %.3f s, bare QEMU median %.3f s,"
                + " driver/bare %.3f (overhead %+.1f %%)%n", TestGuest.READY, pairs, md, mb, md / mb, (md / mb - 1) * 100);
        System.out.printf("    of which in Domain.start() (launch -S, monitor, cont): median %.3f s%n",
                percentile(IN_START, 50));
        System.out.printf("    QEMU's CPU time to the marker: driver median %.2f s, bare median %.2f s, driver/bare %.3f%n",
                percentile(CPU_DRIVER, 50), percentile(CPU_BARE, 50),
                percentile(CPU_DRIVER, 50) / percentile(CPU_BARE, 50));
        System.out.println("    driver runs " + format(viaDriver));
        System.out.println("    bare runs   " + format(bare));
    }

    /** Seconds from {@code start} to the marker; then destroys the guest. */
    private static double viaDriver(Domain d, Path serialLog) throws Exception {
        Files.deleteIfExists(serialLog); // no earlier boot's marker, whatever QEMU does with the file
        long t0 = System.nanoTime();
        d.start();
        IN_START.add(seconds(System.nanoTime() - t0));
        awaitMarker(serialLog, t0);
        double s = seconds(System.nanoTime() - t0);
        long pid = ProcessHandle.current().children()
                .filter(p -> p.info().command().orElse("").contains("qemu-system")).findFirst().orElseThrow().pid();
        CPU_DRIVER.add(cpuSeconds(pid));
        d.destroy();
        return s;
    }

    /** Seconds from launching {@code argv} to the marker; then kills it. */
    private static double bare(List<String> argv, Path serialLog) throws Exception {
        Files.deleteIfExists(serialLog);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        awaitMarker(serialLog, t0);
        double s = seconds(System.nanoTime() - t0);
        CPU_BARE.add(cpuSeconds(p.pid()));
        p.destroyForcibly();
        p.waitFor();
        return s;
    }

    /** The driver's own argv for {@code d}, without -S, with its own monitor socket and serial log. */
    private static List<String> bareArgv(Domain d, Path root, Path serialLog) {
        DomainDef def = LibvirtXml.parseDomain(d.xml().replace(root.resolve("driver.serial.log").toString(),
                serialLog.toString()));
        QemuCapabilities caps = QemuProber.probe(InstalledQemu.BINARY, root);
        List<String> argv = new ArrayList<>(QemuCommandLine.build(def, caps, root.resolve("bare.sock")));
        argv.remove("-S");
        return argv;
    }

    /** utime + stime of process {@code pid}. */
    private static double cpuSeconds(long pid) throws IOException {
        ProcStat stat = ProcStat.of(pid).orElseThrow(() -> new IOException("no process " + pid));
        return stat.cpuNs() / 1e9;
    }

    private static void awaitMarker(Path serialLog, long t0) throws Exception {
        while (true) {
            if (Files.exists(serialLog)
                    && Files.readString(serialLog, StandardCharsets.ISO_8859_1).contains(TestGuest.READY)) {
                return;
            }
            if (System.nanoTime() - t0 > BOOT_TIMEOUT_NANOS) {
                throw new IllegalStateException("no marker in " + serialLog + ":\n"
                        + (Files.exists(serialLog) ? Files.readString(serialLog, StandardCharsets.ISO_8859_1) : "(none)"));
            }
            Thread.sleep(2);
        }
    }

    // ---- (b) ----

    /** Commands added to a jvirsh session to measure one typed command (see {@link #inSession}). */
    private static final int SESSION_COMMANDS = 200;

    private static void manyGuests(Path root, TestGuest guest, int count, int apiCalls, Path jvirsh,
            int jvirshRuns) throws Exception {
        String uri = "qemu:///embed?root=" + root;
        try (Connection conn = Virt.open(uri)) {
            List<Domain> domains = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < count; i++) {
                // One boot at a time: booting guests compete for the CPUs, booted ones idle.
                Domain d = conn.defineDomain(guest.domainXml("g" + i, root.resolve("g" + i + ".serial.log")));
                d.start();
                domains.add(d);
                awaitMarker(root.resolve("g" + i + ".serial.log"), System.nanoTime());
            }
            System.out.printf("(b) %d guests of %d MiB started and at their marker after %.1f s%n", count,
                    TestGuest.MEMORY_MIB, seconds(System.nanoTime() - t0));

            List<Double> list = new ArrayList<>();
            List<Double> info = new ArrayList<>();
            for (int i = 0; i < apiCalls; i++) {
                long s = System.nanoTime();
                List<Domain> all = conn.listAllDomains();
                for (Domain d : all) {
                    d.state(); // list --all prints each domain's state
                }
                list.add(millis(System.nanoTime() - s));
                Domain d = domains.get(i % count);
                s = System.nanoTime();
                d.info();
                d.uuid();
                d.isPersistent();
                d.autostart();
                info.add(millis(System.nanoTime() - s));
            }
            report("API listAllDomains + state of each (list --all), " + apiCalls + " calls", list);
            report("API info (dominfo), " + apiCalls + " calls", info);
        }
        // The API connection is closed: a QEMU monitor takes one client, so jvirsh may now connect.
        // Baseline, alternating in the same run: the same commands on a root whose one domain,
        // g0, is shut off: what a fresh process costs without guests to reconnect to.
        String empty = "qemu:///embed?root=" + Files.createDirectories(root.resolveSibling("idle"));
        try (Connection idle = Virt.open(empty)) {
            idle.defineDomain(guest.domainXml("g0", root.resolveSibling("idle").resolve("g0.serial.log")));
        }
        List<List<Double>> lists = alternate(jvirshRuns, List.of(jvirsh.toString(), "-c", uri, "list", "--all"),
                List.of(jvirsh.toString(), "-c", empty, "list", "--all"));
        report("./jvirsh list --all, fresh process, " + jvirshRuns + " runs", lists.get(0));
        report("  baseline: the same, one guest shut off", lists.get(1));
        ratio("list --all", lists);
        List<List<Double>> infos = alternate(jvirshRuns, List.of(jvirsh.toString(), "-c", uri, "dominfo", "g0"),
                List.of(jvirsh.toString(), "-c", empty, "dominfo", "g0"));
        report("./jvirsh dominfo g0, fresh process, " + jvirshRuns + " runs", infos.get(0));
        report("  baseline: the same, g0 shut off", infos.get(1));
        ratio("dominfo", infos);
        inSession(jvirsh, uri, "list --all", jvirshRuns);
        inSession(jvirsh, uri, "dominfo g0", jvirshRuns);
        Process check = new ProcessBuilder(jvirsh.toString(), "-c", uri, "list", "--all").redirectErrorStream(true).start();
        String listed = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        check.waitFor();
        long running = listed.lines().filter(l -> l.endsWith("running")).count();
        System.out.println("    ./jvirsh list --all shows " + running + " running guests");
        if (running != count) {
            throw new IllegalStateException("expected " + count + " running guests:\n" + listed);
        }
        killQemusUnder(root);
    }

    /**
     * What one command costs typed into a running jvirsh (commands on stdin): a session of
     * {@link #SESSION_COMMANDS} + 1 commands against one of a single command, alternating,
     * {@code runs} each; the difference of their medians per added command.
     */
    private static void inSession(Path jvirsh, String uri, String command, int runs) throws IOException, InterruptedException {
        List<Double> one = new ArrayList<>();
        List<Double> many = new ArrayList<>();
        String script = (command + "\n").repeat(SESSION_COMMANDS + 1);
        for (int i = 0; i < runs; i++) {
            one.add(session(jvirsh, uri, command + "\n"));
            many.add(session(jvirsh, uri, script));
        }
        System.out.printf("    ./jvirsh session, '%s' typed: %.2f ms per command (%d-command session %.0f ms,"
                + " 1-command %.0f ms, medians of %d)%n", command,
                (percentile(many, 50) - percentile(one, 50)) / SESSION_COMMANDS, SESSION_COMMANDS + 1,
                percentile(many, 50), percentile(one, 50), runs);
    }

    private static double session(Path jvirsh, String uri, String stdin) throws IOException, InterruptedException {
        long s = System.nanoTime();
        Process p = new ProcessBuilder(jvirsh.toString(), "-c", uri).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (var in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException("jvirsh session of '" + stdin.lines().findFirst().orElse("") + "' failed");
        }
        return millis(System.nanoTime() - s);
    }

    /** Wall times in ms of each command, run {@code runs} times each, alternating. */
    @SafeVarargs
    private static List<List<Double>> alternate(int runs, List<String>... commands)
            throws IOException, InterruptedException {
        List<List<Double>> ms = new ArrayList<>();
        for (List<String> ignored : commands) {
            ms.add(new ArrayList<>());
        }
        for (int i = 0; i < runs; i++) {
            for (int c = 0; c < commands.length; c++) {
                long s = System.nanoTime();
                Process p = new ProcessBuilder(commands[c]).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (p.waitFor() != 0) {
                    throw new IllegalStateException(String.join(" ", commands[c]) + " failed");
                }
                ms.get(c).add(millis(System.nanoTime() - s));
            }
        }
        return ms;
    }

    private static void ratio(String what, List<List<Double>> ms) {
        System.out.printf("    %s: median with the guests running / baseline %.2f%n", what,
                percentile(ms.get(0), 50) / percentile(ms.get(1), 50));
    }

    /** QEMUs that jvirsh started are not our descendants once it exited: found by their root. */
    private static void killQemusUnder(Path root) {
        ProcessHandle.allProcesses()
                .filter(p -> p.info().command().orElse("").contains("qemu-system")
                        && String.join(" ", p.info().arguments().orElse(new String[0])).contains(root.toString()))
                .forEach(p -> {
                    p.destroyForcibly();
                    p.onExit().join();
                });
    }

    // ---- figures ----

    private static void report(String what, List<Double> ms) {
        System.out.printf("    %-60s p50 %7.2f ms   p95 %7.2f ms%n", what, percentile(ms, 50), percentile(ms, 95));
    }

    /** Nearest-rank percentile. */
    static double percentile(List<Double> values, int p) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int rank = (int) Math.ceil(p / 100.0 * v.length);
        return v[Math.max(0, rank - 1)];
    }

    private static String format(List<Double> seconds) {
        return Arrays.toString(seconds.stream().map(s -> String.format("%.3f", s)).toArray());
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
