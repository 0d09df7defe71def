package io.jvirt.driver.kvm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The smallest guest that answers the ACPI power button: a boot sector that SeaBIOS loads from
 * an IDE disk. It enables the power button event of the PIIX4 power management block (SeaBIOS
 * puts it at I/O port 0x600), prints {@value #MARKER} on the first serial port, waits for the
 * button's status bit, then either powers off (S5 through PM1a_CNT) or resets the machine
 * (the keyboard controller's reset line) — a guest-initiated shutdown or reboot in QEMU's eyes.
 * While it waits it also answers PCI unplug requests as an ACPI OS would: it reads the slots
 * QEMU's PIIX4 hotplug controller (port 0xae00) wants removed and ejects them.
 * Each boot prints the marker once, so the markers count boots.
 */
final class PowerButtonGuest {
    static final String MARKER = "JVRDY";

    /** What the guest does when the power button is pressed. */
    enum Answer { POWER_OFF, REBOOT }

    private PowerButtonGuest() {
    }

    /** Writes the 1 MiB raw disk image to {@code image}. */
    static void writeImage(Path image, Answer answer) throws IOException {
        byte[] code = concat(
                bytes(0xFA),                               // cli
                bytes(0xBA, 0x02, 0x06),                   // mov dx, 0x602   PM1a_EN
                bytes(0xB8, 0x00, 0x01),                   // mov ax, 0x100   PWRBTN_EN
                bytes(0xEF),                               // out dx, ax
                bytes(0xBA, 0xF8, 0x03),                   // mov dx, 0x3f8   COM1 data
                print(MARKER + "\n"),                      // mov al, c; out dx, al  (each)
                bytes(0xBA, 0x04, 0xAE),                   // poll: mov dx, 0xae04  PCI hotplug "down" slots
                bytes(0x66, 0xED),                         // in eax, dx
                bytes(0x66, 0x85, 0xC0),                   // test eax, eax
                bytes(0x74, 0x05),                         // jz button
                bytes(0xBA, 0x08, 0xAE),                   // mov dx, 0xae08  eject those slots
                bytes(0x66, 0xEF),                         // out dx, eax
                bytes(0xBA, 0x00, 0x06),                   // button: mov dx, 0x600  PM1a_STS
                bytes(0xED),                               // in ax, dx
                bytes(0xA9, 0x00, 0x01),                   // test ax, 0x100  PWRBTN_STS
                bytes(0x74, 0xE8),                         // jz poll
                answer == Answer.POWER_OFF
                        ? concat(bytes(0xBA, 0x04, 0x06),  // mov dx, 0x604   PM1a_CNT
                                bytes(0xB8, 0x00, 0x20),   // mov ax, 0x2000  SLP_EN, SLP_TYP 0 (S5)
                                bytes(0xEF))               // out dx, ax
                        : concat(bytes(0xB0, 0xFE),        // mov al, 0xfe    pulse the reset line
                                bytes(0xE6, 0x64)),        // out 0x64, al
                bytes(0xF4),                               // halt: hlt
                bytes(0xEB, 0xFD));                        // jmp halt
        byte[] disk = new byte[1 << 20];
        System.arraycopy(code, 0, disk, 0, code.length);
        disk[510] = 0x55;
        disk[511] = (byte) 0xAA;
        Files.write(image, disk);
    }

    /** Domain XML booting {@code image}, its serial port written to {@code serial}. */
    static String xml(String name, Path image, Path serial, String lifecycle) {
        return "<domain type='qemu'><name>" + name + "</name><memory unit='MiB'>64</memory><vcpu>1</vcpu>"
                + "<os><type machine='pc'>hvm</type><boot dev='hd'/></os><features><acpi/></features>"
                + lifecycle
                + "<devices><disk type='file' device='disk'><driver name='qemu' type='raw'/>"
                + "<source file='" + image + "'/><target dev='hda' bus='ide'/></disk>"
                + "<serial type='file'><source path='" + serial + "'/><target port='0'/></serial>"
                + "</devices></domain>";
    }

    /** How many times the guest has booted, from its serial output. */
    static int boots(Path serial) throws IOException {
        if (!Files.exists(serial)) {
            return 0;
        }
        String text = Files.readString(serial, StandardCharsets.ISO_8859_1);
        int n = 0;
        for (int i = text.indexOf(MARKER); i >= 0; i = text.indexOf(MARKER, i + 1)) {
            n++;
        }
        return n;
    }

    /**
     * Waits until the guest has booted {@code n} times (the marker is the guest's only way to
     * tell us; the serial file is polled). False if that took longer than {@code limit}.
     */
    static boolean awaitBoots(Path serial, int n, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (boots(serial) < n) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    private static byte[] print(String s) {
        byte[] out = new byte[s.length() * 3];
        for (int i = 0; i < s.length(); i++) {
            out[3 * i] = (byte) 0xB0;
            out[3 * i + 1] = (byte) s.charAt(i);
            out[3 * i + 2] = (byte) 0xEE;
        }
        return out;
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        int len = 0;
        for (byte[] p : parts) {
            len += p.length;
        }
        byte[] out = new byte[len];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
