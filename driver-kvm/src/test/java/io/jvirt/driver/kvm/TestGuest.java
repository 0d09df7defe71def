package io.jvirt.driver.kvm;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;

/**
 * The test guest of scripts/test-guest/build.sh: Debian's cloud kernel and a busybox initramfs
 * that prints {@link #READY} on its first serial port once the ACPI power button would power it
 * off. Found through system property {@code jvirt.test.guest}, environment variable
 * {@code JVIRT_TEST_GUEST} (scripts/test.sh sets it), or the build script's default directory.
 * Missing, it skips the test loudly, or fails it when {@code CI=true}.
 */
record TestGuest(Path kernel, Path initrd) {
    static final String PROPERTY = "jvirt.test.guest";
    static final String ENV = "JVIRT_TEST_GUEST";
    /** The line the guest prints once it answers the power button. */
    static final String READY = "JVIRT-GUEST-READY";
    /** Its memory: the kernel and initramfs unpack comfortably in 128 MiB. */
    static final int MEMORY_MIB = 128;

    static TestGuest require() {
        InstalledQemu.require();
        String dir = System.getProperty(PROPERTY);
        if (dir == null || dir.isBlank()) {
            dir = System.getenv(ENV);
        }
        if (dir == null || dir.isBlank()) {
            dir = Path.of(System.getProperty("user.home"), ".cache", "jvirt", "test-guest").toString();
        }
        TestGuest guest = new TestGuest(Path.of(dir, "vmlinuz"), Path.of(dir, "initrd.img"));
        if (!Files.isRegularFile(guest.kernel) || !Files.isRegularFile(guest.initrd)) {
            String msg = "no test guest in " + dir + ": build it with scripts/test-guest/build.sh and"
                    + " set " + ENV + " to its output directory (scripts/test.sh does both)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(msg + " (CI=true: failing rather than skipping)");
            }
            System.err.println("SKIPPED: " + msg);
            Assumptions.abort(msg);
        }
        return guest;
    }

    /** A TCG domain called {@code name} booting this guest, its console in {@code serialLog}. */
    String domainXml(String name, Path serialLog) {
        return "<domain type='qemu'>\n"
                + "  <name>" + name + "</name>\n"
                + "  <memory unit='MiB'>" + MEMORY_MIB + "</memory>\n"
                + "  <vcpu>1</vcpu>\n"
                + "  <os>\n"
                + "    <type arch='x86_64' machine='pc'>hvm</type>\n"
                + "    <kernel>" + kernel + "</kernel>\n"
                + "    <initrd>" + initrd + "</initrd>\n"
                + "    <cmdline>console=ttyS0 quiet</cmdline>\n"
                + "  </os>\n"
                // Without <acpi/> libvirt (and jvirt) turn ACPI off: no power button to press.
                + "  <features><acpi/></features>\n"
                + "  <devices>\n"
                + "    <serial type='file'>\n"
                + "      <source path='" + serialLog + "'/>\n"
                + "      <target port='0'/>\n"
                + "    </serial>\n"
                + "  </devices>\n"
                + "</domain>\n";
    }

    /**
     * Waits until {@code serialLog} holds {@link #READY}, polling with a growing pause; fails after
     * {@code timeout}. QEMU truncates the log at each start, so a marker is this boot's.
     */
    static void awaitReady(Path serialLog, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 5;
        while (!holdsReady(serialLog)) {
            if (System.nanoTime() > deadline) {
                fail("no " + READY + " in " + serialLog + " within " + timeout + "; it holds:\n" + read(serialLog));
            }
            Thread.sleep(pause);
            pause = Math.min(pause * 2, 50);
        }
    }

    static boolean holdsReady(Path serialLog) {
        return read(serialLog).contains(READY);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }
}
