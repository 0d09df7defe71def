package io.jvirt.driver.kvm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jvirt.DomainModification;
import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.Flag;
import io.jvirt.VirtException;
import io.jvirt.driver.kvm.qmp.QmpClient;
import io.jvirt.driver.kvm.qmp.QmpEvent;
import io.jvirt.spi.ModificationImpact;
import io.jvirt.xml.AddressDef;
import io.jvirt.xml.DeviceDef;
import io.jvirt.xml.DiskDef;
import io.jvirt.xml.DomainDef;
import io.jvirt.xml.DomainInterfaceDef;
import io.jvirt.xml.LibvirtXml;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * attachDevice/detachDevice for disks and NICs, as libvirt's qemu_hotplug.c: a disk is a
 * storage and a format block node plus a virtio-blk-pci device, a NIC a user-mode netdev plus
 * its PCI device. Unplugging needs the guest: QEMU asks it (ACPI) and reports DEVICE_DELETED
 * once it let go; the driver waits {@link #UNPLUG_WAIT} for that, as libvirt's
 * QEMU_UNPLUG_TIMEOUT, and otherwise finishes the removal when the event comes. Each
 * hot-plugged device gets an explicit PCI slot, kept in the live XML, so that a restore puts it
 * back where the guest saw it. A failed attach takes back whatever it had added. Called with the
 * domain locked.
 */
final class QemuHotplug {
    static final Duration UNPLUG_WAIT = Duration.ofSeconds(5);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final Pattern VIRTIO_TARGET = Pattern.compile("vd([a-z]{1,2})");
    static final Pattern NODE = Pattern.compile("libvirt-(\\d+)-(storage|format)");

    private QemuHotplug() {
    }

    /** The one disk or interface a device document holds. */
    private record Device(DiskDef disk, DomainInterfaceDef nic) {
        DeviceDef def() {
            return disk != null ? disk : nic;
        }

        String describe() {
            return disk != null ? "disk " + disk.getTargetDev() : "interface " + nic.getMacAddress();
        }
    }

    static void attach(QemuHost host, QemuDomain d, String xml, Set<DomainModification> flags) {
        checkFlags(flags, "qemuDomainAttachDeviceFlags");
        ModificationImpact impact = ModificationImpact.of(d.isActive(), d.isPersistent(), flags);
        DomainDef config = null;
        if (impact.config()) {
            config = LibvirtXml.copy(d.persistentDef());
            Device dev = parse(xml);
            QemuDomainDefaults.fillMac(dev.nic);
            checkNew(config, dev);
            add(config, dev);
            QemuCommandLine.build(config, host.caps(config), host.runDir.resolve("check.sock"));
        }
        if (impact.live()) {
            Device dev = parse(xml);
            if (config != null && dev.nic != null && dev.nic.getMacAddress() == null) {
                // the same NIC on both sides: the MAC the config got
                List<DomainInterfaceDef> nics = config.getInterfaces();
                dev.nic.setMacAddress(nics.get(nics.size() - 1).getMacAddress());
            }
            QemuDomainDefaults.fillMac(dev.nic);
            attachLive(host, d, dev);
        }
        if (config != null) {
            host.writeConfig(d.name, config);
            d.setPersistentDef(config);
        }
    }

    static void detach(QemuHost host, QemuDomain d, String xml, Set<DomainModification> flags) {
        checkFlags(flags, "qemuDomainDetachDeviceFlags");
        ModificationImpact impact = ModificationImpact.of(d.isActive(), d.isPersistent(), flags);
        Device dev = parse(xml);
        DomainDef config = null;
        if (impact.config()) {
            config = LibvirtXml.copy(d.persistentDef());
            remove(config, find(config, dev));
        }
        if (impact.live()) {
            detachLive(host, d, find(d.run.def(), dev));
        }
        if (config != null) {
            host.writeConfig(d.name, config);
            d.setPersistentDef(config);
        }
    }

    // ---- live ----

    private static void attachLive(QemuHost host, QemuDomain d, Device dev) {
        QemuRun run = d.run;
        DomainDef live = LibvirtXml.copy(run.def());
        checkNew(live, dev);
        if (dev.disk != null) {
            checkPluggable(dev.disk);
        } else {
            checkPluggable(dev.nic);
        }
        int slot = freeSlot(run.monitor());
        AddressDef address = new AddressDef();
        address.setType("pci");
        address.setDomain("0x0000");
        address.setBus("0x00");
        address.setSlot(String.format("0x%02x", slot));
        address.setFunction("0x0");
        dev.def().setAddress(address);
        add(live, dev);
        // The builder checks what QEMU can't be given, as at start; its argv is not used.
        QemuCommandLine.build(live, host.caps(live), host.runDir.resolve("check.sock"));
        String bus = "0x" + Integer.toHexString(slot);
        if (dev.disk != null) {
            plugDisk(run.monitor(), dev.disk, bus);
        } else {
            plugNic(run.monitor(), dev.nic, bus);
        }
        add(run.def(), dev);
        host.writeStatus(d);
    }

    /** libvirt's words for the disks QEMU can't take while running (only virtio-blk here). */
    private static void checkPluggable(DiskDef disk) {
        if (!"virtio".equals(bus(disk))) {
            throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                    "disk bus '" + bus(disk) + "' cannot be hotplugged.");
        }
        if (!"disk".equals(disk.getDevice() == null ? "disk" : disk.getDevice())) {
            throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                    "disk device='" + disk.getDevice() + "' cannot be hotplugged.");
        }
    }

    /** Only user-mode NICs: their netdev is all QEMU needs, nothing on the host to set up or tear down. */
    private static void checkPluggable(DomainInterfaceDef nic) {
        if (!"user".equals(nic.getType())) {
            throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                    "live attach and detach of interface type '" + nic.getType()
                            + "' is not supported by the QEMU driver (only 'user')");
        }
    }

    private static void plugDisk(QmpClient qmp, DiskDef disk, String addr) {
        int n = freeNodeIndex(qmp);
        String storage = "libvirt-" + n + "-storage";
        String format = "libvirt-" + n + "-format";
        String driver = disk.getDriver() == null || disk.getDriver().getType() == null ? "raw" : disk.getDriver().getType();
        qmp.execute("blockdev-add", JSON.objectNode().put("driver", "file")
                .put("filename", disk.getSource().getFile()).put("node-name", storage)
                .put("auto-read-only", true).put("discard", "unmap"));
        try {
            qmp.execute("blockdev-add", JSON.objectNode().put("node-name", format)
                    .put("read-only", disk.isReadonly()).put("driver", driver).put("file", storage));
            try {
                ObjectNode device = JSON.objectNode().put("driver", "virtio-blk-pci").put("drive", format)
                        .put("id", diskId(disk)).put("bus", "pci.0").put("addr", addr);
                if (disk.getSerial() != null) {
                    device.put("serial", disk.getSerial());
                }
                qmp.execute("device_add", device);
            } catch (RuntimeException e) {
                undo(qmp, "blockdev-del", "node-name", format, e);
                throw e;
            }
        } catch (RuntimeException e) {
            undo(qmp, "blockdev-del", "node-name", storage, e);
            throw e;
        }
    }

    private static void plugNic(QmpClient qmp, DomainInterfaceDef nic, String addr) {
        int k = 0;
        Set<String> ids = peripheralIds(qmp);
        while (ids.contains("net" + k)) {
            k++;
        }
        String netdev = "hostnet" + k;
        qmp.execute("netdev_add", JSON.objectNode().put("type", "user").put("id", netdev));
        try {
            qmp.execute("device_add", JSON.objectNode().put("driver", nicDriver(nic)).put("netdev", netdev)
                    .put("id", "net" + k).put("mac", nic.getMacAddress().toLowerCase(Locale.ROOT))
                    .put("bus", "pci.0").put("addr", addr));
        } catch (RuntimeException e) {
            undo(qmp, "netdev_del", "id", netdev, e);
            throw e;
        }
    }

    private static void detachLive(QemuHost host, QemuDomain d, DeviceDef found) {
        QemuRun run = d.run;
        String id;
        Runnable release;
        if (found instanceof DiskDef disk) {
            if (!"virtio".equals(bus(disk))) {
                throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                        "This type of disk cannot be hot unplugged");
            }
            id = diskId(disk);
            String format = formatNodeOf(run.monitor(), id);
            release = () -> {
                if (format != null) {
                    run.monitor().execute("blockdev-del", JSON.objectNode().put("node-name", format));
                    run.monitor().execute("blockdev-del", JSON.objectNode().put("node-name",
                            format.replaceFirst("-format$", "-storage")));
                }
            };
        } else {
            DomainInterfaceDef nic = (DomainInterfaceDef) found;
            checkPluggable(nic);
            id = nicId(run.monitor(), nic.getMacAddress());
            String netdev = run.monitor().execute("qom-get", JSON.objectNode()
                    .put("path", "/machine/peripheral/" + id).put("property", "netdev")).asText();
            release = () -> run.monitor().execute("netdev_del", JSON.objectNode().put("id", netdev));
        }
        CompletableFuture<String> gone = new CompletableFuture<>();
        run.unplugs.put(id, gone);
        try {
            run.monitor().execute("device_del", JSON.objectNode().put("id", id));
        } catch (RuntimeException e) {
            run.unplugs.remove(id);
            throw e;
        }
        // Given DEVICE_DELETED's journal line: the status file written here accounts for it.
        Consumer<String> finish = eventLine -> {
            release.run();
            run.def().getDevices().getDisks().remove(found);
            run.def().getDevices().getInterfaces().remove(found);
            run.journalMark = eventLine;
            host.writeStatus(d);
        };
        try {
            finish.accept(gone.get(UNPLUG_WAIT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            // libvirt: the request stands; the guest may take its time. Finish on the event.
            run.pendingRemovals.put(id, finish);
            if (gone.isDone()) {
                run.pendingRemovals.remove(id);
                finish.accept(gone.join());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.pendingRemovals.put(id, finish);
        } catch (ExecutionException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, String.valueOf(e.getCause()), e);
        } finally {
            run.unplugs.remove(id);
        }
    }

    /**
     * QEMU's DEVICE_DELETED, taken before the domain lock (a detach waits for it holding that
     * lock): wakes the waiting detach, or finishes a removal that outlived its wait.
     */
    static void deviceDeleted(QemuDomain d, QemuRun run, QmpEvent event) {
        String id = event.data().path("device").asText(null);
        if (id == null) {
            return; // the event of a device's child (its virtio backend)
        }
        CompletableFuture<String> waiter = run.unplugs.get(id);
        if (waiter != null) {
            waiter.complete(event.line());
            return;
        }
        Consumer<String> late = run.pendingRemovals.remove(id);
        if (late != null) {
            CompletableFuture.runAsync(() -> {
                synchronized (d) {
                    if (d.run == run) {
                        late.accept(event.line());
                    }
                }
            });
        }
    }

    // ---- the definitions ----

    private static Device parse(String xml) {
        // One safe element first, so that wrapping it can't change its meaning.
        org.w3c.dom.Element root = LibvirtXml.parseElement(xml);
        String name = root.getLocalName();
        if (!"disk".equals(name) && !"interface".equals(name)) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                    "attaching and detaching device type '" + name + "' is not supported by the QEMU driver");
        }
        DomainDef wrapper = LibvirtXml.parseDomain("<domain type='qemu'><devices>"
                + LibvirtXml.formatElement(root) + "</devices></domain>");
        List<DiskDef> disks = wrapper.getDisks();
        List<DomainInterfaceDef> nics = wrapper.getInterfaces();
        return new Device(disks.isEmpty() ? null : disks.get(0), nics.isEmpty() ? null : nics.get(0));
    }

    private static void checkNew(DomainDef def, Device dev) {
        if (dev.disk != null) {
            for (DiskDef other : def.getDisks()) {
                if (Objects.equals(other.getTargetDev(), dev.disk.getTargetDev())) {
                    throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU,
                            "target " + dev.disk.getTargetDev() + " already exists");
                }
            }
        } else {
            for (DomainInterfaceDef other : def.getInterfaces()) {
                if (other.getMacAddress() != null
                        && other.getMacAddress().equalsIgnoreCase(dev.nic.getMacAddress())) {
                    throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU,
                            "mac address " + dev.nic.getMacAddress() + " already exists");
                }
            }
        }
    }

    private static void add(DomainDef def, Device dev) {
        if (dev.disk != null) {
            def.getOrCreateDevices().getDisks().add(dev.disk);
        } else {
            def.getOrCreateDevices().getInterfaces().add(dev.nic);
        }
    }

    private static void remove(DomainDef def, DeviceDef found) {
        def.getDevices().getDisks().remove(found);
        def.getDevices().getInterfaces().remove(found);
    }

    /** libvirt's lookup for detach: a disk by its target, an interface by its MAC. */
    private static DeviceDef find(DomainDef def, Device dev) {
        if (dev.disk != null) {
            for (DiskDef disk : def.getDisks()) {
                if (Objects.equals(disk.getTargetDev(), dev.disk.getTargetDev())) {
                    return disk;
                }
            }
            throw new VirtException(ErrorCode.DEVICE_MISSING, ErrorDomain.QEMU,
                    "disk " + dev.disk.getTargetDev() + " not found");
        }
        String mac = dev.nic.getMacAddress();
        List<DomainInterfaceDef> nics = def.getInterfaces();
        if (mac == null && nics.size() == 1) {
            return nics.get(0);
        }
        for (DomainInterfaceDef nic : nics) {
            if (mac != null && mac.equalsIgnoreCase(nic.getMacAddress())) {
                return nic;
            }
        }
        throw new VirtException(ErrorCode.DEVICE_MISSING, ErrorDomain.QEMU,
                mac == null ? "multiple or no interfaces match: give the MAC address"
                        : "no device matching MAC address " + mac + " found");
    }

    // ---- what QEMU has ----

    /** The lowest slot of the root PCI bus nothing occupies (0 and 1 hold the host and ISA bridges). */
    private static int freeSlot(QmpClient qmp) {
        Set<Integer> used = new HashSet<>();
        for (JsonNode bus : qmp.execute("query-pci")) {
            if (bus.path("bus").asInt(-1) == 0) {
                for (JsonNode dev : bus.path("devices")) {
                    used.add(dev.path("slot").asInt());
                }
            }
        }
        for (int slot = 2; slot < 32; slot++) {
            if (!used.contains(slot)) {
                return slot;
            }
        }
        throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, "no free PCI slot on the root bus");
    }

    private static int freeNodeIndex(QmpClient qmp) {
        int max = 0;
        for (JsonNode node : qmp.execute("query-named-block-nodes", JSON.objectNode().put("flat", true))) {
            Matcher m = NODE.matcher(node.path("node-name").asText(""));
            if (m.matches()) {
                max = Math.max(max, Integer.parseInt(m.group(1)));
            }
        }
        return max + 1;
    }

    static Set<String> peripheralIds(QmpClient qmp) {
        Set<String> ids = new HashSet<>();
        for (JsonNode p : qmp.execute("qom-list", JSON.objectNode().put("path", "/machine/peripheral"))) {
            ids.add(p.path("name").asText());
        }
        return ids;
    }

    /** The id of the NIC with {@code mac} in the running QEMU (qom's mac property). */
    private static String nicId(QmpClient qmp, String mac) {
        for (JsonNode p : qmp.execute("qom-list", JSON.objectNode().put("path", "/machine/peripheral"))) {
            String name = p.path("name").asText();
            if (!p.path("type").asText().startsWith("child<")) {
                continue;
            }
            try {
                String have = qmp.execute("qom-get", JSON.objectNode().put("path", "/machine/peripheral/" + name)
                        .put("property", "mac")).asText();
                if (have.equalsIgnoreCase(mac)) {
                    return name;
                }
            } catch (VirtException e) {
                // not a NIC: it has no mac property
            }
        }
        throw new VirtException(ErrorCode.DEVICE_MISSING, ErrorDomain.QEMU,
                "no device matching MAC address " + mac + " found in QEMU");
    }

    /** The format node under device {@code id}, from query-block. */
    private static String formatNodeOf(QmpClient qmp, String id) {
        for (JsonNode b : qmp.execute("query-block")) {
            String qdev = b.path("qdev").asText("");
            if (qdev.equals("/machine/peripheral/" + id) || qdev.startsWith("/machine/peripheral/" + id + "/")) {
                return b.path("inserted").path("node-name").asText(null);
            }
        }
        return null;
    }

    static String bus(DiskDef disk) {
        String dev = String.valueOf(disk.getTargetDev());
        if (disk.getTarget() != null && disk.getTarget().getBus() != null) {
            return disk.getTarget().getBus();
        }
        return dev.startsWith("vd") ? "virtio" : dev.startsWith("hd") ? "ide" : "scsi";
    }

    /** The builder's id for a virtio disk: virtio-disk and the target's index (vda → 0). */
    static String diskId(DiskDef disk) {
        Matcher m = VIRTIO_TARGET.matcher(String.valueOf(disk.getTargetDev()));
        if (!m.matches()) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                    "virtio disk target '" + disk.getTargetDev() + "'");
        }
        int n = 0;
        for (char c : m.group(1).toCharArray()) {
            n = n * 26 + (c - 'a' + 1);
        }
        return "virtio-disk" + (n - 1);
    }

    private static String nicDriver(DomainInterfaceDef nic) {
        String model = nic.getModel() == null ? "rtl8139" : String.valueOf(nic.getModel().getType());
        return switch (model) {
            case "virtio" -> "virtio-net-pci";
            case "e1000", "e1000e", "rtl8139" -> model;
            default -> throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                    "interface model '" + model + "'");
        };
    }

    private static void undo(QmpClient qmp, String command, String key, String value, RuntimeException cause) {
        try {
            qmp.execute(command, JSON.objectNode().put(key, value));
        } catch (RuntimeException again) {
            cause.addSuppressed(again);
        }
    }

    private static void checkFlags(Set<DomainModification> flags, String function) {
        long mask = Flag.mask(flags);
        long allowed = DomainModification.LIVE.value() | DomainModification.CONFIG.value();
        if ((mask & ~allowed) != 0) {
            throw VirtException.unsupportedFlags(ErrorDomain.QEMU, mask, function);
        }
    }
}
