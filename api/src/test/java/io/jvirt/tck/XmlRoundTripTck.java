package io.jvirt.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.jvirt.Domain;
import io.jvirt.DomainMetadataType;
import io.jvirt.DomainXmlFlag;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Domain XML survives define → dumpxml → define: what was defined comes back (name, UUID,
 * memory, title, description, an application's metadata, disks, a MAC address) and a document
 * the driver wrote redefines to the identical document.
 */
public abstract class XmlRoundTripTck extends TckSupport {
    /** The namespace of the application metadata in {@link DriverTck#richDomainXml}. */
    public static final String METADATA_NS = "https://jvirt.io/tck/metadata/1.0";
    /** The MAC address of the interface in {@link DriverTck#richDomainXml}. */
    public static final String MAC = "52:54:00:7c:10:01";
    /** The title in {@link DriverTck#richDomainXml}. */
    public static final String TITLE = "TCK round trip";
    /** The description in {@link DriverTck#richDomainXml}, as text. */
    public static final String DESCRIPTION = "disks & <nics> \"quoted\" 'too'";
    /** {@link #DESCRIPTION} escaped for XML character data. */
    public static final String DESCRIPTION_ESCAPED = "disks &amp; &lt;nics&gt; \"quoted\" 'too'";

    protected XmlRoundTripTck(DriverTck tck) {
        super(tck);
    }

    @Test
    void aDumpedDefinitionRedefinesToTheIdenticalDocument() {
        String name = name("roundtrip");
        Domain d = conn.defineDomain(tck.richDomainXml(name, UUID.randomUUID()));
        String first = d.xml(DomainXmlFlag.INACTIVE);

        Domain again = conn.defineDomain(first);
        String second = again.xml(DomainXmlFlag.INACTIVE);

        assertEquals(first, second, "dumpxml --inactive after redefining from its own output");
        assertEquals(d.uuid(), again.uuid());
    }

    @Test
    void whatWasDefinedComesBack() {
        String name = name("richxml");
        UUID uuid = UUID.randomUUID();
        String defined = tck.richDomainXml(name, uuid);
        Domain d = conn.defineDomain(defined);

        Document doc = TckXml.parse(d.xml(DomainXmlFlag.INACTIVE));

        assertEquals("domain", doc.getDocumentElement().getLocalName());
        assertEquals(name, TckXml.text(doc, "/domain/name"));
        assertEquals(uuid.toString(), TckXml.text(doc, "/domain/uuid"));
        assertEquals(TckXml.memoryKiB(defined), TckXml.memoryKiB(d.xml(DomainXmlFlag.INACTIVE)), "memory, KiB");
        assertEquals(TITLE, TckXml.text(doc, "/domain/title"));
        assertEquals(DESCRIPTION, TckXml.text(doc, "/domain/description"));
        assertEquals(List.of(MAC), TckXml.attributes(doc, "/domain/devices/interface/mac", "address"));
        assertEquals(List.of("vda", "vdb"), TckXml.attributes(doc, "/domain/devices/disk/target", "dev"));
        assertEquals(List.of("/var/lib/tck/" + name + "-root.qcow2", "/var/lib/tck/" + name + "-data.img"),
                TckXml.attributes(doc, "/domain/devices/disk/source", "file"));

        Element metadata = (Element) TckXml.node(doc, "/domain/metadata");
        assertNotNull(metadata, "<metadata> kept");
        List<Element> apps = TckXml.children(metadata, METADATA_NS, "app");
        assertEquals(1, apps.size(), "the application's metadata element, by namespace");
        Element app = apps.get(0);
        assertEquals("3", app.getAttribute("level"));
        List<Element> owners = TckXml.children(app, METADATA_NS, "owner");
        assertEquals(1, owners.size());
        assertEquals("alice", owners.get(0).getTextContent());
    }

    @Test
    void titleAndDescriptionAreReadableThroughTheMetadataApi() {
        Domain d = conn.defineDomain(tck.richDomainXml(name("metadataapi"), UUID.randomUUID()));

        assertEquals(TITLE, d.metadata(DomainMetadataType.TITLE, null));
        assertEquals(DESCRIPTION, d.metadata(DomainMetadataType.DESCRIPTION, null));
    }

    @Test
    void aDefinitionWithoutUuidGetsOne() {
        Domain d = defineNew("newuuid");
        Document doc = TckXml.parse(d.xml(DomainXmlFlag.INACTIVE));

        assertEquals(d.uuid().toString(), TckXml.text(doc, "/domain/uuid"));
    }

    @Test
    void memoryIsNormalisedToKiB() {
        String name = name("units");
        String xml = TckXml.replace(tck.domainXml(name), "memory", "<memory unit='MiB'>128</memory>");
        xml = TckXml.without(xml, "currentMemory");
        Domain d = conn.defineDomain(xml);

        Document doc = TckXml.parse(d.xml(DomainXmlFlag.INACTIVE));
        Element memory = (Element) TckXml.node(doc, "/domain/memory");
        assertEquals("KiB", memory.getAttribute("unit"));
        assertEquals("131072", memory.getTextContent());
        assertEquals(131072, d.info().maxMemory());
    }

    @Test
    void theInactiveDocumentOfARunningDomainIsItsDefinition() {
        String name = name("liveinactive");
        Domain d = conn.defineDomain(xml(name, UUID.randomUUID()));
        String defined = d.xml(DomainXmlFlag.INACTIVE);

        d.start();
        assertEquals(defined, d.xml(DomainXmlFlag.INACTIVE), "dumpxml --inactive while running");
        d.destroy();
        assertEquals(defined, d.xml(DomainXmlFlag.INACTIVE), "dumpxml --inactive after a run");
    }
}
