package io.jvirt.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * A hand-written domain that uses every typed field of the model, plus elements and attributes
 * the model does not type (hypervisor namespaces, metadata, devices without a class), survives
 * parse, format and parse with its content intact.
 */
class DomainRoundTripTest {
    private static final String QEMU_NS = "http://libvirt.org/schemas/domain/qemu/1.0";
    private static final String EVERYTHING = Fixtures.read("domain-everything.xml");

    @Test
    void contentSurvivesParseFormatParse() {
        String formatted = LibvirtXml.format(LibvirtXml.parseDomain(EVERYTHING));
        String again = LibvirtXml.format(LibvirtXml.parseDomain(formatted));

        assertEquals(XmlTrees.canonical(EVERYTHING), XmlTrees.canonical(formatted));
        assertEquals(formatted, again, "formatting must be a fixed point");
    }

    @Test
    void theComparisonNoticesLosses() {
        // The round-trip test is only as good as its comparison: prove it can fail.
        String base = EVERYTHING;
        assertNotEquals(XmlTrees.canonical(base),
                XmlTrees.canonical(base.replace(" snapshot='external'", "")), "a dropped attribute");
        assertNotEquals(XmlTrees.canonical(base),
                XmlTrees.canonical(base.replace("<qemu:arg value='parameter'/>", "")),
                "a dropped namespaced element");
        assertNotEquals(XmlTrees.canonical(base),
                XmlTrees.canonical(base.replace("web tier", "x").replace("fooish", "foo")),
                "changed metadata text");
        assertNotEquals(XmlTrees.canonical(base), XmlTrees.canonical(base.replace(
                "<qemu:arg value='-newarg'/>\n    <qemu:arg value='parameter'/>",
                "<qemu:arg value='parameter'/>\n    <qemu:arg value='-newarg'/>")),
                "reordered arguments");
    }

    @Test
    void typedFieldsAreRead() {
        DomainDef def = LibvirtXml.parseDomain(EVERYTHING);

        assertEquals("kvm", def.getType());
        assertEquals(7, def.getId());
        assertEquals("everything", def.getName());
        assertEquals("c7a5fdbd-edaf-9455-926a-d65c16db1809", def.getUuid());
        assertEquals("43dc0cf8-809b-4adb-9bea-a9abb5f3d90d", def.getGenid());
        assertEquals("Every typed field", def.getTitle());
        assertEquals("Spans\ntwo lines & has 'quotes'", def.getDescription());
        assertEquals(2, def.getMetadata().getExtraElements().size());
        assertEquals("16", def.getMaxMemory().getSlots());
        assertEquals(1524288, def.getMaxMemory().toKiB());
        assertEquals("on", def.getMemory().getDumpCore());
        assertEquals(219136, def.getMemoryKiB());
        assertEquals(219136, def.getCurrentMemoryKiB());
        assertEquals(2, def.getVcpuCount());
        assertEquals("static", def.getVcpu().getPlacement());
        assertEquals("0-1", def.getVcpu().getCpuset());
        assertEquals("1", def.getVcpu().getCurrent());
        assertEquals("/usr/bin/pygrub", def.getBootloader());
        assertEquals("--append single", def.getBootloaderArgs());

        OsDef os = def.getOs();
        assertEquals("efi", os.getFirmware());
        assertEquals("hvm", def.getOsType());
        assertEquals("x86_64", os.getArch());
        assertEquals("pc-q35-7.2", os.getType().getMachine());
        assertEquals("yes", os.getLoader().getReadonly());
        assertEquals("yes", os.getLoader().getSecure());
        assertEquals("pflash", os.getLoader().getType());
        assertEquals("/usr/share/OVMF/OVMF_CODE.secboot.fd", os.getLoader().getText());
        assertEquals("/usr/share/OVMF/OVMF_VARS.fd", os.getNvram().getTemplate());
        assertEquals("/boot/vmlinuz", os.getKernel());
        assertEquals("/boot/initrd.img", os.getInitrd());
        assertEquals("console=ttyS0 root=/dev/vda1 quiet", os.getCmdline());
        assertEquals("/boot/board.dtb", os.getDtb());
        assertEquals("/dev/vda1", os.getRoot());
        assertEquals(List.of("cdrom", "hd"), os.getBoots().stream().map(BootDeviceDef::getDev).toList());
        assertEquals("yes", os.getBootMenu().getEnable());
        assertEquals("3000", os.getBootMenu().getTimeout());
        assertNotNull(os.getExtraElement("smbios"));

        FeaturesDef features = def.getFeatures();
        assertTrue(features.isAcpiEnabled());
        assertTrue(features.isApicEnabled());
        assertEquals("on", features.getApic().getExtraAttribute("eoi"));
        assertTrue(features.isPaeEnabled());
        assertTrue(features.isHapEnabled());
        assertTrue(features.isViridianEnabled());
        assertNotNull(features.getExtraElement("hyperv"));

        CpuDef cpu = def.getCpu();
        assertEquals("custom", cpu.getMode());
        assertEquals("exact", cpu.getMatch());
        assertEquals("partial", cpu.getCheck());
        assertEquals("Skylake-Client", cpu.getModel().getText());
        assertEquals("forbid", cpu.getModel().getFallback());
        assertEquals("Intel", cpu.getVendor());
        assertEquals("2", cpu.getTopology().getCores());
        assertEquals("hle", cpu.getFeatures().get(1).getName());
        assertEquals("disable", cpu.getFeatures().get(1).getPolicy());

        assertEquals("variable", def.getClock().getOffset());
        assertEquals("-3600", def.getClock().getAdjustment());
        assertEquals(2, def.getClock().getTimers().size());
        assertEquals("preserve", def.getOnPoweroff());
        assertEquals("restart", def.getOnReboot());
        assertEquals("coredump-restart", def.getOnCrash());
    }

    @Test
    void typedDevicesAreRead() {
        DomainDef def = LibvirtXml.parseDomain(EVERYTHING);
        DevicesDef devices = def.getDevices();

        assertEquals("/usr/bin/qemu-system-x86_64", devices.getEmulator());
        DiskDef disk = def.getDisks().get(0);
        assertEquals("file", disk.getType());
        assertEquals("disk", disk.getDevice());
        assertEquals("qcow2", disk.getDriver().getType());
        assertEquals("none", disk.getDriver().getCache());
        assertEquals("/var/lib/libvirt/images/everything.qcow2", disk.getSourcePath());
        assertEquals("optional", disk.getSource().getStartupPolicy());
        assertEquals("vda", disk.getTargetDev());
        assertEquals("virtio", disk.getTarget().getBus());
        assertTrue(disk.isShareable());
        assertFalse(disk.isReadonly());
        assertEquals("WD-WMAP9A966149", disk.getSerial());
        assertEquals("1", disk.getBoot().getOrder());
        assertEquals("virtio-disk0", disk.getAlias().getName());
        assertEquals("0x04", disk.getAddress().getSlot());
        assertEquals("external", disk.getExtraAttribute("snapshot"));
        assertEquals("boot-disk", disk.getExtraAttributes().get(new QName("urn:example:ext", "tag")));
        DiskDef rbd = def.getDisks().get(1);
        assertEquals("rbd", rbd.getSource().getProtocol());
        assertEquals("pool/image", rbd.getSourcePath());
        assertEquals(2, rbd.getSource().getExtraElements("host").size());
        DiskDef cdrom = def.getDisks().get(2);
        assertEquals("isos", cdrom.getSource().getPool());
        assertEquals("debian.iso", cdrom.getSource().getVolume());
        assertTrue(cdrom.isReadonly());
        assertEquals("drive", cdrom.getAddress().getType());

        assertEquals(3, devices.getControllers().size());
        assertEquals("pcie-root", devices.getControllers().get(1).getModel());
        assertEquals("/srv/share", devices.getFilesystems().get(0).getSource().getDir());
        assertEquals("share", devices.getFilesystems().get(0).getTarget().getDir());
        assertTrue(devices.getFilesystems().get(0).isReadonly());

        DomainInterfaceDef nic = def.getInterfaces().get(0);
        assertEquals("network", nic.getType());
        assertEquals("52:54:00:e5:48:58", nic.getMacAddress());
        assertEquals("default", nic.getSource().getNetwork());
        assertEquals("web", nic.getSource().getPortgroup());
        assertEquals("vnet0", nic.getTarget().getDev());
        assertEquals("virtio", nic.getModel().getType());
        assertEquals("9000", nic.getMtu().getSize());
        assertEquals("2", nic.getBoot().getOrder());
        DomainInterfaceDef tap = def.getInterfaces().get(1);
        assertEquals(2, tap.getIps().size());
        assertEquals("ipv6", tap.getIps().get(1).getFamily());
        assertEquals("/etc/qemu-ifup", tap.getScript().getPath());
        assertEquals("bridge", def.getInterfaces().get(2).getSource().getMode());

        assertEquals("pty", devices.getSerials().get(0).getType());
        assertEquals("isa-serial", devices.getSerials().get(0).getTarget().getType());
        assertEquals(2, devices.getSerials().get(1).getSources().size());
        assertEquals("serial", devices.getConsoles().get(0).getTarget().getType());
        CharDeviceDef channel = devices.getChannels().get(0);
        assertEquals("bind", channel.getSource().getMode());
        assertEquals("org.qemu.guest_agent.0", channel.getTarget().getName());
        assertEquals("tablet", devices.getInputs().get(0).getType());
        assertEquals("usb", devices.getInputs().get(0).getBus());
        GraphicsDef vnc = devices.getGraphics().get(0);
        assertEquals("5900", vnc.getPort());
        assertEquals("no", vnc.getAutoport());
        assertEquals("127.0.0.1", vnc.getListen());
        assertEquals("virtio", devices.getVideos().get(0).getModel().getType());
        assertEquals("yes", devices.getVideos().get(0).getModel().getPrimary());
        HostdevDef hostdev = devices.getHostdevs().get(0);
        assertEquals("usb", hostdev.getType());
        assertEquals("3", hostdev.getBoot().getOrder());
        assertEquals("virtio", devices.getMemballoon().getModel());
        assertEquals("/dev/urandom", devices.getRngs().get(0).getBackend().getText());
        assertEquals(List.of("sound", "watchdog", "tpm"), devices.getExtraElements().stream()
                .map(Element::getLocalName).toList());
    }

    @Test
    void untypedContentIsKeptAndWrittenWhereLibvirtWould() {
        DomainDef def = LibvirtXml.parseDomain(EVERYTHING);
        Element commandline = def.getExtraElement(QEMU_NS, "commandline");
        assertNotNull(commandline);
        assertEquals(3, commandline.getChildNodes().getLength());

        String xml = LibvirtXml.format(def);
        // Namespaces are declared on the root, after type and id, as libvirt does for its
        // hypervisor namespaces (in order of first use: ext:tag on a disk comes first).
        assertTrue(xml.startsWith("<domain type='kvm' id='7' xmlns:ext='urn:example:ext'"
                + " xmlns:qemu='" + QEMU_NS + "'>\n"), xml);
        assertTrue(xml.contains("\n  <qemu:commandline>\n    <qemu:arg value='-newarg'/>\n"), xml);
        // Namespaced content keeps its mixed text exactly.
        assertTrue(xml.contains("<ext:note level='2'>kept <ext:b>verbatim</ext:b></ext:note>"), xml);
        // <metadata> is written the way libxml2 dumps it: double quotes.
        assertTrue(xml.contains("<app1:foo xmlns:app1=\"http://app1.org/app1/\" state=\"1\">"
                + "fooish<app1:bar/></app1:foo>"), xml);
        // Devices without a class go where libvirt puts them: sound after graphics.
        assertTrue(xml.indexOf("<sound model='ich9'/>") > xml.indexOf("</graphics>"));
        assertTrue(xml.indexOf("<sound model='ich9'/>") < xml.indexOf("<video>"));
        assertTrue(xml.indexOf("<tpm model='tpm-crb'>") < xml.indexOf("<graphics"));
        assertTrue(xml.indexOf("\n  <seclabel type='dynamic'") > xml.indexOf("</devices>"));
    }

    @Test
    void modelChangesAreFormatted() {
        DomainDef def = LibvirtXml.parseDomain(EVERYTHING);
        def.setName("renamed");
        def.setId(null);
        DiskDef disk = new DiskDef("file", "disk");
        disk.setSource(new DiskSourceDef());
        disk.getSource().setFile("/tmp/new.img");
        disk.setTarget(new DiskTargetDef("vdz", "virtio"));
        disk.setReadonly(true);
        def.getDisks().add(disk);
        def.getDisks().get(0).getExtraAttributes().clear();

        String xml = LibvirtXml.format(def);

        assertTrue(xml.startsWith("<domain type='kvm' xmlns:qemu="), xml);
        assertTrue(xml.contains("<name>renamed</name>"));
        assertTrue(xml.contains("    <disk type='file' device='disk'>\n"
                + "      <source file='/tmp/new.img'/>\n"
                + "      <target dev='vdz' bus='virtio'/>\n"
                + "      <readonly/>\n"
                + "    </disk>\n"), xml);
        assertFalse(xml.contains("snapshot="));
        // ext:tag is gone, so is its namespace's only use on a libvirt element; ext:note remains.
        assertNull(LibvirtXml.parseDomain(xml).getDisks().get(0).getExtraAttribute("snapshot"));
    }

    @Test
    void copyIsDeepAndEqual() {
        DomainDef def = LibvirtXml.parseDomain(EVERYTHING);
        DomainDef copy = LibvirtXml.copy(def);
        copy.getDisks().get(0).getTarget().setDev("vdq");

        assertEquals("vda", def.getDisks().get(0).getTargetDev());
        assertEquals(LibvirtXml.format(def), LibvirtXml.format(LibvirtXml.copy(def)));
    }
}
