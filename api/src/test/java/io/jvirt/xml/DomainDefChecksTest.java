package io.jvirt.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * libvirt's generic domain checks and defaults. Expected messages are what virsh 9.0 printed
 * for the same documents with {@code virsh -c test:///default define}.
 */
class DomainDefChecksTest {
    private static final DomainDefChecks TEST = DomainDefChecks.forArch("i686");

    private static DomainDef domain(String inner) {
        return LibvirtXml.parseDomain("<domain type='test'><name>c</name><memory>1024</memory>"
                + "<os><type>hvm</type></os>" + inner + "</domain>");
    }

    private static DomainDef defined(String inner) {
        DomainDef def = domain(inner);
        TEST.apply(def);
        return def;
    }

    private static VirtException rejected(DomainDef def, ErrorCode code, String message) {
        VirtException e = assertThrows(VirtException.class, () -> TEST.apply(def));
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(message, e.getMessage());
        return e;
    }

    private static VirtException rejected(String inner, ErrorCode code, String message) {
        return rejected(domain(inner), code, message);
    }

    // ---- checks ----

    @Test
    void nameIsRequired() {
        VirtException e = rejected(LibvirtXml.parseDomain(
                "<domain type='test'><memory>1024</memory><os><type>hvm</type></os></domain>"),
                ErrorCode.NO_NAME, "missing name information");
        assertEquals(ErrorDomain.DOMAIN, e.domain());
        rejected(LibvirtXml.parseDomain("<domain type='test'><name></name><memory>1</memory>"
                + "<os><type>hvm</type></os></domain>"), ErrorCode.NO_NAME, "missing name information");
    }

    @Test
    void typeIsRequiredAndKnown() {
        rejected(LibvirtXml.parseDomain("<domain><name>x</name><memory>1</memory>"
                + "<os><type>hvm</type></os></domain>"),
                ErrorCode.INTERNAL_ERROR, "internal error: missing domain type attribute");
        rejected(LibvirtXml.parseDomain("<domain type='vmm'><name>x</name><memory>1</memory>"
                + "<os><type>hvm</type></os></domain>"),
                ErrorCode.CONFIG_UNSUPPORTED, "unsupported configuration: invalid domain type vmm");
    }

    @Test
    void osTypeIsRequiredAndKnown() {
        rejected(LibvirtXml.parseDomain("<domain type='test'><name>x</name><memory>1024</memory>"
                + "</domain>"), ErrorCode.XML_ERROR, "XML error: an os <type> must be specified");
        rejected(LibvirtXml.parseDomain("<domain type='test'><name>x</name><memory>1024</memory>"
                + "<os><type>dos</type></os></domain>"), ErrorCode.CONFIG_UNSUPPORTED,
                "unsupported configuration: unknown OS type 'dos'");
        rejected(LibvirtXml.parseDomain("<domain type='test'><name>x</name><memory>1024</memory>"
                + "<os><type arch='z80'>hvm</type></os></domain>"), ErrorCode.CONFIG_UNSUPPORTED,
                "unsupported configuration: Unknown architecture z80");
    }

    @Test
    void aBootloaderImpliesXen() {
        DomainDef def = LibvirtXml.parseDomain("<domain type='xen'><name>pv</name>"
                + "<memory>1024</memory><bootloader>/usr/bin/pygrub</bootloader></domain>");
        TEST.apply(def);
        // libvirt writes the Xen PV type as "linux" for type='xen' (its back-compat hack).
        assertEquals("linux", def.getOsType());
        assertTrue(def.getOs().getBoots().isEmpty());
    }

    @Test
    void uuidIsCheckedReadLiberallyAndWrittenCanonically() {
        rejected("<uuid>zz</uuid>", ErrorCode.INTERNAL_ERROR, "internal error: malformed uuid element");
        rejected("<uuid>6695eb01-f6a4-8304-79aa-97f2502e193</uuid>", ErrorCode.INTERNAL_ERROR,
                "internal error: malformed uuid element");
        assertEquals("6695eb01-f6a4-8304-79aa-97f2502e193f",
                defined("<uuid> 6695EB01 F6A4-8304-79AA-97F2502E193F </uuid>").getUuid());
    }

    @Test
    void missingUuidIsGeneratedRandomly() {
        String a = defined("").getUuid();
        String b = defined("").getUuid();
        assertTrue(a.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), a);
        assertNotEquals(a, b);
    }

    @Test
    void genidIsGeneratedWhenEmptyAndCheckedOtherwise() {
        assertTrue(defined("<genid/>").getGenid().matches("[0-9a-f-]{36}"));
        rejected("<genid>nope</genid>", ErrorCode.INTERNAL_ERROR, "internal error: malformed genid element");
    }

    @Test
    void titleMayNotSpanLines() {
        rejected("<title>a\nb</title>", ErrorCode.XML_ERROR,
                "XML error: Domain title can't contain newlines");
    }

    @Test
    void memoryIsRequired() {
        VirtException e = rejected(LibvirtXml.parseDomain("<domain type='test'><name>x</name>"
                + "<os><type>hvm</type></os></domain>"), ErrorCode.XML_ERROR,
                "XML error: Memory size must be specified via <memory> or in the <numa> configuration");
        assertEquals(ErrorDomain.DOMAIN, e.domain());
        rejected(LibvirtXml.parseDomain("<domain type='test'><name>x</name><memory>0</memory>"
                + "<os><type>hvm</type></os></domain>"), ErrorCode.XML_ERROR,
                "XML error: Memory size must be specified via <memory> or in the <numa> configuration");
    }

    @Test
    void memoryMayComeFromNumaCells() {
        DomainDef def = LibvirtXml.parseDomain("<domain type='test'><name>x</name>"
                + "<os><type>hvm</type></os><vcpu>2</vcpu><cpu><numa>"
                + "<cell id='0' cpus='0' memory='512' unit='MiB'/><cell id='1' cpus='1' memory='1024'/>"
                + "</numa></cpu></domain>");
        TEST.apply(def);
        assertEquals(524288 + 1024, def.getMemoryKiB());
    }

    @Test
    void memoryErrorsUseLibvirtsWording() {
        rejected("<memory unit='zz'>1</memory>", ErrorCode.INVALID_ARG,
                "invalid argument: unknown suffix 'zz'");
        rejected("<memory unit='E'>1024</memory>", ErrorCode.OVERFLOW,
                "numerical overflow: value too large: 1024E");
        rejected("<currentMemory>1x</currentMemory>", ErrorCode.XML_ERROR,
                "XML error: Invalid value '1x' for element or attribute './currentMemory[1]'");
        rejected("<maxMemory unit='KiB'>4096</maxMemory>", ErrorCode.XML_ERROR,
                "XML error: both maximum memory size and memory slot count must be specified");
        rejected("<maxMemory slots='2' unit='KiB'>512</maxMemory>", ErrorCode.XML_ERROR,
                "XML error: maximum memory size must be equal or greater than the actual memory size");
        rejected("<maxMemory slots='x' unit='KiB'>4096</maxMemory>", ErrorCode.XML_ERROR,
                "XML error: Failed to parse memory slot count");
    }

    @Test
    void memoryIsNormalizedToKibAndCurrentMemoryClamped() {
        DomainDef def = LibvirtXml.parseDomain("<domain type='test'><name>x</name>"
                + "<memory unit='MiB'>512</memory><currentMemory unit='GiB'>4</currentMemory>"
                + "<maxMemory slots='4' unit='GiB'>1</maxMemory><os><type>hvm</type></os></domain>");
        TEST.apply(def);
        assertEquals("524288", def.getMemory().getValue());
        assertEquals("KiB", def.getMemory().getUnit());
        assertEquals("524288", def.getCurrentMemory().getValue());
        assertEquals("1048576", def.getMaxMemory().getValue());
        assertEquals("KiB", def.getMaxMemory().getUnit());

        assertEquals(1024, defined("").getCurrentMemoryKiB());
        assertEquals(1024, defined("<currentMemory>0</currentMemory>").getCurrentMemoryKiB());
        assertEquals(512, defined("<currentMemory>512</currentMemory>").getCurrentMemoryKiB());
    }

    @Test
    void vcpusAreCheckedAsLibvirtDoes() {
        rejected("<vcpu>x</vcpu>", ErrorCode.XML_ERROR, "XML error: maximum vcpus count must be an integer");
        rejected("<vcpu>2 </vcpu>", ErrorCode.XML_ERROR, "XML error: maximum vcpus count must be an integer");
        rejected("<vcpu>-1</vcpu>", ErrorCode.XML_ERROR, "XML error: maximum vcpus count must be an integer");
        rejected("<vcpu>0</vcpu>", ErrorCode.INTERNAL_ERROR,
                "internal error: CPU IDs in <numa> exceed the <vcpu> count");
        rejected("<vcpu current='3'>2</vcpu>", ErrorCode.CONFIG_UNSUPPORTED,
                "unsupported configuration: maximum vCPU count must not be less than current vCPU count");
        rejected("<vcpu current='x'>1</vcpu>", ErrorCode.XML_ERROR, "XML error: Invalid value for "
                + "attribute 'current' in element 'vcpu': 'x'. Expected non-negative integer value");
        rejected("<vcpu placement='bogus'>1</vcpu>", ErrorCode.XML_ERROR,
                "XML error: Invalid value for attribute 'placement' in element 'vcpu': 'bogus'.");
        rejected("<vcpu cpuset='x'>2</vcpu>", ErrorCode.INVALID_ARG,
                "invalid argument: Failed to parse bitmap 'x'");
        rejected("<vcpu cpuset='^1'>2</vcpu>", ErrorCode.CONFIG_UNSUPPORTED,
                "unsupported configuration: Invalid value of 'cpuset': ^1");
    }

    @Test
    void vcpuDefaultsAndNormalForm() {
        VcpuDef vcpu = defined("").getVcpu();
        assertEquals("1", vcpu.getText());
        assertEquals("static", vcpu.getPlacement());

        vcpu = defined("<vcpu cpuset='3,1,2,0,^2,7' current='2'> 4</vcpu>").getVcpu();
        assertEquals("4", vcpu.getText());
        assertEquals("0-1,3,7", vcpu.getCpuset());
        assertEquals("2", vcpu.getCurrent());
        // current equal to the maximum is not written, as libvirt.
        assertNull(defined("<vcpu current='4'>4</vcpu>").getVcpu().getCurrent());
        assertNull(defined("<vcpu placement='auto' cpuset='0-1'>2</vcpu>").getVcpu().getCpuset());
    }

    @Test
    void lifecycleActionsAreChecked() {
        rejected("<on_poweroff>bogus</on_poweroff>", ErrorCode.CONFIG_UNSUPPORTED,
                "unsupported configuration: unknown on_poweroff action: bogus");
        rejected("<on_poweroff>coredump-destroy</on_poweroff>", ErrorCode.CONFIG_UNSUPPORTED,
                "unsupported configuration: Lifecycle event 'poweroff' doesn't support "
                        + "'coredump-destroy' action");
        assertEquals("coredump-restart", defined("<on_crash>coredump-restart</on_crash>").getOnCrash());
    }

    @Test
    void clockAndBootAreChecked() {
        rejected("<clock offset='bogus'/>", ErrorCode.CONFIG_UNSUPPORTED,
                "unsupported configuration: unknown clock offset 'bogus'");
        DomainDef def = LibvirtXml.parseDomain("<domain type='test'><name>c</name>"
                + "<memory>1024</memory><os><type>hvm</type><boot dev='floppy'/></os></domain>");
        rejected(def, ErrorCode.XML_ERROR,
                "XML error: Invalid value for attribute 'dev' in element 'boot': 'floppy'.");
    }

    @Test
    void perDeviceBootOrder() {
        String twoDisks = "<devices><disk type='file' device='disk'><source file='/a'/>"
                + "<target dev='vda'/><boot order='1'/></disk><disk type='file' device='disk'>"
                + "<source file='/b'/><target dev='vdb'/><boot order='%s'/></disk></devices>";
        rejected(String.format(twoDisks, "1"), ErrorCode.CONFIG_UNSUPPORTED,
                "unsupported configuration: boot order '1' used for more than one device");
        DomainDef def = LibvirtXml.parseDomain("<domain type='test'><name>c</name>"
                + "<memory>1024</memory><os><type>hvm</type><boot dev='hd'/></os>"
                + String.format(twoDisks, "2") + "</domain>");
        rejected(def, ErrorCode.CONFIG_UNSUPPORTED, "unsupported configuration: per-device boot "
                + "elements cannot be used together with os/boot elements");
        // With per-device order libvirt adds no <boot dev='hd'/>.
        assertTrue(defined(String.format(twoDisks, "2")).getOs().getBoots().isEmpty());
    }

    @Test
    void namesFollowTheDriversRules() {
        DomainDef slash = LibvirtXml.parseDomain("<domain type='test'><name>a/b</name>"
                + "<memory>1024</memory><os><type>hvm</type></os></domain>");
        rejected(slash, ErrorCode.XML_ERROR, "XML error: name a/b cannot contain '/'");
        DomainDefChecks.forArch("x86_64").allowSlashInName(true).apply(slash);
        assertEquals("a/b", slash.getName());

        DomainDef newline = LibvirtXml.parseDomain("<domain type='test'><name>a&#10;b</name>"
                + "<memory>1024</memory><os><type>hvm</type></os></domain>");
        VirtException e = rejected(newline, ErrorCode.XML_DETAIL, "invalid char in name: \n");
        assertEquals(ErrorDomain.XML, e.domain());
    }

    @Test
    void disksNeedUniqueTargets() {
        rejected("<devices><disk type='file' device='disk'><source file='/a'/></disk></devices>",
                ErrorCode.NO_TARGET, "missing target information for device /a");
        rejected("<devices><disk type='volume' device='disk'><source pool='p' volume='v'/></disk>"
                + "</devices>", ErrorCode.NO_TARGET,
                "missing target information for device pool = 'p', volume = 'v'");
        rejected("<devices><disk type='file' device='cdrom'></disk></devices>",
                ErrorCode.NO_TARGET, "missing target information for device");
        rejected("<devices><disk type='file' device='disk'><source file='/a'/><target dev='sda'/>"
                + "</disk><disk type='file' device='disk'><source file='/b'/><target dev='sda'/>"
                + "</disk></devices>", ErrorCode.XML_ERROR,
                "XML error: target 'sda' duplicated for disk sources '/a' and '/b'");
        rejected("<devices><disk type='file' device='cdrom'><target dev='hdc'/></disk>"
                + "<disk type='file' device='cdrom'><target dev='hdc'/></disk></devices>",
                ErrorCode.XML_ERROR,
                "XML error: target 'hdc' duplicated for disk sources '<null>' and '<null>'");
    }

    @Test
    void diskDefaultsAndLibvirtsDiskOrder() {
        DomainDef def = defined("<devices>"
                + "<disk type='file' device='disk'><source file='/a'/><target dev='vda' bus='virtio'/></disk>"
                + "<disk type='file' device='cdrom'><target dev='hdc' bus='ide'/></disk>"
                + "<disk type='file' device='disk'><source file='/b'/><target dev='vdb'/></disk>"
                + "<disk type='file' device='disk'><source file='/c'/><target dev='vdc' bus='virtio'/></disk>"
                + "<disk type='file' device='disk'><source file='/d'/><target dev='sdb'/></disk>"
                + "</devices>");
        // As libvirt: vdb had no bus while disks were ordered, so it stays behind hdc.
        assertEquals(List.of("vda", "vdc", "hdc", "vdb", "sdb"),
                def.getDisks().stream().map(DiskDef::getTargetDev).toList());
        assertEquals(List.of("virtio", "virtio", "ide", "virtio", "scsi"),
                def.getDisks().stream().map(d -> d.getTarget().getBus()).toList());
        assertTrue(def.getDisks().get(2).isReadonly(), "a CD-ROM is read-only");
        assertFalse(def.getDisks().get(0).isReadonly());
        assertEquals(List.of(0, 25, 26, 27, -1, -1), List.of(DomainDefChecks.diskIndex("vda"),
                DomainDefChecks.diskIndex("sdz"), DomainDefChecks.diskIndex("hdaa"),
                DomainDefChecks.diskIndex("xvdab1"), DomainDefChecks.diskIndex("nvme0n1"),
                DomainDefChecks.diskIndex("vd1")));
    }

    @Test
    void macAddressesAreCheckedGeneratedAndNormalized() {
        rejected("<devices><interface type='network'><mac address='zz'/><source network='default'/>"
                + "</interface></devices>", ErrorCode.XML_ERROR, "XML error: unable to parse mac address 'zz'");
        rejected("<devices><interface type='network'><mac address='01:00:5e:00:00:01'/>"
                + "<source network='default'/></interface></devices>", ErrorCode.XML_ERROR,
                "XML error: expected unicast mac address, found multicast '01:00:5e:00:00:01'");
        rejected("<devices><interface type='network'><mac address='52:54:00:12:34'/></interface>"
                + "</devices>", ErrorCode.XML_ERROR, "XML error: unable to parse mac address '52:54:00:12:34'");

        DomainDef def = defined("<devices><interface type='network'><source network='default'/>"
                + "</interface><interface type='bridge'><mac address='52:54:0:AB:C:EF'/>"
                + "<source bridge='br0'/></interface></devices>");
        assertTrue(def.getInterfaces().get(0).getMacAddress().matches("52:54:00(:[0-9a-f]{2}){3}"));
        assertEquals("52:54:00:ab:0c:ef", def.getInterfaces().get(1).getMacAddress());

        DomainDef xen = domain("<devices><interface type='bridge'/></devices>");
        DomainDefChecks.forArch("x86_64").macPrefix("00:16:3e").apply(xen);
        assertTrue(xen.getInterfaces().get(0).getMacAddress().startsWith("00:16:3e:"));
        assertThrows(IllegalArgumentException.class, () -> TEST.macPrefix("zz"));
    }

    // ---- defaults ----

    @Test
    void interfaceSourcesKeepWhatTheirTypeUses() {
        DomainDef def = defined("<devices>"
                + "<interface type='direct'><source dev='eth0'/></interface>"
                + "<interface type='network'><source network='default' bridge='virbr0' dev='x' "
                + "mode='y'/></interface>"
                + "<interface type='bridge'><source bridge='br0' network='n' dev='d'/></interface>"
                + "</devices>");
        String xml = LibvirtXml.format(def);

        // As virsh dumpxml printed for the same interfaces.
        assertTrue(xml.contains("<source dev='eth0' mode='vepa'/>"), xml);
        assertTrue(xml.contains("<source network='default'/>"), xml);
        assertTrue(xml.contains("<source bridge='br0'/>"), xml);
    }

    @Test
    void genericDefaultsAreFilled() {
        DomainDef def = defined("");
        assertEquals("i686", def.getOs().getArch());
        assertEquals(List.of("hd"), def.getOs().getBoots().stream().map(BootDeviceDef::getDev).toList());
        assertEquals("utc", def.getClock().getOffset());
        assertEquals("destroy", def.getOnPoweroff());
        assertEquals("restart", def.getOnReboot());
        assertEquals("destroy", def.getOnCrash());
        assertTrue(def.getDevices().getDisks().isEmpty());

        // libvirt adds <boot dev='hd'/> even with direct kernel boot.
        DomainDef kernel = LibvirtXml.parseDomain("<domain type='test'><name>k</name>"
                + "<memory>1024</memory><os><type>hvm</type><kernel>/k</kernel></os></domain>");
        TEST.apply(kernel);
        assertEquals(1, kernel.getOs().getBoots().size());
        DomainDef noArch = domain("");
        DomainDefChecks.forArch(null).apply(noArch);
        assertNull(noArch.getOs().getArch());
        DomainDef x86 = LibvirtXml.parseDomain("<domain type='test'><name>k</name>"
                + "<memory>1024</memory><os><type arch='x86_64'>hvm</type></os></domain>");
        TEST.apply(x86);
        assertEquals("x86_64", x86.getOs().getArch());
    }

    @Test
    void pciAddressesAreWrittenAsLibvirtDoes() {
        DomainDef def = defined("<devices><memballoon model='virtio'>"
                + "<address type='pci' domain='0x0000' bus='0x00' slot='0x2' function='0x0'/>"
                + "</memballoon><disk type='file' device='disk'><source file='/a'/><target dev='sda'/>"
                + "<address type='drive' controller='00' bus='0' target='0' unit='1'/></disk></devices>");
        AddressDef pci = def.getDevices().getMemballoon().getAddress();
        assertEquals(List.of("0x0000", "0x00", "0x02", "0x0"),
                List.of(pci.getDomain(), pci.getBus(), pci.getSlot(), pci.getFunction()));
        assertEquals("0", def.getDisks().get(0).getAddress().getController());
    }

    @Test
    void metadataKeepsOneElementPerNamespace() {
        DomainDef def = defined("<metadata><a:x xmlns:a='urn:a'/><plain/><a:y xmlns:a='urn:a'/>"
                + "<b:z xmlns:b='urn:b'/></metadata>");
        assertEquals(List.of("x", "z"), def.getMetadata().getExtraElements().stream()
                .map(org.w3c.dom.Element::getLocalName).toList());
    }

    @Test
    void idIsDroppedForDefineAndCheckedForLiveXml() {
        String xml = "<domain type='test' id='%s'><name>c</name><memory>1024</memory>"
                + "<os><type>hvm</type></os></domain>";
        DomainDef inactive = LibvirtXml.parseDomain(String.format(xml, "5"));
        TEST.apply(inactive);
        assertNull(inactive.getId());

        DomainDef live = LibvirtXml.parseDomain(String.format(xml, "5"));
        TEST.liveXml(true).apply(live);
        assertEquals(5, live.getId());

        VirtException e = assertThrows(VirtException.class,
                () -> TEST.liveXml(true).apply(LibvirtXml.parseDomain(String.format(xml, "-2"))));
        assertEquals("XML error: Invalid value for attribute 'id' in element 'domain': '-2'. "
                + "Expected non-negative value", e.getMessage());
    }

    @Test
    void failedChecksChangeNothing() {
        DomainDef def = domain("<vcpu current='9'>2</vcpu><devices><interface type='network'/>"
                + "</devices>");
        String before = LibvirtXml.format(def);
        assertThrows(VirtException.class, () -> TEST.apply(def));
        assertEquals(before, LibvirtXml.format(def));

        DomainDef valid = domain("");
        String unchanged = LibvirtXml.format(valid);
        TEST.validate(valid);
        assertEquals(unchanged, LibvirtXml.format(valid), "validate() must not modify");
    }
}
