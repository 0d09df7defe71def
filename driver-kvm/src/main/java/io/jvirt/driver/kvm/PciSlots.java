package io.jvirt.driver.kvm;

import static io.jvirt.driver.kvm.QemuEscaping.unsupported;

import io.jvirt.xml.AddressDef;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * PCI addresses on the root bus, the only bus this driver builds. A device's
 * {@code <address type='pci'/>} becomes {@code bus=pci.0,addr=0xS.0xF} (pcie.0 on q35).
 *
 * <p>Without any address in the domain QEMU picks the first free slot for each device in argv
 * order, which is as stable as the argv. Once one device asks for a slot, every other PCI device
 * is given one here, avoiding requested and built-in slots: QEMU's own choice could take a slot
 * a later device asks for.
 */
final class PciSlots {
    private static final int SLOTS = 32;

    private final String bus;
    private final boolean q35;
    private final Set<Integer> taken = new HashSet<>(); // slot * 8 + function
    private final boolean assignAll;

    /** {@code requested}: the PCI addresses of every device that will be built, claimed first. */
    PciSlots(boolean q35, List<AddressDef> requested) {
        this.q35 = q35;
        this.bus = q35 ? "pcie.0" : "pci.0";
        taken.add(0); // the host bridge
        if (q35) {
            for (int f = 0; f < 8; f++) {
                taken.add(0x1f * 8 + f); // ICH9: LPC, SATA, SMBus
            }
        } else {
            for (int f = 0; f < 8; f++) {
                taken.add(8 + f); // PIIX3: ISA, IDE, (USB), ACPI
            }
        }
        boolean any = false;
        for (AddressDef a : requested) {
            if (a != null && "pci".equals(a.getType())) {
                any = true;
                checkRootBus(a, "a device");
                int slot = number("address slot", a.getSlot(), SLOTS - 1);
                int function = number("address function", a.getFunction(), 7);
                if (!(q35 ? slot == 0x1f : slot == 1 && function == 2)) {
                    // 00:01.2 is PIIX3's USB function, which libvirt fills with piix3-usb-uhci.
                    if (!taken.add(slot * 8 + function)) {
                        throw unsupported("PCI address 00:" + hex(slot) + "." + function
                                + " is used twice or taken by the machine");
                    }
                }
            }
        }
        this.assignAll = any;
    }

    /**
     * The {@code ,bus=…,addr=…} to append to a PCI device's {@code -device} for {@code address}
     * (its XML address, or null), or "" when QEMU may choose.
     */
    String place(AddressDef address, String device) {
        if (address != null) {
            if (!"pci".equals(address.getType())) {
                throw unsupported("address type '" + address.getType() + "' for " + device);
            }
            checkRootBus(address, device);
            int slot = number("address slot", address.getSlot(), SLOTS - 1);
            int function = number("address function", address.getFunction(), 7);
            String multi = "on".equals(address.getMultifunction()) ? ",multifunction=on" : "";
            if (address.getMultifunction() != null && !address.getMultifunction().matches("on|off")) {
                throw unsupported("PCI multifunction '" + address.getMultifunction() + "'");
            }
            return ",bus=" + bus + ",addr=0x" + hex(slot) + (function == 0 ? "" : ".0x" + function) + multi;
        }
        if (!assignAll) {
            return "";
        }
        for (int slot = 1; slot < SLOTS; slot++) {
            if (free(slot)) {
                taken.add(slot * 8);
                return ",bus=" + bus + ",addr=0x" + hex(slot);
            }
        }
        throw unsupported("no free PCI slot on " + bus + " for " + device);
    }

    /**
     * Checks that a built-in device's address (the PIIX3 IDE controller, the ICH9 SATA one) is
     * where the machine puts it; {@code slot}/{@code function}: that place.
     */
    void builtIn(AddressDef address, String device, int slot, int function) {
        if (address == null) {
            return;
        }
        if (!"pci".equals(address.getType())) {
            throw unsupported("address type '" + address.getType() + "' for " + device);
        }
        checkRootBus(address, device);
        if (number("address slot", address.getSlot(), SLOTS - 1) != slot
                || number("address function", address.getFunction(), 7) != function) {
            throw unsupported(device + " is built into the " + (q35 ? "q35" : "i440FX")
                    + " machine at 00:" + hex(slot) + "." + function);
        }
    }

    private boolean free(int slot) {
        for (int f = 0; f < 8; f++) {
            if (taken.contains(slot * 8 + f)) {
                return false;
            }
        }
        return true;
    }

    private void checkRootBus(AddressDef address, String device) {
        if (number("address domain", address.getDomain(), 0xffff) != 0 || number("address bus", address.getBus(), 0xff) != 0) {
            throw unsupported("PCI address of " + device + " off the root bus (domain "
                    + address.getDomain() + ", bus " + address.getBus() + ")");
        }
    }

    /** libvirt's numbers: decimal or 0x-hex, absent meaning 0; {@code what} names it in the refusal. */
    static int number(String what, String value, int max) {
        if (value == null) {
            return 0;
        }
        try {
            int n = value.startsWith("0x") || value.startsWith("0X")
                    ? Integer.parseInt(value.substring(2), 16) : Integer.parseInt(value);
            if (n >= 0 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw unsupported(what + " '" + value + "'" + (max == 0 ? " (only 0 is supported)" : ""));
    }

    private static String hex(int n) {
        return Integer.toHexString(n);
    }
}
