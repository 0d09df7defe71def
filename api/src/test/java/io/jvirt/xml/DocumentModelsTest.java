package io.jvirt.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The non-domain documents: what their typed fields read, and that they round-trip. */
class DocumentModelsTest {
    @Test
    void testDriverNodeFile() {
        String xml = Fixtures.read("node-custom.xml");
        NodeDef node = LibvirtXml.parseNode(xml);

        assertEquals("2400", node.getCpu().getMhz());
        assertEquals("x86_64", node.getCpu().getModel());
        assertEquals(List.of("1", "1", "4", "1", "3"), List.of(node.getCpu().getNodes(),
                node.getCpu().getSockets(), node.getCpu().getCores(), node.getCpu().getThreads(),
                node.getCpu().getActive()));
        assertEquals("4194304", node.getMemory());

        assertEquals(2, node.getDomains().size());
        DomainDef inline = node.getDomains().get(0);
        assertNull(NodeDef.fileOf(inline));
        assertEquals("off1", inline.getName());
        assertEquals(262144, inline.getMemoryKiB());
        assertEquals("5", inline.getExtraElement("http://libvirt.org/schemas/domain/test/1.0",
                "runstate").getTextContent());
        assertEquals("testdomfv0.xml", NodeDef.fileOf(node.getDomains().get(1)));

        assertEquals("testnetpriv.xml", NodeDef.fileOf(node.getNetworks().get(0)));
        assertEquals("br9", node.getNetworks().get(1).getBridge().getName());
        assertEquals("eth1", node.getInterfaces().get(0).getName());

        StoragePoolDef pool = node.getPools().get(0);
        assertEquals("/p1", pool.getTarget().getPath());
        assertEquals(2, pool.getVolumes().size());
        assertEquals(1073741824L, pool.getVolumes().get(0).getCapacity().toBytes());
        assertEquals("testvol.xml", NodeDef.fileOf(pool.getVolumes().get(1)));

        assertEquals("testdev.xml", NodeDef.fileOf(node.getDevices().get(0)));
        assertEquals("scsi_host", node.getDevices().get(1).getCapabilityType());
        assertEquals("admin", node.getAuth().getUsers().get(0).getName());
        assertEquals("pass", node.getAuth().getUsers().get(0).getPassword());
        assertNull(node.getAuth().getUsers().get(1).getPassword());

        assertEquals(XmlTrees.canonical(xml), XmlTrees.canonical(LibvirtXml.format(node)));
    }

    @Test
    void hostInterface() {
        InterfaceDef iface = LibvirtXml.parseInterface(Fixtures.read("virsh/interface-eth1.xml"));
        assertEquals("ethernet", iface.getType());
        assertEquals("eth1", iface.getName());
        assertEquals("onboot", iface.getStart().getMode());
        assertEquals("aa:bb:cc:dd:ee:ff", iface.getMac().getAddress());
        assertEquals("1492", iface.getMtu().getSize());
        assertEquals("ipv4", iface.getExtraElement("protocol").getAttribute("family"));
    }

    @Test
    void nodeDevice() {
        NodeDeviceDef dev = LibvirtXml.parseNodeDevice(Fixtures.read("virsh/nodedev-scsi_host1.xml"));
        assertEquals("scsi_host1", dev.getName());
        assertEquals("computer", dev.getParent());
        assertEquals("scsi_host", dev.getCapabilityType());
        NodeDeviceCapabilityDef scsiHost = dev.getCapabilities().get(0);
        assertEquals("1", scsiHost.getExtraElement("host").getTextContent());
        assertEquals(List.of("fc_host", "vport_ops"), scsiHost.getExtraElements("capability")
                .stream().map(e -> e.getAttribute("type")).toList());
    }

    @Test
    void networkAndStorage() {
        NetworkDef net = LibvirtXml.parseNetwork(Fixtures.read("virsh/network-isolated.xml"));
        assertEquals("isolated", net.getName());
        assertEquals("virbr5", net.getBridge().getName());
        assertEquals("on", net.getBridge().getStp());
        assertEquals("lab.example.org", net.getDomain().getName());
        assertEquals("192.168.150.1", net.getIps().get(0).getAddress());
        assertEquals("192.168.150.100", net.getIps().get(0).getDhcp().getRanges().get(0).getStart());
        assertEquals("db", net.getIps().get(0).getDhcp().getHosts().get(0).getName());
        assertEquals("ipv6", net.getIps().get(1).getFamily());
        assertEquals(1, net.getMetadata().getExtraElements().size());
        assertTrue(net.getExtraElement("dns") != null);

        StoragePoolDef pool = LibvirtXml.parseStoragePool(Fixtures.read("virsh/pool-nfs1.xml"));
        assertEquals("netfs", pool.getType());
        assertEquals(107374182400L, pool.getCapacity().toBytes());
        assertEquals("nfs.example.org", pool.getSource().getHosts().get(0).getName());
        assertEquals("/exports/vm", pool.getSource().getDir().getPath());
        assertEquals("nfs", pool.getSource().getFormat().getType());
        assertEquals("0755", pool.getTarget().getPermissions().getMode());

        StorageVolumeDef vol = LibvirtXml.parseStorageVolume(Fixtures.read("virsh/volume-v1.xml"));
        assertEquals("file", vol.getType());
        assertEquals("/default-pool/v1.img", vol.getKey());
        assertEquals("/default-pool/v1.img", vol.getTarget().getPath());
        assertEquals(10485760L, vol.getAllocation().toBytes());
    }

    @Test
    void newDocumentsFormatFromScratch() {
        StoragePoolDef pool = new StoragePoolDef("dir", "scratch");
        pool.setUuid("dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566");
        pool.setCapacity(ScaledValue.bytes(0));
        pool.setAllocation(ScaledValue.bytes(0));
        pool.setAvailable(ScaledValue.bytes(0));
        pool.setSource(new PoolSourceDef());
        pool.setTarget(new PoolTargetDef("/scratch"));

        assertEquals("<pool type='dir'>\n"
                + "  <name>scratch</name>\n"
                + "  <uuid>dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566</uuid>\n"
                + "  <capacity unit='bytes'>0</capacity>\n"
                + "  <allocation unit='bytes'>0</allocation>\n"
                + "  <available unit='bytes'>0</available>\n"
                + "  <source>\n"
                + "  </source>\n"
                + "  <target>\n"
                + "    <path>/scratch</path>\n"
                + "  </target>\n"
                + "</pool>\n", LibvirtXml.format(pool));

        DomainDef def = new DomainDef("test", "fresh");
        def.setMemoryKiB(1024);
        def.setOs(new OsDef());
        def.getOs().setType(new OsTypeDef("hvm"));
        def.getOrCreateDevices().getInterfaces().add(new DomainInterfaceDef("user"));
        def.setUuid("d7068523-5ee7-452b-a59d-cd7c49a5f3a9");
        DomainDefChecks.forArch("x86_64").apply(def);
        String mac = def.getInterfaces().get(0).getMacAddress();

        assertEquals("<domain type='test'>\n"
                + "  <name>fresh</name>\n"
                + "  <uuid>d7068523-5ee7-452b-a59d-cd7c49a5f3a9</uuid>\n"
                + "  <memory unit='KiB'>1024</memory>\n"
                + "  <currentMemory unit='KiB'>1024</currentMemory>\n"
                + "  <vcpu placement='static'>1</vcpu>\n"
                + "  <os>\n"
                + "    <type arch='x86_64'>hvm</type>\n"
                + "    <boot dev='hd'/>\n"
                + "  </os>\n"
                + "  <clock offset='utc'/>\n"
                + "  <on_poweroff>destroy</on_poweroff>\n"
                + "  <on_reboot>restart</on_reboot>\n"
                + "  <on_crash>destroy</on_crash>\n"
                + "  <devices>\n"
                + "    <interface type='user'>\n"
                + "      <mac address='" + mac + "'/>\n"
                + "    </interface>\n"
                + "  </devices>\n"
                + "</domain>\n", LibvirtXml.format(def));
    }
}
