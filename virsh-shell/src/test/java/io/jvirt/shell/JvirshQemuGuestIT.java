package io.jvirt.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test guest (scripts/test-guest/build.sh) run through {@code ./jvirsh -c
 * 'qemu:///embed?root=DIR' CMD} under TCG, each command a fresh process as an operator's shell
 * would run them: every command reconnects to the guests the previous ones left running, and
 * prints what virsh prints. Without QEMU or the guest the test skips loudly; under
 * {@code CI=true} it fails instead.
 */
class JvirshQemuGuestIT {
    private static final long COMMAND_TIMEOUT_SECONDS = 120;
    /** Bounds the polls for the guest's boot and power-off; a loaded 2-core machine is slow. */
    private static final long GUEST_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(120);
    private static final String READY = "JVIRT-GUEST-READY";

    private static Path jvirsh;
    private static Path guest;

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
    }

    @BeforeAll
    static void tools() {
        String launcher = System.getProperty("jvirsh.launcher");
        assertTrue(launcher != null, "system property jvirsh.launcher is not set (run through Maven's failsafe)");
        jvirsh = Path.of(launcher);
        String where = System.getProperty("jvirt.test.guest", System.getenv("JVIRT_TEST_GUEST"));
        if (where == null || where.isBlank()) {
            where = Path.of(System.getProperty("user.home"), ".cache", "jvirt", "test-guest").toString();
        }
        guest = Path.of(where);
        if (!Files.isExecutable(Path.of("/usr/bin/qemu-system-x86_64"))
                || !Files.isRegularFile(guest.resolve("vmlinuz")) || !Files.isRegularFile(guest.resolve("initrd.img"))) {
            String msg = "qemu-system-x86_64 or the test guest (" + guest + ") is missing: install"
                    + " qemu-system-x86 and run scripts/test-guest/build.sh (scripts/test.sh does both)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(msg + " (CI=true: failing rather than skipping)");
            }
            System.err.println("SKIPPED: " + msg);
            Assumptions.abort(msg);
        }
    }

    /** QEMU outlives the jvirsh that started it, so it is no descendant: found by its root. */
    @AfterEach
    void noQemuLeft() {
        for (ProcessHandle p : qemusUnder(dir)) {
            p.destroyForcibly();
            p.onExit().join();
        }
    }

    private static List<ProcessHandle> qemusUnder(Path root) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().orElse("").contains("qemu-system")
                        && String.join(" ", p.info().arguments().orElse(new String[0])).contains(root.toString()))
                .toList();
    }

    private String uri() {
        return "qemu:///embed?root=" + dir.resolve("root");
    }

    private Path serialLog() {
        return dir.resolve("serial.log");
    }

    private Path writeGuestXml() throws IOException {
        Path xml = dir.resolve("guest.xml");
        Files.writeString(xml, "<domain type='qemu'>\n"
                + "  <name>guest</name>\n"
                + "  <memory unit='MiB'>128</memory>\n"
                + "  <vcpu>1</vcpu>\n"
                + "  <os>\n"
                + "    <type arch='x86_64' machine='pc'>hvm</type>\n"
                + "    <kernel>" + guest.resolve("vmlinuz") + "</kernel>\n"
                + "    <initrd>" + guest.resolve("initrd.img") + "</initrd>\n"
                + "    <cmdline>console=ttyS0 quiet</cmdline>\n"
                + "  </os>\n"
                + "  <features><acpi/></features>\n"
                + "  <devices>\n"
                + "    <serial type='file'><source path='" + serialLog() + "'/><target port='0'/></serial>\n"
                + "  </devices>\n"
                + "</domain>\n");
        return xml;
    }

    private Run jvirsh(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(jvirsh.toString(), "-c", uri()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().put("LC_ALL", "C");
        pb.environment().remove("LIBVIRT_DEFAULT_URI");
        Process p = pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        if (!p.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("jvirsh " + String.join(" ", args) + " did not finish; out: " + out.join() + " err: " + err.join());
        }
        return new Run(p.exitValue(), out.join(), err.join());
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Runs a command that must succeed with exactly {@code expectedOut} and nothing on stderr. */
    private void expect(String expectedOut, String... args) throws Exception {
        Run r = jvirsh(args);
        assertEquals(new Run(0, expectedOut, ""), r, "jvirsh " + String.join(" ", args));
    }

    private void awaitMarker() throws Exception {
        long deadline = System.nanoTime() + GUEST_TIMEOUT_NANOS;
        long pause = 10;
        while (!(Files.exists(serialLog())
                && Files.readString(serialLog(), StandardCharsets.ISO_8859_1).contains(READY))) {
            if (System.nanoTime() > deadline) {
                fail("the guest printed no " + READY);
            }
            Thread.sleep(pause);
            pause = Math.min(pause * 2, 100);
        }
    }

    /** The domain's state line as {@code domstate --reason} prints it. */
    private String domstate() throws Exception {
        Run r = jvirsh("domstate", "--reason", "guest");
        assertEquals(0, r.status(), r.toString());
        assertEquals("", r.err());
        return r.out();
    }

    /**
     * Polls {@code domstate --reason}, one process each time, while it says {@code running}: the
     * guest powers off after the shutdown command's process has exited. Returns what it said then.
     */
    private String stateAfterPowerOff(String running) throws Exception {
        long deadline = System.nanoTime() + GUEST_TIMEOUT_NANOS;
        String state;
        while ((state = domstate()).equals(running)) {
            if (System.nanoTime() > deadline) {
                fail("the guest did not power off");
            }
            Thread.sleep(200);
        }
        return state;
    }

    @Test
    void anOperatorsSessionOneProcessPerCommand() throws Exception {
        Path xml = writeGuestXml();
        expect("Domain 'guest' defined from " + xml + "\n\n", "define", xml.toString());
        expect("shut off (unknown)\n\n", "domstate", "--reason", "guest");

        expect("Domain 'guest' started\n\n", "start", "guest");
        awaitMarker();
        expect(" Id   Name    State\n"
                + "-----------------------\n"
                + " 1    guest   running\n\n", "list", "--all");
        expect("running (booted)\n\n", "domstate", "--reason", "guest");
        Run again = jvirsh("start", "guest");
        assertEquals(new Run(1, "\n", "error: Domain is already active\n"), again);

        expect("Domain 'guest' suspended\n\n", "suspend", "guest");
        expect("paused (user)\n\n", "domstate", "--reason", "guest");
        expect("Domain 'guest' resumed\n\n", "resume", "guest");
        expect("running (unpaused)\n\n", "domstate", "--reason", "guest");

        // The power button: the guest powers itself off after this process has exited; a later
        // process finds it shut off, with the reason.
        expect("Domain 'guest' is being shutdown\n\n", "shutdown", "guest");
        assertEquals("shut off (shutdown)\n\n", stateAfterPowerOff("running (unpaused)\n\n"));
        assertTrue(Files.readString(serialLog(), StandardCharsets.ISO_8859_1).contains("JVIRT-GUEST-POWEROFF"));
        expect(" Id   Name    State\n"
                + "------------------------\n"
                + " -    guest   shut off\n\n", "list", "--all");
        assertEquals(List.of(), qemusUnder(dir));

        expect("Domain 'guest' started\n\n", "start", "guest");
        awaitMarker();
        expect("running (booted)\n\n", "domstate", "--reason", "guest");
        expect("Domain 'guest' destroyed\n\n", "destroy", "guest");
        // The reason a domain shut off outlives the process that stopped it, as it outlives a
        // virsh command with libvirtd.
        expect("shut off (destroyed)\n\n", "domstate", "--reason", "guest");
        assertEquals(List.of(), qemusUnder(dir));

        expect("Domain 'guest' has been undefined\n\n", "undefine", "guest");
        expect(" Id   Name   State\n"
                + "--------------------\n\n", "list", "--all");
        Run gone = jvirsh("start", "guest");
        // virsh's own output for a missing domain: a blank line on stdout, the error on stderr.
        assertEquals(new Run(1, "\n", "error: failed to get domain 'guest'\n"), gone);
    }

    /** {@code domblklist}'s table: virsh sizes its columns and dashes to the widest cell. */
    private static String blockList(String... targetsAndSources) {
        int target = "Target".length();
        int source = "Source".length();
        for (int i = 0; i < targetsAndSources.length; i += 2) {
            target = Math.max(target, targetsAndSources[i].length());
            source = Math.max(source, targetsAndSources[i + 1].length());
        }
        StringBuilder table = new StringBuilder(String.format(" %-" + target + "s   %s%n", "Target", "Source"))
                .append("-".repeat(1 + target + 3 + source + 2)).append('\n');
        for (int i = 0; i < targetsAndSources.length; i += 2) {
            table.append(String.format(" %-" + target + "s   %s%n", targetsAndSources[i], targetsAndSources[i + 1]));
        }
        return table.append('\n').toString();
    }

    @Test
    void aGuestIsSavedRestoredAndGivenADiskOneProcessPerCommand() throws Exception {
        Path xml = writeGuestXml();
        expect("Domain 'guest' defined from " + xml + "\n\n", "define", xml.toString());
        expect("Domain 'guest' started\n\n", "start", "guest");
        awaitMarker();

        Path save = dir.resolve("guest.save");
        // virsh opens the line with a newline: its progress display would have used it.
        expect("\nDomain 'guest' saved to " + save + "\n\n", "save", "guest", save.toString());
        expect("shut off (saved)\n\n", "domstate", "--reason", "guest");
        assertTrue(Files.size(save) > Files.size(guest.resolve("vmlinuz")), "the image holds the guest's memory");
        assertEquals(List.of(), qemusUnder(dir));
        expect("Domain restored from " + save + "\n\n", "restore", save.toString());
        expect("running (restored)\n\n", "domstate", "--reason", "guest");
        assertFalse(Files.readString(serialLog(), StandardCharsets.ISO_8859_1).contains(READY),
                "the restored guest did not boot again");

        Path image = dir.resolve("extra.qcow2");
        Process img = new ProcessBuilder("qemu-img", "create", "-q", "-f", "qcow2", image.toString(), "16M")
                .redirectErrorStream(true).start();
        String imgOut = readAll(img.getInputStream());
        assertEquals(0, img.waitFor(), "qemu-img: " + imgOut);
        Path disk = dir.resolve("disk.xml");
        Files.writeString(disk, "<disk type='file' device='disk'>\n"
                + "  <driver name='qemu' type='qcow2'/>\n"
                + "  <source file='" + image + "'/>\n"
                + "  <target dev='vdb' bus='virtio'/>\n"
                + "</disk>\n");
        expect(blockList(), "domblklist", "guest");
        expect("Device attached successfully\n\n", "attach-device", "guest", disk.toString());
        expect(blockList("vdb", image.toString()), "domblklist", "guest");
        expect(blockList(), "domblklist", "guest", "--inactive");

        // The guest's kernel ejects the disk when QEMU asks: the command waits for that.
        expect("Device detached successfully\n\n", "detach-device", "guest", disk.toString());
        expect(blockList(), "domblklist", "guest");

        // And the restored guest still answers the power button.
        expect("Domain 'guest' is being shutdown\n\n", "shutdown", "guest");
        assertEquals("shut off (shutdown)\n\n", stateAfterPowerOff("running (restored)\n\n"));
        assertTrue(Files.readString(serialLog(), StandardCharsets.ISO_8859_1).contains("JVIRT-GUEST-POWEROFF"));
        assertEquals(List.of(), qemusUnder(dir));
    }
}
