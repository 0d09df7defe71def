package io.jvirt.driver.kvm;

import static io.jvirt.driver.kvm.QemuEscaping.unsupported;

import io.jvirt.xml.AddressDef;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PCI addresses on the buses this driver builds: the root bus (pci.0, or pcie.0 on q35) and
 * the buses of the PCI controllers in the XML (a pci-bridge, a pcie-root-port), named
 * {@code pci.N} after their index as libvirt names them. A device's
 * {@code <address type='pci' bus='N' slot='S' function='F'/>} becomes
 * {@code bus=pci.N,addr=0xS.0xF}.
 *
 * <p>Without any address in the domain QEMU picks the first free root-bus slot for each device
 * in argv order, which is as stable as the argv. Once one device asks for a slot, every other
 * PCI device is given one here, avoiding requested and built-in slots: QEMU's own choice could
 * take a slot a later device asks for.
 */
final class PciSlots {
    private static final int SLOTS = 32;

    /** A bus devices plug into: QEMU's id for it and the slots it offers. */
    private record Bus(String name, int firstSlot, int lastSlot) {
    }

    private final boolean q35;
    private final Map<Integer, Bus> buses = new HashMap<>();
    private final Set<Integer> taken = new HashSet<>(); // (bus * 32 + slot) * 8 + function
    private final boolean assignAll;

    /**
     * @param bridges the models of the PCI controllers beyond the root, by index
     *     ({@code pcie-root-port}: one slot; {@code pci-bridge}: slots 1 to 31;
     *     {@code dmi-to-pci-bridge}: 0 to 31)
     * @param requested the PCI addresses of every device that will be built, claimed first
     */
    PciSlots(boolean q35, Map<Integer, String> bridges, List<AddressDef> requested) {
        this.q35 = q35;
        buses.put(0, new Bus(q35 ? "pcie.0" : "pci.0", 0, SLOTS - 1));
        bridges.forEach((index, model) -> buses.put(index, switch (model) {
            case "pci-bridge" -> new Bus("pci." + index, 1, SLOTS - 1); // slot 0 is its hotplug controller's
            case "dmi-to-pci-bridge" -> new Bus("pci." + index, 0, SLOTS - 1);
            default -> new Bus("pci." + index, 0, 0); // a PCIe root port has one slot
        }));
        taken.add(0); // the host bridge
        for (int f = 0; f < 8; f++) {
            // ICH9's LPC, SATA and SMBus; PIIX3's ISA, IDE, USB and ACPI functions
            taken.add((q35 ? 0x1f : 1) * 8 + f);
        }
        boolean any = false;
        for (AddressDef a : requested) {
            if (a != null && "pci".equals(a.getType())) {
                any = true;
                int bus = bus(a, "a device");
                int slot = slot(a, bus);
                int function = number("address function", a.getFunction(), 7);
                // 00:01.2 is PIIX3's USB function, which libvirt fills with piix3-usb-uhci.
                boolean piix3Usb = !q35 && bus == 0 && slot == 1 && function == 2;
                if (!piix3Usb && !taken.add(key(bus, slot, function))) {
                    throw unsupported("PCI address " + hex(bus) + ":" + hex(slot) + "." + function
                            + " is used twice or taken by the machine");
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
            pciOnly(address, device);
            int bus = bus(address, device);
            int slot = slot(address, bus);
            int function = number("address function", address.getFunction(), 7);
            String multi = "on".equals(address.getMultifunction()) ? ",multifunction=on" : "";
            if (address.getMultifunction() != null && !address.getMultifunction().matches("on|off")) {
                throw unsupported("PCI multifunction '" + address.getMultifunction() + "'");
            }
            return ",bus=" + buses.get(bus).name() + ",addr=0x" + hex(slot)
                    + (function == 0 ? "" : ".0x" + function) + multi;
        }
        if (!assignAll) {
            return "";
        }
        for (int slot = 1; slot < SLOTS; slot++) {
            if (free(slot)) {
                taken.add(key(0, slot, 0));
                return ",bus=" + buses.get(0).name() + ",addr=0x" + hex(slot);
            }
        }
        throw unsupported("no free PCI slot on " + buses.get(0).name() + " for " + device);
    }

    /** A free slot on bus {@code bus} (not the root), for a device placed there without an address. */
    String placeOn(int bus, String device) {
        Bus b = buses.get(bus);
        for (int slot = b.firstSlot(); slot <= b.lastSlot(); slot++) {
            if (taken.add(key(bus, slot, 0))) {
                return ",bus=" + b.name() + ",addr=0x" + hex(slot);
            }
        }
        throw unsupported("no free PCI slot on " + b.name() + " for " + device);
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
        pciOnly(address, device);
        if (bus(address, device) != 0 || number("address slot", address.getSlot(), SLOTS - 1) != slot
                || number("address function", address.getFunction(), 7) != function) {
            throw unsupported(device + " is built into the " + (q35 ? "q35" : "i440FX")
                    + " machine at 00:" + hex(slot) + "." + function);
        }
    }

    private static void pciOnly(AddressDef address, String device) {
        if (address.getController() != null || address.getTarget() != null || address.getUnit() != null
                || address.getPort() != null) {
            throw unsupported("a PCI address with a controller, target, unit or port, for " + device);
        }
    }

    private boolean free(int slot) {
        for (int f = 0; f < 8; f++) {
            if (taken.contains(key(0, slot, f))) {
                return false;
            }
        }
        return true;
    }

    private int bus(AddressDef address, String device) {
        int bus = number("address bus", address.getBus(), 0xff);
        if (number("address domain", address.getDomain(), 0xffff) != 0 || !buses.containsKey(bus)) {
            throw unsupported("PCI address of " + device + " on bus " + address.getBus()
                    + (address.getDomain() == null ? "" : " of domain " + address.getDomain())
                    + ", which no PCI controller provides");
        }
        return bus;
    }

    private int slot(AddressDef address, int bus) {
        Bus b = buses.get(bus);
        int slot = number("address slot", address.getSlot(), SLOTS - 1);
        if (slot < b.firstSlot() || slot > b.lastSlot()) {
            throw unsupported("PCI slot " + hex(slot) + " on " + b.name() + " (it has slots "
                    + hex(b.firstSlot()) + "-" + hex(b.lastSlot()) + ")");
        }
        return slot;
    }

    private static int key(int bus, int slot, int function) {
        return (bus * SLOTS + slot) * 8 + function;
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
