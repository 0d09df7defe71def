package io.jvirt.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.jvirt.ConnectUri;
import io.jvirt.Connection;
import io.jvirt.ListStoragePoolsFlag;
import io.jvirt.NodeInfo;
import io.jvirt.VirtException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code jvirsh plan}: issue 7's worked examples with their exact results, bad input, and --check. */
class PlanCommandTest {
    private static final long GIB = 1L << 30;

    /** Runs jvirsh with no connection at all: plan without --check must not need one. */
    private static ShellRunner.Result plan(String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = "plan";
        System.arraycopy(args, 0, argv, 1, args.length);
        return ShellRunner.run(null, argv);
    }

    /** The table row of {@code resource}. */
    private static String row(ShellRunner.Result r, String resource) {
        return Arrays.stream(r.out().split("\n")).filter(l -> l.startsWith(" " + resource + "  ")).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + resource + " in\n" + r.out()));
    }

    @Test
    void twoHundredSmallVms() {
        ShellRunner.Result r = plan("--vms", "200", "--vcpus", "1", "--memory", "2G", "--disk", "100G",
                "--bandwidth", "100M", "--ratio", "8", "--pow2", "--nic-speed", "1G", "--vms-per-nic", "10");
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("Plan for 200 VMs (200 vCPUs) on profile generic:\n\n"
                + " Resource             Formula  "), r.out());
        String lp = row(r, "logical processors");
        assertTrue(lp.contains(" 200 × 1 vCPU = 200 vCPUs ÷ 8 per logical processor = 25 → 32 (power of two) "), lp);
        assertTrue(lp.endsWith("   32"), lp);
        String memory = row(r, "memory");
        assertTrue(memory.contains(" 200 × 2 GiB + 200 × 32 MiB overhead + 512 MiB reserve = 406.75 GiB → 512 GiB"
                + " (power of two) "), memory);
        assertTrue(memory.endsWith("   512 GiB"), memory);
        String nics = row(r, "NICs");
        assertTrue(nics.contains("200 × 100 Mbps = 20 Gbps ÷ 1 Gbps per NIC = 20; 200 VMs ÷ 10 per NIC = 20"), nics);
        assertTrue(nics.endsWith("   20"), nics);
        String storage = row(r, "storage");
        assertTrue(storage.contains(" 200 × 100 GiB = 20000 GiB, fixed-size"), storage);
        assertTrue(storage.endsWith("   20000 GiB"), storage);
        assertTrue(row(r, "physical CPUs").endsWith("   -"));
    }

    @Test
    void sixteenDualVcpuVmsOnDualCoreCpus() {
        ShellRunner.Result r = plan("--vms", "16", "--vcpus", "2", "--ratio", "8", "--cores-per-socket", "2");
        assertEquals(0, r.status(), r.err());
        String lp = row(r, "logical processors");
        assertTrue(lp.contains("16 × 2 vCPUs = 32 vCPUs ÷ 8 per logical processor = 4 "), lp);
        assertTrue(lp.endsWith("   4"), lp);
        String cpus = row(r, "physical CPUs");
        assertTrue(cpus.contains("4 logical processors ÷ 2 cores per CPU = 2 "), cpus);
        assertTrue(cpus.endsWith("   2"), cpus);
    }

    @Test
    void hyperV2008R2ExitsOneNamingThe384Limit() {
        ShellRunner.Result r = plan("--vms", "200", "--vcpus", "2", "--profile", "hyperv-2008r2");
        assertEquals(1, r.status());
        assertEquals("error: the plan needs 400 running vCPUs, over hyperv-2008r2's limit of 384 running vCPUs per host\n",
                r.err());
        assertTrue(row(r, "logical processors").endsWith("   50"), r.out());
    }

    @Test
    void quietLeavesOutTheTitleAndHeader() {
        ShellRunner.Result r = ShellRunner.run(null, "-q", "plan", "--vms", "1", "--vcpus", "1");
        assertTrue(r.out().startsWith(" logical processors   1 × 1 vCPU"), r.out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--vms 0 --vcpus 1 | error: --vms must be at least 1, got 0",
        "--vms -5 --vcpus 1 | error: --vms must be at least 1, got -5",
        "--vms 2 --vcpus 0 | error: --vcpus must be at least 1, got 0",
        "--vms two --vcpus 1 | error: --vms: 'two' is not a whole number (up to 9223372036854775807)",
        "--vms 2 | error: Option --vcpus is required by option --vms",
        "--vcpus 2 | error: give one shape with --vms N --vcpus N [--memory SIZE] [--disk SIZE] [--bandwidth RATE],"
                + " or shapes with --file FILE",
        "--vms 2 --vcpus 1 --memory 0 | error: invalid argument: --memory must be more than 0, got '0'",
        "--vms 2 --vcpus 1 --memory -2G | error: invalid argument: --memory: '-2G' is not a size (a number with an"
                + " optional unit: k/KiB, M/MiB, G/GiB, T/TiB are binary; KB, MB, GB, TB decimal)",
        "--vms 2 --vcpus 1 --disk 10X | error: invalid argument: --disk: '10X' is not a size: unknown suffix 'X'",
        "--vms 2 --vcpus 1 --bandwidth 0M | error: invalid argument: --bandwidth must be more than 0, got '0M'",
        "--vms 2 --vcpus 1 --bandwidth fast | error: invalid argument: --bandwidth: 'fast' is not a rate (bits per"
                + " second, with an optional k, M or G suffix: 100M = 100 Mbps)",
        "--vms 2 --vcpus 1 --ratio 0 | error: --ratio must be at least 1, got 0",
        "--vms 2 --vcpus 1 --vms-per-nic -1 | error: --vms-per-nic must be at least 1, got -1",
        "--vms 2 --vcpus 1 --cores-per-socket 0 | error: --cores-per-socket must be at least 1, got 0",
        "--vms 2 --vcpus 1 --nic-speed 0 | error: invalid argument: --nic-speed must be more than 0, got '0'",
        "--vms 2 --vcpus 1 --overhead 0 | error: invalid argument: --overhead must be more than 0, got '0'",
        "--vms 2 --vcpus 1 --reserve 1Q | error: invalid argument: --reserve: '1Q' is not a size: unknown suffix 'Q'",
        "--vms 2 --vcpus 1 --profile vmware | error: invalid argument: unknown profile 'vmware' (known: generic, kvm,"
                + " xen-4.17, hyperv-2008r2)",
        "--vms 2 --vcpus 1 --threads-per-core 2 | error: Option --cores-per-socket is required by option --threads-per-core",
        "--vms 4611686018427387905 --vcpus 4 | error: invalid argument: the plan's total vCPUs is too large to"
                + " compute (over 2^63)",
        "--vms 1 --vcpus 1 --file shapes.txt | error: Options --vms and --file are mutually exclusive"})
    void badInputFailsClearlyWithoutATable(String args, String error) {
        ShellRunner.Result r = plan(args.split(" "));
        assertEquals(1, r.status());
        assertEquals(error + "\n", r.err());
        assertEquals("", r.out().strip());
    }

    @Test
    void shapesFromAFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("shapes.txt"), "# count vcpus memory disk bandwidth\n"
                + "10 2 4G 40G 100M\n\n5 4 8G   # no disk, no bandwidth\n");
        ShellRunner.Result r = plan("--file", dir.resolve("shapes.txt").toString(), "--ratio", "4");
        assertEquals(0, r.status(), r.err());
        assertTrue(row(r, "logical processors").contains("10 × 2 vCPUs + 5 × 4 vCPUs = 40 vCPUs ÷ 4 per logical"
                + " processor = 10 "), r.out());
        assertTrue(row(r, "memory").contains("10 × 4 GiB + 5 × 8 GiB + 15 × 32 MiB overhead + 512 MiB reserve"
                + " = 82912 MiB"), r.out());
        assertTrue(row(r, "storage").contains("10 × 40 GiB = 400 GiB, fixed-size: allocated when the disks are created"
                + " (5 VMs without a disk not counted)"), r.out());
    }

    @Test
    void aBadLineInTheFileIsNamed(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("shapes.txt"), "10 2 4G\n# ok\n3 0 1G\n");
        ShellRunner.Result r = plan("--file", dir.resolve("shapes.txt").toString());
        assertEquals(1, r.status());
        assertEquals("error: " + dir.resolve("shapes.txt") + ":3: invalid argument: vCPUs per VM must be at least 1,"
                + " got 0\n", r.err());
        Files.writeString(dir.resolve("empty.txt"), "# nothing\n");
        assertEquals("error: " + dir.resolve("empty.txt") + ": no shapes (one per line: count vcpus memory disk"
                + " bandwidth)\n", plan("--file", dir.resolve("empty.txt").toString()).err());
    }

    @Test
    void helpShowsTheCapacityGroup() {
        String help = ShellRunner.run(null, "help").out();
        assertTrue(help.contains(" Capacity Planning (jvirsh) (help keyword 'capacity'):\n    plan          "), help);
        assertTrue(ShellRunner.run(null, "help", "capacity").out().contains("    plan "));
        String plan = ShellRunner.run(null, "help", "plan").out();
        assertTrue(plan.contains("[--vms <number>] [--vcpus <number>] [--memory <string>]"), plan);
        assertTrue(plan.contains("    --check          check the plan against the connected host\n"), plan);
        assertTrue(ShellRunner.run(null, "-h").out().contains(" Capacity Planning (jvirsh) (help keyword 'capacity')\n"));
    }

    @Test
    void checkAgainstAHostThatHoldsThePlan() {
        Connection conn = host();
        ShellRunner.Result r = ShellRunner.run(conn, "plan", "--vms", "4", "--vcpus", "2", "--memory", "2G", "--check");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("\nHost test:///default: 0 domains defined, counted with the new VMs: 4 VMs,"
                + " 8 vCPUs in all\n"), r.out());
        assertTrue(row(r, "logical processors").contains(" 8 "), r.out());
        String memory = Arrays.stream(r.out().split("\n")).filter(l -> l.startsWith(" memory ")).reduce((a, b) -> b)
                .orElseThrow();
        assertTrue(memory.matches(" memory +8832 MiB +16 GiB +yes +VMs, overhead and reserve need 8832 MiB, within the"
                + " host's 16 GiB"), memory);
    }

    @Test
    void checkFailsNamingWhatDoesNotFit() {
        Connection conn = host();
        ShellRunner.Result r = ShellRunner.run(conn, "plan", "--vms", "20", "--vcpus", "2", "--memory", "2G", "--check");
        assertEquals(1, r.status());
        assertEquals("error: the plan does not fit test:///default: logical processors (40 needed, 16 there),"
                + " memory (42112 MiB needed, 16 GiB there), free memory (41600 MiB needed, 12 GiB there)\n", r.err());
    }

    @Test
    void checkAgainstTheTestDriverCountsItsDefinedDomain() {
        try (Connection conn = io.jvirt.Virt.open("test:///default?instance=plan-check")) {
            ShellRunner.Result r = ShellRunner.run(conn, "plan", "--vms", "2", "--vcpus", "1", "--check");
            assertTrue(r.out().contains("Host test:///default?instance=plan-check: 1 domain defined, counted with the"
                    + " new VMs: 3 VMs, 4 vCPUs in all"), r.out());
            // test:///default's domain 'test' may hold 8 GiB on a 3 GiB host: 8 GiB + 3 × 32 MiB + 512 MiB.
            assertEquals(1, r.status());
            assertEquals("error: the plan does not fit test:///default?instance=plan-check: memory (8800 MiB needed,"
                    + " 3 GiB there)\n", r.err());
            assertFalse(r.out().contains("NaN"));
        }
    }

    /** 16 logical processors, 16 GiB (12 free), a 100 GiB pool, nothing defined. */
    private static Connection host() {
        Connection conn = mock(Connection.class);
        when(conn.isAlive()).thenReturn(true);
        when(conn.uri()).thenReturn(ConnectUri.parse("test:///default"));
        when(conn.nodeInfo()).thenReturn(new NodeInfo("x86_64", 16L << 20, 16, 2400, 1, 2, 4, 2));
        when(conn.freeMemory()).thenReturn(12 * GIB);
        when(conn.maxVcpus(null)).thenReturn(255);
        when(conn.capabilities()).thenThrow(VirtException.noSupport("virConnectGetCapabilities"));
        when(conn.listAllStoragePools(ListStoragePoolsFlag.ACTIVE)).thenReturn(List.of());
        when(conn.listAllDomains()).thenReturn(List.of());
        return conn;
    }
}
