package io.jvirt.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Element;

/**
 * What the formatter writes validates against libvirt's own RELAX NG schemas
 * (/usr/share/libvirt/schemas, Debian package libvirt-daemon-system / libvirt-common).
 */
class RelaxNgValidationTest {
    @BeforeAll
    static void schemasInstalled() {
        HostTools.require(LibvirtSchemas.available(),
                "libvirt's RELAX NG schemas in " + LibvirtSchemas.DIR + " (apt-get install libvirt-common)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "domain-test-live.xml, DomainDef, domain.rng",
        "domain-min.xml, DomainDef, domain.rng",
        "domain-rich.xml, DomainDef, domain.rng",
        "domain-metadata.xml, DomainDef, domain.rng",
        "network-default.xml, NetworkDef, network.rng",
        "network-isolated.xml, NetworkDef, network.rng",
        "pool-default.xml, StoragePoolDef, storagepool.rng",
        "pool-nfs1.xml, StoragePoolDef, storagepool.rng",
        "volume-v1.xml, StorageVolumeDef, storagevol.rng",
        "interface-eth1.xml, InterfaceDef, interface.rng",
        "nodedev-computer.xml, NodeDeviceDef, nodedev.rng",
        "nodedev-scsi_host1.xml, NodeDeviceDef, nodedev.rng",
        "capabilities-test.xml, CapabilitiesDef, capability.rng",
    })
    void formattedDocumentsAreValid(String fixture, String type, String schema) throws Exception {
        Object def = LibvirtXml.parse(Fixtures.read("virsh/" + fixture),
                Class.forName("io.jvirt.xml." + type));

        assertEquals(List.of(), LibvirtSchemas.of(schema).errors(LibvirtXml.format(def)));
    }

    @Test
    void definedDomainsAreValid() {
        LibvirtSchemas domain = LibvirtSchemas.of("domain.rng");
        for (String input : List.of("domain-min-input.xml", "domain-rich-input.xml",
                "domain-metadata-input.xml")) {
            DomainDef def = LibvirtXml.parseDomain(Fixtures.read("virsh/" + input));
            DomainDefChecks.forArch("i686").apply(def);
            assertEquals(List.of(), domain.errors(LibvirtXml.format(def)), input);
        }
    }

    /** Every typed field at once, with the deliberately foreign test content removed. */
    @Test
    void theRichRoundTripDomainIsValid() {
        DomainDef def = LibvirtXml.parseDomain(Fixtures.read("domain-everything.xml"));
        def.getExtraElements().removeIf(e -> "urn:example:ext".equals(e.getNamespaceURI()));
        def.getDisks().get(0).getExtraAttributes().keySet()
                .removeIf(name -> "urn:example:ext".equals(name.getNamespaceURI()));
        String xml = LibvirtXml.format(def);

        assertEquals(List.of(), LibvirtSchemas.of("domain.rng").errors(xml));
    }

    /** The check itself can fail: libvirt's schema rejects what libvirt's parser would. */
    @Test
    void invalidDocumentsAreReported() {
        DomainDef def = LibvirtXml.parseDomain(Fixtures.read("virsh/domain-min.xml"));
        def.getVcpu().setText("x");
        Element foreign = DomElements.newElement("bogus");
        def.getExtraElements().add(foreign);

        assertFalse(LibvirtSchemas.of("domain.rng").errors(LibvirtXml.format(def)).isEmpty());
    }
}
