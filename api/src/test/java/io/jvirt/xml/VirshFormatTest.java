package io.jvirt.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Byte-for-byte comparison with what libvirt 9.0's virsh printed for the same documents
 * (fixtures in resources/io/jvirt/xml/virsh, see its README).
 */
class VirshFormatTest {
    private static final DomainDefChecks TEST_DRIVER = DomainDefChecks.forArch("i686");

    /** libvirt's normal form is a fixed point: parse and format give the same bytes. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "domain-test-live.xml, DomainDef",
        "domain-min.xml, DomainDef",
        "domain-rich.xml, DomainDef",
        "domain-metadata.xml, DomainDef",
        "network-default.xml, NetworkDef",
        "network-isolated.xml, NetworkDef",
        "pool-default.xml, StoragePoolDef",
        "pool-nfs1.xml, StoragePoolDef",
        "volume-v1.xml, StorageVolumeDef",
        "interface-eth1.xml, InterfaceDef",
        "nodedev-computer.xml, NodeDeviceDef",
        "nodedev-scsi_host1.xml, NodeDeviceDef",
        "capabilities-test.xml, CapabilitiesDef",
    })
    void virshOutputIsReproducedExactly(String fixture, String type) throws Exception {
        String expected = Fixtures.read("virsh/" + fixture);
        Class<?> rootClass = Class.forName("io.jvirt.xml." + type);

        assertEquals(expected, LibvirtXml.format(LibvirtXml.parse(expected, rootClass)));
    }

    /** What define does to a document: checks, defaults, normal form, as virsh showed. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "domain-min-input.xml, domain-min.xml",
        "domain-rich-input.xml, domain-rich.xml",
        "domain-metadata-input.xml, domain-metadata.xml",
    })
    void definedDomainsFormatAsVirshDumpxml(String input, String expected) {
        DomainDef def = LibvirtXml.parseDomain(Fixtures.read("virsh/" + input));
        TEST_DRIVER.apply(def);

        assertEquals(Fixtures.read("virsh/" + expected), LibvirtXml.format(def));
    }

    @Test
    void volumeSizesReadWithStorageUnits() {
        StorageVolumeDef vol = LibvirtXml.parseStorageVolume(Fixtures.read("virsh/volume-v1-input.xml"));

        assertEquals(1073741824L, vol.getCapacity().toBytes());
        assertEquals(10485760L, vol.getAllocation().toBytes());
        assertEquals("raw", vol.getTarget().getFormat().getType());
    }

    /** The test driver's capabilities, built through the model as a driver would. */
    @Test
    void testDriverCapabilitiesCanBeBuiltFromTheModel() {
        CapabilitiesDef caps = new CapabilitiesDef();
        CapsHostDef host = new CapsHostDef();
        caps.setHost(host);
        CapsHostCpuDef cpu = new CapsHostCpuDef();
        cpu.setArch("i686");
        cpu.setFeatures(new FeatureListDef());
        cpu.getFeatures().add("pae");
        cpu.getFeatures().add("nonpae");
        for (String size : List.of("4", "8", "2048", "1048576")) {
            cpu.getPages().add(new CapsPagesDef("KiB", size));
        }
        host.setCpu(cpu);
        host.setPowerManagement(new FeatureListDef());
        CapsIommuDef iommu = new CapsIommuDef();
        iommu.setSupport("no");
        host.setIommu(iommu);

        CapsCellsDef cells = new CapsCellsDef();
        cells.setNum("2");
        for (int id = 0; id < 2; id++) {
            CapsCellDef cell = new CapsCellDef();
            cell.setId(Integer.toString(id));
            cell.setMemory(ScaledValue.kib((id + 1) * 2048L * 1024));
            CapsPagesDef small = new CapsPagesDef("KiB", id == 0 ? "4" : "8");
            small.setText("524288");
            cell.getPages().add(small);
            for (String size : List.of("2048", "1048576")) {
                CapsPagesDef huge = new CapsPagesDef("KiB", size);
                huge.setText("0");
                cell.getPages().add(huge);
            }
            CapsCpusDef cpus = new CapsCpusDef();
            cpus.setNum("8");
            for (int core = 0; core < 8; core++) {
                CapsCpuDef c = new CapsCpuDef();
                String cpuId = Integer.toString(id * 8 + core);
                c.setId(cpuId);
                c.setSocketId(Integer.toString(id));
                c.setDieId("0");
                c.setCoreId(Integer.toString(core));
                c.setSiblings(cpuId);
                cpus.getCpus().add(c);
            }
            cell.setCpus(cpus);
            cells.getCells().add(cell);
        }
        host.setTopology(new CapsTopologyDef());
        host.getTopology().setCells(cells);
        CapsSecModelDef secmodel = new CapsSecModelDef();
        secmodel.setModel("testSecurity");
        secmodel.setDoi("");
        host.getSecmodels().add(secmodel);

        for (String osType : List.of("hvm", "xen")) {
            CapsGuestDef guest = new CapsGuestDef();
            guest.setOsType(osType);
            CapsGuestArchDef arch = new CapsGuestArchDef();
            arch.setName("i686");
            arch.setWordsize("32");
            arch.setEmulator("/usr/bin/test-hv");
            arch.getDomains().add(new CapsGuestDomainDef("test"));
            guest.setArch(arch);
            guest.setFeatures(new FeatureListDef());
            guest.getFeatures().add("pae");
            guest.getFeatures().add("nonpae");
            caps.getGuests().add(guest);
        }

        assertEquals(Fixtures.read("virsh/capabilities-test.xml"), LibvirtXml.format(caps));
    }
}
