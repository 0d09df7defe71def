package io.jvirt.driver.kvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.jvirt.Domain;
import io.jvirt.DomainModification;
import io.jvirt.DomainStateInfo;
import io.jvirt.DomainStateReason;
import io.jvirt.DomainXmlFlag;
import io.jvirt.ErrorCode;
import io.jvirt.Virt;
import io.jvirt.VirtException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Live attach and detach of disks and NICs, against real QEMU under TCG with a
 * {@link PowerButtonGuest}, which ejects what QEMU asks it to unplug as an ACPI OS does.
 */
class QemuHotplugIT extends EmbeddedQemuTest {
    private Domain boot(String name) throws Exception {
        return bootGuest(name, PowerButtonGuest.Answer.POWER_OFF, "");
    }

    private String diskXml(String target, Path file, String format) {
        return "<disk type='file' device='disk'><driver name='qemu' type='" + format + "'/>"
                + "<source file='" + file + "'/><target dev='" + target + "' bus='virtio'/></disk>";
    }

    private Path rawFile(String name) throws Exception {
        Path f = files.resolve(name);
        Files.write(f, new byte[1 << 20]);
        return f;
    }

    private List<String> blockNodes(Domain d) {
        List<String> names = new ArrayList<>();
        for (JsonNode n : qmp(d, "query-named-block-nodes", JsonNodeFactory.instance.objectNode().put("flat", true))) {
            names.add(n.path("node-name").asText());
        }
        return names;
    }

    private List<String> peripherals(Domain d) {
        List<String> names = new ArrayList<>();
        for (JsonNode n : qmp(d, "qom-list", JsonNodeFactory.instance.objectNode().put("path", "/machine/peripheral"))) {
            if (n.path("type").asText().startsWith("child<")) {
                names.add(n.path("name").asText());
            }
        }
        return names;
    }

    private String network(Domain d) {
        return qmp(d, "human-monitor-command", JsonNodeFactory.instance.objectNode()
                .put("command-line", "info network")).asText();
    }

    @Test
    void aDiskComesAndGoesLiveAndOnlyLive() throws Exception {
        Domain d = boot("disks");
        Path file = rawFile("extra.raw");
        d.attachDevice(diskXml("vdb", file, "raw"));

        assertTrue(peripherals(d).contains("virtio-disk1"), peripherals(d).toString());
        assertTrue(blockNodes(d).contains("libvirt-2-format"), blockNodes(d).toString());
        String live = d.xml();
        assertTrue(live.contains("<target dev='vdb' bus='virtio'/>"), live);
        assertTrue(live.contains("<address type='pci' domain='0x0000' bus='0x00' slot="), live);
        assertFalse(d.xml(DomainXmlFlag.INACTIVE).contains("vdb"), "a live attach leaves the config alone");

        d.detachDevice(diskXml("vdb", file, "raw"));

        assertFalse(peripherals(d).contains("virtio-disk1"), "the guest ejected it");
        assertFalse(blockNodes(d).contains("libvirt-2-format"), "its block nodes are gone: " + blockNodes(d));
        assertFalse(blockNodes(d).contains("libvirt-2-storage"));
        assertFalse(d.xml().contains("vdb"));
    }

    @Test
    void aNicComesAndGoesLiveAndConfig() throws Exception {
        Domain d = boot("nics");
        String nic = "<interface type='user'><mac address='52:54:00:aa:bb:cc'/><model type='virtio'/></interface>";
        d.attachDevice(nic, DomainModification.LIVE, DomainModification.CONFIG);

        assertTrue(network(d).contains("hostnet0"), network(d));
        assertTrue(peripherals(d).contains("net0"));
        assertTrue(d.xml().contains("52:54:00:aa:bb:cc"));
        assertTrue(d.xml(DomainXmlFlag.INACTIVE).contains("52:54:00:aa:bb:cc"));
        assertTrue(Files.readString(root.resolve("etc/qemu/nics.xml")).contains("52:54:00:aa:bb:cc"));

        d.detachDevice(nic, DomainModification.CONFIG);
        assertFalse(d.xml(DomainXmlFlag.INACTIVE).contains("52:54:00:aa:bb:cc"));
        assertTrue(d.xml().contains("52:54:00:aa:bb:cc"), "still plugged in");

        d.detachDevice(nic);
        assertFalse(network(d).contains("hostnet0"), network(d));
        assertFalse(peripherals(d).contains("net0"));
        assertFalse(d.xml().contains("52:54:00:aa:bb:cc"));
    }

    @Test
    void aFailedAttachLeavesNothingHalfAttached() throws Exception {
        Domain d = boot("failing");
        List<String> nodes = blockNodes(d);
        List<String> devices = peripherals(d);
        String xml = d.xml();

        // The storage node is added, the format node refused: the storage node goes again.
        Path raw = rawFile("notqcow.raw");
        VirtException e = assertThrows(VirtException.class, () -> d.attachDevice(diskXml("vdb", raw, "qcow2")));
        assertTrue(e.getMessage().contains("qcow2"), e.getMessage());
        refused(ErrorCode.INTERNAL_ERROR, () -> d.attachDevice(diskXml("vdc", files.resolve("missing.raw"), "raw")));

        assertEquals(nodes, blockNodes(d));
        assertEquals(devices, peripherals(d));
        assertEquals(xml, d.xml());
        assertEquals(DomainStateInfo.of(DomainStateReason.Running.BOOTED), d.state());
    }

    @Test
    void whatTheDriverCannotPlugIsRefused() throws Exception {
        Domain d = boot("refusing");
        Path raw = rawFile("r.raw");
        refused(ErrorCode.CONFIG_UNSUPPORTED, () -> d.attachDevice("<sound model='ich6'/>"));
        refused(ErrorCode.OPERATION_UNSUPPORTED, () -> d.attachDevice(
                "<disk type='file' device='disk'><source file='" + raw + "'/><target dev='hdb' bus='ide'/></disk>"));
        refused(ErrorCode.OPERATION_FAILED, () -> d.attachDevice(
                "<disk type='file' device='disk'><source file='" + raw + "'/><target dev='hda' bus='ide'/></disk>",
                DomainModification.CONFIG));
        refused(ErrorCode.DEVICE_MISSING, () -> d.detachDevice(diskXml("vdz", raw, "raw")));
        refused(ErrorCode.OPERATION_UNSUPPORTED, () -> d.attachDevice(
                "<interface type='network'><source network='default'/></interface>", DomainModification.LIVE));
        refused(ErrorCode.XML_ERROR, () -> d.attachDevice("<disk"));
        refused(ErrorCode.INVALID_ARG, () -> d.attachDevice(diskXml("vdb", raw, "raw"), DomainModification.MAXIMUM));
    }

    @Test
    void aHotPluggedDiskKeepsItsSlotThroughSaveAndRestore() throws Exception {
        Domain d = boot("travel");
        d.attachDevice(diskXml("vdb", rawFile("t.raw"), "raw"));
        String slot = slotOf(d, "virtio-disk1");
        Path save = files.resolve("travel.save");

        d.save(save);
        conn.restoreDomain(save);

        assertEquals(DomainStateInfo.of(DomainStateReason.Running.RESTORED), d.state());
        assertEquals(slot, slotOf(d, "virtio-disk1"));
        assertTrue(d.xml().contains("vdb"));
    }

    private String slotOf(Domain d, String id) {
        for (JsonNode bus : qmp(d, "query-pci", null)) {
            for (JsonNode dev : bus.path("devices")) {
                if (id.equals(dev.path("qdev_id").asText())) {
                    return dev.path("slot").asText();
                }
            }
        }
        throw new AssertionError(id + " is on no PCI bus");
    }

    /**
     * A booted guest, paused, whose disk vdb (file NAME.raw) QEMU was asked to unplug: a paused
     * guest can't eject anything, so the detach returned after its wait and the request stands,
     * as in libvirt.
     */
    private Domain bootWithPendingDetach(String name) throws Exception {
        Domain d = boot(name);
        Path file = rawFile(name + ".raw");
        d.attachDevice(diskXml("vdb", file, "raw"));
        d.suspend();
        d.detachDevice(diskXml("vdb", file, "raw"));
        return d;
    }

    @Test
    void aGuestThatTakesItsTimeFinishesTheDetachLater() throws Exception {
        Domain d = bootWithPendingDetach("slow");
        assertTrue(d.xml().contains("vdb"), "still there until the guest lets go");
        assertTrue(peripherals(d).contains("virtio-disk1"));

        d.resume();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (d.xml().contains("vdb") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertFalse(d.xml().contains("vdb"), "removed once the guest ejected it");
        assertFalse(blockNodes(d).contains("libvirt-2-format"), blockNodes(d).toString());
    }

    /**
     * A detach that outlived its wait and its process (one jvirsh command): the guest ejects the
     * disk while no process holds the monitor, so nobody hears DEVICE_DELETED. The next process
     * finds the disk gone on reconnect, as libvirt's qemuProcessUpdateDevices does.
     */
    @Test
    void aDiskTheGuestEjectedWhileNoProcessWatchedIsGoneOnReconnect() throws Exception {
        Domain d = bootWithPendingDetach("unwatched");
        Path monitor = root.resolve("run/qemu/" + d.uuid() + ".sock");
        conn.close();

        commandAndAwait(monitor, "cont", e -> e.name().equals("DEVICE_DELETED")
                && "virtio-disk1".equals(e.data().path("device").asText()), 20).close();

        conn = Virt.open(QemuEmbedDriverIT.uri(root));
        Domain back = conn.lookupDomainByName("unwatched");
        assertFalse(back.xml().contains("vdb"), back.xml());
        assertFalse(blockNodes(back).contains("libvirt-2-format"), "its block nodes are released: " + blockNodes(back));
        assertFalse(blockNodes(back).contains("libvirt-2-storage"));
        back.attachDevice(diskXml("vdb", rawFile("again.raw"), "raw")); // and the target can be plugged again
        assertTrue(peripherals(back).contains("virtio-disk1"));
    }

    /**
     * A NIC QEMU deleted while no process held its monitor (another client's device_del, the
     * guest ejecting it): the next process drops it from the live XML and releases its netdev,
     * as libvirt's qemuProcessUpdateDevices; the NIC can be plugged again.
     */
    @Test
    void aNicQemuDeletedWhileNoProcessWatchedIsGoneOnReconnect() throws Exception {
        Domain d = boot("nicgone");
        String nic = "<interface type='user'><mac address='52:54:00:aa:bb:dd'/><model type='virtio'/></interface>";
        d.attachDevice(nic);
        Path monitor = root.resolve("run/qemu/" + d.uuid() + ".sock");
        conn.close();

        commandAndAwait(monitor, "device_del", JsonNodeFactory.instance.objectNode().put("id", "net0"),
                e -> e.name().equals("DEVICE_DELETED") && "net0".equals(e.data().path("device").asText()), 20).close();

        conn = Virt.open(QemuEmbedDriverIT.uri(root));
        Domain back = conn.lookupDomainByName("nicgone");
        assertFalse(back.xml().contains("52:54:00:aa:bb:dd"), back.xml());
        assertFalse(network(back).contains("hostnet0"), "its netdev is released: " + network(back));
        back.attachDevice(nic);
        assertTrue(peripherals(back).contains("net0"));
        assertTrue(back.xml().contains("52:54:00:aa:bb:dd"));
    }
}
