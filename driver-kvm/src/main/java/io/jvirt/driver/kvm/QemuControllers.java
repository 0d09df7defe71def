package io.jvirt.driver.kvm;

import static io.jvirt.driver.kvm.QemuEscaping.unsupported;

import io.jvirt.xml.AddressDef;
import io.jvirt.xml.ControllerDef;
import io.jvirt.xml.DevicesDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.w3c.dom.Element;

/**
 * Controllers: the PCI buses beyond the root (root ports, bridges), USB (with ICH9's
 * companions), SCSI, virtio-serial, and the IDE, SATA and floppy controllers the machines
 * have built in; what devices on them need to know (a SCSI controller's model, USB ports).
 */
final class QemuControllers {
    private final QemuCommandLine b;
    private SortedMap<Integer, ControllerDef> bridges = new TreeMap<>();

    QemuControllers(QemuCommandLine b) {
        this.b = b;
    }

    /** The PCI slots of the root bus and of the bridges in {@code devices}, {@code requested} claimed. */
    PciSlots pciSlots(DevicesDef devices, List<AddressDef> requested) {
        bridges = pciBridges(devices);
        Map<Integer, String> models = new HashMap<>();
        bridges.forEach((index, c) -> models.put(index, c.getModel()));
        return new PciSlots(b.q35(), models, requested);
    }

    boolean hasUsb() {
        return hasUsb;
    }

    /** The root hub's ports a USB device may name. */
    int usbPorts() {
        return usbPorts;
    }

    /** The SCSI controllers built so far, by index, and their models. */
    private final Map<Integer, String> scsiModels = new HashMap<>();
    private boolean hasUsb;
    private int usbPorts;
    private String usbMaster;
    /** The bus each PCI bridge plugs into, by the bridge's index. */
    private final Map<Integer, Integer> bridgeParents = new HashMap<>();

    static boolean isRoot(ControllerDef c) {
        return "0".equals(c.getIndex()) || c.getIndex() == null
                && (!"pci".equals(c.getType()) || List.of("pci-root", "pcie-root").contains(c.getModel()));
    }

    /**
     * The PCI controllers beyond the root bus, by index: on q35 pcie-root-ports and a
     * dmi-to-pci-bridge on the root bus, pci-bridges behind it; on the i440FX pci-bridges.
     */
    private SortedMap<Integer, ControllerDef> pciBridges(DevicesDef devices) {
        SortedMap<Integer, ControllerDef> bridges = new TreeMap<>();
        // Controllers without an index get the next free ones, as libvirt numbers them.
        int next = devices.getControllers().stream().filter(c -> "pci".equals(c.getType()) && c.getIndex() != null)
                .mapToInt(c -> PciSlots.number("PCI controller index", c.getIndex(), 0xff)).max().orElse(0) + 1;
        for (ControllerDef c : devices.getControllers()) {
            if (!"pci".equals(c.getType()) || isRoot(c)) {
                continue;
            }
            int index = c.getIndex() == null ? next++ : PciSlots.number("PCI controller index", c.getIndex(), 0xff);
            String model = String.valueOf(c.getModel());
            List<String> models = b.q35() ? List.of("pcie-root-port", "dmi-to-pci-bridge", "pci-bridge") : List.of("pci-bridge");
            if (!models.contains(model)) {
                throw unsupported("PCI controller model '" + model + "' on " + b.machine() + " (only "
                        + String.join(", ", models) + " beyond the root bus)");
            }
            // A bridge plugs into a bus built before it: the root, or (a pci-bridge) a
            // conventional PCI bus of a lower index. q35's root is PCI Express: a pci-bridge
            // needs a dmi-to-pci-bridge there.
            int parent = c.getAddress() != null ? PciSlots.number("address bus", c.getAddress().getBus(), 0xff)
                    : model.equals("pci-bridge") && b.q35() ? firstDmiBridge(bridges) : 0;
            bridgeParents.put(index, parent);
            ControllerDef parentBridge = bridges.get(parent);
            boolean conventionalParent = parent == 0 ? !b.q35()
                    : parent < index && parentBridge != null && !"pcie-root-port".equals(parentBridge.getModel());
            boolean placed = model.equals("pci-bridge") ? conventionalParent : parent == 0;
            if (!placed) {
                throw unsupported("a " + model + " on bus " + parent + " of " + b.machine());
            }
            if (bridges.put(index, c) != null) {
                throw unsupported("a second pci controller with index " + index);
            }
        }
        return bridges;
    }

    /** Where libvirt puts an unaddressed pci-bridge on q35: behind the first DMI-to-PCI bridge. */
    private static int firstDmiBridge(SortedMap<Integer, ControllerDef> bridges) {
        return bridges.entrySet().stream().filter(e -> "dmi-to-pci-bridge".equals(e.getValue().getModel()))
                .mapToInt(Map.Entry::getKey).findFirst().orElse(0);
    }

    /** One of {@link #pciBridges}, with libvirt's chassis and port numbers (the index, by default). */
    private void pciBridge(int index, ControllerDef c) {
        Element modelName = c.getExtraElement("model");
        String qemuDevice = modelName == null || modelName.getAttribute("name").isEmpty() ? c.getModel()
                : modelName.getAttribute("name");
        // ioh3420 is Intel's root port, the one libvirt used before QEMU's generic pcie-root-port;
        // i82801b11-bridge is QEMU's DMI-to-PCI bridge
        boolean dmi = c.getModel().equals("dmi-to-pci-bridge");
        if (dmi && qemuDevice.equals(c.getModel())) {
            qemuDevice = "i82801b11-bridge";
        }
        boolean sameKind = qemuDevice.equals(c.getModel())
                || c.getModel().equals("pcie-root-port") && qemuDevice.equals("ioh3420")
                || dmi && qemuDevice.equals("i82801b11-bridge");
        if (!sameKind) {
            throw unsupported("PCI controller " + index + " of model '" + c.getModel() + "' as '" + qemuDevice + "'");
        }
        Element target = c.getExtraElement("target");
        String wrong = !qemuDevice.equals("pci-bridge") ? "chassisNr" : "port";
        if (target != null && (target.hasAttribute(wrong) || qemuDevice.equals("pci-bridge")
                && target.hasAttribute("chassis"))) {
            throw unsupported("a " + qemuDevice + " target with " + (target.hasAttribute(wrong) ? wrong : "chassis"));
        }
        StringBuilder d = new StringBuilder(qemuDevice);
        if (dmi) {
            if (target != null) {
                throw unsupported("a <target> for a dmi-to-pci-bridge");
            }
        } else if (!qemuDevice.equals("pci-bridge")) {
            String port = target == null ? "" : target.getAttribute("port");
            if (!port.isEmpty()) {
                d.append(",port=0x").append(Integer.toHexString(PciSlots.number("root port", port, 0xff)));
            }
            String chassis = target == null ? "" : target.getAttribute("chassis");
            d.append(",chassis=").append(chassis.isEmpty() ? index : PciSlots.number("chassis", chassis, 0xff));
        } else {
            String chassis = target == null ? "" : target.getAttribute("chassisNr");
            d.append(",chassis_nr=").append(chassis.isEmpty() ? index : PciSlots.number("chassisNr", chassis, 0xff));
        }
        String device = "PCI controller " + index;
        int parent = bridgeParents.get(index);
        d.append(",id=pci.").append(index).append(c.getAddress() == null && parent != 0
                ? b.pci().placeOn(parent, device) : b.pci().place(c.getAddress(), device));
        b.add("-device", d.toString());
    }

    /** Builds the bridges of {@link #pciSlots}, then the other controllers. */
    void build(DevicesDef devices) {
        bridges.forEach(this::pciBridge); // before the devices plugged into them
        Set<String> seen = new HashSet<>();
        List<ControllerDef> companions = new ArrayList<>();
        for (ControllerDef c : devices.getControllers()) {
            String type = String.valueOf(c.getType());
            String index = c.getIndex() == null ? "0" : c.getIndex();
            if (type.equals("pci") && !isRoot(c)) {
                continue; // built first, by pciBridges
            }
            if (type.equals("usb") && (c.getExtraElement("master") != null
                    || String.valueOf(c.getModel()).matches("ich9-uhci[123]"))) {
                companions.add(c); // built after their EHCI master, whatever the XML order
                continue;
            }
            if (c.getExtraElement("model") != null || c.getExtraElement("target") != null) {
                throw unsupported("<model> or <target> in a " + type + " controller");
            }
            // SCSI and virtio-serial controllers may be many (scsiN, virtio-serialN); the rest one.
            boolean many = type.equals("scsi") || type.equals("virtio-serial");
            if (!"0".equals(index) && !many) {
                throw unsupported("controller " + type + " index " + index);
            }
            int n = PciSlots.number("controller index", index, 31);
            if (!seen.add(type + n)) {
                throw unsupported("a second " + type + " controller with index " + n);
            }
            if (!type.equals("virtio-serial") && (!type.equals("usb") && c.getExtraAttribute("ports") != null
                    || c.getExtraAttribute("vectors") != null)) {
                throw unsupported("ports or vectors of a " + type + " controller");
            }
            String model = c.getModel();
            switch (type) {
                case "pci" -> {
                    if (c.getAddress() != null) {
                        throw unsupported("an address for the PCI root controller");
                    }
                    // The root bus comes with the machine.
                    String root = b.q35() ? "pcie-root" : "pci-root";
                    if (!root.equals(model)) {
                        throw unsupported("PCI controller model '" + model + "' on " + b.machine());
                    }
                }
                case "ide" -> {
                    if (b.q35() || model != null) {
                        throw unsupported("IDE controller on " + b.machine());
                    }
                    b.pci().builtIn(c.getAddress(), "the IDE controller", 1, 1);
                }
                case "sata" -> {
                    if (!b.q35() || model != null) {
                        throw unsupported("SATA controller on " + b.machine());
                    }
                    b.pci().builtIn(c.getAddress(), "the SATA controller", 0x1f, 2);
                }
                case "fdc" -> {
                    if (b.q35() || model != null || c.getAddress() != null) {
                        throw unsupported("a floppy controller on " + b.machine() + " other than its built-in one");
                    }
                }
                case "usb" -> {
                    String m = model == null ? "piix3-uhci" : model;
                    switch (m) {
                        case "none" -> { }
                        case "piix3-uhci" -> usb("piix3-usb-uhci", c, 2);
                        case "qemu-xhci" -> usb("qemu-xhci", c, 4); // its USB 2 ports; 5-8 are USB 3 only
                        case "nec-xhci" -> usb("nec-usb-xhci", c, 4);
                        case "ich9-ehci1" -> usb("ich9-usb-ehci1", c, 6);
                        default -> throw unsupported("USB controller model '" + m + "'");
                    }
                }
                case "virtio-serial" -> {
                    if (model != null) {
                        throw unsupported("virtio-serial controller model '" + model + "'");
                    }
                    b.chardevs().virtioSerialController(n, c);
                }
                case "scsi" -> {
                    scsiController(n, model, c.getAddress());
                }
                default -> throw unsupported("controller type '" + type + "'");
            }
        }
        usbCompanions(companions);
    }

    /**
     * ICH9's UHCI companions ({@code <master startport='P'/>}) give the EHCI master's low- and
     * full-speed devices their ports: {@code masterbus=usb.0,firstport=P}.
     */
    private void usbCompanions(List<ControllerDef> companions) {
        for (ControllerDef c : companions) {
            String model = String.valueOf(c.getModel());
            if (!model.matches("ich9-uhci[123]")) {
                throw unsupported("a USB companion of model '" + model + "'");
            }
            if (!"ich9-usb-ehci1".equals(usbMaster) || !"0".equals(c.getIndex() == null ? "0" : c.getIndex())) {
                throw unsupported("USB companion " + model + " without an ich9-ehci1 controller 0 as its master");
            }
            // without <master>, libvirt gives uhci1, uhci2, uhci3 the ports from 0, 2, 4
            Element master = c.getExtraElement("master");
            int firstPort = master != null ? PciSlots.number("USB companion startport", master.getAttribute("startport"), 5)
                    : (model.charAt(model.length() - 1) - '1') * 2;
            b.add("-device", "ich9-usb-" + model.substring("ich9-".length()) + ",masterbus=usb.0,firstport=" + firstPort
                    + b.pci().place(c.getAddress(), "USB companion " + model));
        }
    }

    private void usb(String device, ControllerDef c, int ports) {
        hasUsb = true;
        usbMaster = device;
        usbPorts = ports;
        String p = c.getExtraAttribute("ports");
        if (p != null) {
            if (!device.endsWith("xhci")) {
                throw unsupported("ports of a " + device + " controller");
            }
            // libvirt gives an xHCI as many USB 3 ports as USB 2 ones
            usbPorts = PciSlots.number("USB ports", p, 15);
            device += ",p2=" + usbPorts + ",p3=" + usbPorts;
        }
        b.add("-device", device + ",id=usb" + b.pci().place(c.getAddress(), "the USB controller"));
    }

    /**
     * SCSI controller {@code n}, built once: as the XML declares it, or as libvirt adds one a
     * disk refers to (lsilogic); its model, which decides how disks are addressed on it.
     */
    String scsiController(int n, String declaredModel, AddressDef address) {
        String built = scsiModels.get(n);
        if (built != null) {
            return built;
        }
        String model = declaredModel == null ? "lsilogic" : declaredModel;
        String at = b.pci().place(address, "SCSI controller " + n);
        switch (model) {
            case "lsilogic" -> b.add("-device", "lsi,id=scsi" + n + at);
            case "virtio-scsi" -> b.add("-device", "virtio-scsi-pci,id=scsi" + n + at);
            default -> throw unsupported("SCSI controller model '" + model + "'");
        }
        scsiModels.put(n, model);
        return model;
    }

    /** A USB device's {@code <address type='usb' bus='0' port='N'/>} as {@code ,port=N}. */
    String usbPort(AddressDef address, String device) {
        if (address == null) {
            return "";
        }
        if (!"usb".equals(address.getType())) {
            throw unsupported("address type '" + address.getType() + "' for " + device);
        }
        PciSlots.number("USB bus", address.getBus(), 0);
        if (address.getDomain() != null || address.getSlot() != null || address.getFunction() != null
                || address.getController() != null || address.getTarget() != null || address.getUnit() != null) {
            throw unsupported("a USB address with PCI or drive attributes, for " + device);
        }
        // Ports behind a <hub> (1.2) are refused with the hub; the root hub has usbPorts() ports.
        int port = PciSlots.number("USB port", address.getPort(), usbPorts);
        if (port == 0) {
            throw unsupported("USB port '0' for " + device);
        }
        return ",port=" + port;
    }
}
