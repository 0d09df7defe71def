package io.jvirt.driver.kvm;

import static io.jvirt.driver.kvm.QemuEscaping.escape;
import static io.jvirt.driver.kvm.QemuEscaping.requirePrintable;
import static io.jvirt.driver.kvm.QemuEscaping.unsupported;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jvirt.xml.AddressDef;
import io.jvirt.xml.DevicesDef;
import io.jvirt.xml.DiskDef;
import java.util.regex.Pattern;

/**
 * Disks: each image or host block device as a protocol node and a format node
 * ({@code -blockdev}, raw or qcow2), and the device the guest sees on its bus (virtio, IDE,
 * SATA, SCSI, floppy, USB), placed by its address or its target name as libvirt places it.
 */
final class QemuDisks {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final QemuCommandLine b;
    private static final Pattern DISK_TARGET = Pattern.compile("(vd|hd|sd|fd)([a-z]{1,2})");
    private int nextNode = 1;

    QemuDisks(QemuCommandLine b) {
        this.b = b;
    }


    void build(DevicesDef devices) {
        for (DiskDef disk : devices.getDisks()) {
            disk(disk);
        }
    }

    private void disk(DiskDef disk) {
        String dev = disk.getTarget() == null ? null : disk.getTarget().getDev();
        var m = dev == null ? null : DISK_TARGET.matcher(dev);
        if (m == null || !m.matches()) {
            throw unsupported("disk target '" + dev + "'");
        }
        int index = letters(m.group(2));
        String bus = disk.getTarget().getBus() != null ? disk.getTarget().getBus()
                : switch (m.group(1)) {
                    case "vd" -> "virtio";
                    case "hd" -> "ide";
                    case "fd" -> "fdc";
                    default -> "scsi";
                };
        String type = disk.getType() == null ? "file" : disk.getType();
        String device = disk.getDevice() == null ? "disk" : disk.getDevice();
        if (!type.equals("file") && !type.equals("block")) {
            throw unsupported("disk type '" + type + "' (only 'file' and 'block' for now)");
        }
        if (!device.equals("disk") && !device.equals("cdrom") && !device.equals("floppy")) {
            throw unsupported("disk device '" + device + "'");
        }
        if (device.equals("floppy") != bus.equals("fdc")) {
            throw unsupported("a " + device + " on the " + bus + " bus");
        }
        boolean cdrom = device.equals("cdrom");
        boolean readOnly = disk.isReadonly() || cdrom;
        String file = disk.getSource() == null ? null
                : type.equals("file") ? disk.getSource().getFile() : disk.getSource().getDev();
        if (disk.getSource() != null && (type.equals("file") ? disk.getSource().getDev() : disk.getSource().getFile()) != null) {
            throw unsupported("a " + type + " disk '" + dev + "' with a source " + (type.equals("file") ? "dev" : "file"));
        }
        if (file == null && !cdrom) {
            throw unsupported("disk '" + dev + "' has no source " + (type.equals("file") ? "file" : "device"));
        }
        String format = null;
        DiskCache cache = DiskCache.DEFAULT;
        if (disk.getDriver() != null) {
            String driverName = disk.getDriver().getName();
            if (driverName != null && !driverName.equals("qemu")) {
                throw unsupported("disk driver name '" + driverName + "'");
            }
            format = disk.getDriver().getType();
            cache = DiskCache.of(disk.getDriver().getCache());
        }
        format = format == null ? "raw" : format;
        if (!bus.equals("virtio") && disk.getDriver() != null && disk.getDriver().getExtraAttribute("iothread") != null) {
            throw unsupported("an iothread for " + bus + " disk '" + dev + "' (virtio disks only)");
        }
        if (!format.equals("raw") && !format.equals("qcow2")) {
            throw unsupported("disk format '" + format + "' (raw and qcow2 are supported)");
        }

        String formatNode = null;
        if (file != null) {
            int n = nextNode++;
            String storage = "libvirt-" + n + "-storage";
            formatNode = "libvirt-" + n + "-format";
            QemuEscaping.checkPath("disk source", file);
            // A host block device is opened as one (host_cdrom lets QEMU follow media changes).
            String protocol = type.equals("file") ? "file" : cdrom ? "host_cdrom" : "host_device";
            ObjectNode proto = JSON.createObjectNode().put("driver", protocol).put("filename", file)
                    .put("node-name", storage).put("auto-read-only", true).put("discard", "unmap");
            ObjectNode fmt = JSON.createObjectNode().put("node-name", formatNode)
                    .put("read-only", readOnly).put("driver", format).put("file", storage);
            cache.blockdev(proto);
            cache.blockdev(fmt);
            // JSON syntax, as libvirt uses for -blockdev: any file name passes unescaped.
            b.add("-blockdev", proto.toString());
            b.add("-blockdev", fmt.toString());
        }

        AddressDef address = disk.getAddress();
        StringBuilder d = new StringBuilder();
        switch (bus) {
            case "virtio" -> {
                if (cdrom) {
                    throw unsupported("a CD-ROM on the virtio bus");
                }
                d.append("virtio-blk-pci").append(b.pci().place(address, "disk '" + dev + "'"));
                String iothread = disk.getDriver() == null ? null : disk.getDriver().getExtraAttribute("iothread");
                if (iothread != null) {
                    int id = QemuCommandLine.positive("disk iothread", iothread);
                    if (!b.iothreadIds().contains(id)) {
                        throw unsupported("disk '" + dev + "' names iothread " + id + ", which the domain lacks");
                    }
                    d.append(",iothread=iothread").append(id);
                }
                d.append(",drive=").append(formatNode).append(",id=virtio-disk").append(index);
            }
            case "ide", "sata" -> {
                if (bus.equals("ide") && b.q35()) {
                    throw unsupported("IDE disks on " + b.machine() + " (use bus='sata')");
                }
                if (bus.equals("sata") && !b.q35()) {
                    throw unsupported("SATA disks on " + b.machine() + " (use a q35 machine)");
                }
                if (disk.isReadonly() && !cdrom) {
                    throw unsupported("readonly " + bus + " disks");
                }
                // libvirt places a disk by its <address type='drive'>, else by its target name.
                int ideBus = bus.equals("ide") ? index / 2 : 0;
                int unit = bus.equals("ide") ? index % 2 : index;
                if (address != null) {
                    drive(address, dev, bus);
                    ideBus = PciSlots.number("address bus", address.getBus(), bus.equals("ide") ? 1 : 0);
                    unit = PciSlots.number("address unit", address.getUnit(), bus.equals("ide") ? 1 : 5);
                } else if (index >= (bus.equals("ide") ? 4 : 6)) {
                    throw unsupported("disk target '" + dev + "' beyond the " + (bus.equals("ide") ? 4 : 6)
                            + " " + bus + " slots");
                }
                d.append(cdrom ? "ide-cd" : "ide-hd");
                if (bus.equals("ide")) {
                    d.append(",bus=ide.").append(ideBus).append(",unit=").append(unit);
                } else {
                    d.append(",bus=ide.").append(unit);
                }
                if (formatNode != null) {
                    d.append(",drive=").append(formatNode);
                }
                d.append(",id=").append(bus.equals("ide")
                        ? "ide0-" + ideBus + "-" + unit : "sata0-0-" + unit);
            }
            case "scsi" -> {
                int controller = address == null ? 0 : PciSlots.number("address controller", address.getController(), 31);
                boolean lsi = b.controllers().scsiController(controller, null, null).equals("lsilogic");
                // lsilogic has one LUN per target, so libvirt puts its unit in scsi-id.
                int target = 0;
                int unit = index;
                if (address != null) {
                    drive(address, dev, bus);
                    target = PciSlots.number("address target", address.getTarget(), lsi ? 0 : 255);
                    unit = PciSlots.number("address unit", address.getUnit(), lsi ? 6 : 16383);
                } else if (lsi && index >= 7) {
                    throw unsupported("disk target '" + dev + "' beyond the 7 lsilogic targets");
                }
                d.append(cdrom ? "scsi-cd" : "scsi-hd");
                d.append(",bus=scsi").append(controller).append(".0");
                if (lsi) {
                    d.append(",scsi-id=").append(unit);
                } else {
                    d.append(",channel=0,scsi-id=").append(target).append(",lun=").append(unit);
                }
                if (formatNode != null) {
                    d.append(",drive=").append(formatNode);
                }
                d.append(",id=scsi").append(controller).append("-0-").append(target).append("-").append(unit);
            }
            case "fdc" -> {
                // The i440FX's built-in ISA floppy controller has drives A and B.
                if (b.q35()) {
                    throw unsupported("floppy disks on " + b.machine());
                }
                int unit = index;
                if (address != null) {
                    drive(address, dev, bus);
                    unit = PciSlots.number("address unit", address.getUnit(), 1);
                } else if (index > 1) {
                    throw unsupported("floppy target '" + dev + "' beyond drives A and B");
                }
                d.append("floppy,unit=").append(unit);
                if (formatNode != null) {
                    d.append(",drive=").append(formatNode);
                }
                d.append(",id=fdc0-0-").append(unit);
                if (disk.getSerial() != null) {
                    throw unsupported("a serial number for floppy '" + dev + "'");
                }
                cache.device(d);
                Integer boot = b.bootOrder(disk, disk.getBoot());
                b.add("-device", d.toString());
                if (boot != null) {
                    b.add("-global", "isa-fdc.bootindex" + (unit == 0 ? "A" : "B") + "=" + boot); // the drive has none
                }
                return;
            }
            case "usb" -> {
                if (cdrom) {
                    throw unsupported("a CD-ROM on the USB bus");
                }
                if (!b.controllers().hasUsb()) {
                    throw unsupported("USB disk '" + dev + "' without a USB controller");
                }
                d.append("usb-storage,bus=usb.0").append(b.controllers().usbPort(address, "USB disk '" + dev + "'"))
                        .append(",drive=").append(formatNode).append(",id=usb-disk").append(index);
            }
            default -> throw unsupported("disk bus '" + bus + "'");
        }
        if (disk.getSerial() != null) {
            d.append(",serial=").append(escape(requirePrintable("disk serial", disk.getSerial())));
        }
        cache.device(d);
        b.bootIndex(d, disk, disk.getBoot());
        b.add("-device", d.toString());
    }

    /** A disk's {@code <address type='drive'>}: on the first (only) controller and its bus 0. */
    private static void drive(AddressDef address, String dev, String bus) {
        if (!"drive".equals(address.getType())) {
            throw unsupported("address type '" + address.getType() + "' for " + bus + " disk '" + dev + "'");
        }
        if (address.getPort() != null || address.getSlot() != null || address.getFunction() != null) {
            throw unsupported("a drive address with a port, slot or function, for disk '" + dev + "'");
        }
        if (!bus.equals("scsi")) {
            PciSlots.number("address controller", address.getController(), 0);
        }
        if (!bus.equals("ide")) {
            PciSlots.number("address bus", address.getBus(), 0);
        }
        if (!bus.equals("scsi")) {
            PciSlots.number("address target", address.getTarget(), 0);
        }
    }

    private static int letters(String s) {
        int n = 0;
        for (char c : s.toCharArray()) {
            n = n * 26 + (c - 'a' + 1);
        }
        return n - 1;
    }
}
