package io.jvirt.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The writer's escaping and layout rules, one by one. */
class LibvirtXmlWriterTest {
    @Test
    void escapesLikeVirBufferEscapeString() {
        assertEquals("a&lt;b&gt;c&amp;d&quot;e&apos;f", LibvirtXmlWriter.escapeLibvirt("a<b>c&d\"e'f"));
        // Control characters other than tab, newline and CR vanish, as in libvirt.
        assertEquals("x\ty\nz\r", LibvirtXmlWriter.escapeLibvirt("x\u0001\ty\nz\r\u001f"));
        assertEquals("é✓", LibvirtXmlWriter.escapeLibvirt("é✓"));
        String plain = "nothing to do";
        assertTrue(plain == LibvirtXmlWriter.escapeLibvirt(plain), "no copy when nothing changes");
    }

    @Test
    void escapesMetadataLikeLibxml2() {
        assertEquals("&lt;&gt;&amp;\"'&#13;\n\té", LibvirtXmlWriter.escapeLibxmlText("<>&\"'\r\n\té"));
        assertEquals("&lt;&gt;&amp;&quot;'&#13;&#10;&#9;&#xE9;&#x1F600;",
                LibvirtXmlWriter.escapeLibxmlAttribute("<>&\"'\r\n\té\uD83D\uDE00"));
    }

    @Test
    void layoutOfTextEmptyAndNestedElements() {
        DomainDef def = new DomainDef("test", "a<b");
        def.setDescription("");
        def.setTitle("multi\nline");
        def.setClock(new ClockDef("utc"));
        def.getExtraElements().add(DomElements.newElement("empty"));
        String xml = LibvirtXml.format(def);

        assertEquals("<domain type='test'>\n"
                + "  <name>a&lt;b</name>\n"
                + "  <title>multi\nline</title>\n"
                + "  <description></description>\n"
                + "  <clock offset='utc'/>\n"
                + "  <empty/>\n"
                + "</domain>\n", xml);
    }

    @Test
    void namespacesAreDeclaredWhereNeeded() {
        String xml = "<domain type='kvm'><name>n</name>"
                + "<devices><x:dev xmlns:x='urn:x' x:a='1'><plain/><y xmlns='urn:y'><z/></y></x:dev>"
                + "</devices></domain>";
        String out = LibvirtXml.format(LibvirtXml.parseDomain(xml));

        assertEquals("<domain type='kvm' xmlns:x='urn:x'>\n"
                + "  <name>n</name>\n"
                + "  <devices>\n"
                + "    <x:dev x:a='1'>\n"
                + "      <plain/>\n"
                + "      <y xmlns='urn:y'>\n"
                + "        <z/>\n"
                + "      </y>\n"
                + "    </x:dev>\n"
                + "  </devices>\n"
                + "</domain>\n", out);
        assertEquals(XmlTrees.canonical(xml), XmlTrees.canonical(out));
    }

    @Test
    void unnamespacedChildOfADefaultNamespaceIsUndeclared() {
        String xml = "<domain type='kvm'><name>n</name><y xmlns='urn:y'><z xmlns=''/></y></domain>";
        String out = LibvirtXml.format(LibvirtXml.parseDomain(xml));

        assertTrue(out.contains("<y xmlns='urn:y'>\n    <z xmlns=''/>\n  </y>"), out);
        assertEquals(XmlTrees.canonical(xml), XmlTrees.canonical(out));
    }

    @Test
    void metadataNamespacesDeclaredOutsideMoveOntoMetadata() {
        // libvirt (xmlCopyNode) moves the declaration onto <metadata>; a second round keeps it.
        String xml = "<domain type='test' xmlns:app1='http://app1.org/app1/'><name>m</name>"
                + "<metadata><app1:foo><app1:x>1</app1:x></app1:foo></metadata></domain>";
        String out = LibvirtXml.format(LibvirtXml.parseDomain(xml));

        assertEquals("<domain type='test'>\n"
                + "  <name>m</name>\n"
                + "  <metadata xmlns:app1=\"http://app1.org/app1/\">\n"
                + "    <app1:foo>\n"
                + "      <app1:x>1</app1:x>\n"
                + "    </app1:foo>\n"
                + "  </metadata>\n"
                + "</domain>\n", out);
        assertEquals(out, LibvirtXml.format(LibvirtXml.parseDomain(out)));
    }

    @Test
    void whitespaceIsKeptWhereLibxml2KeepsIt() {
        String xml = "<domain type='test'><name>m</name><metadata>\n"
                + "  <a:x xmlns:a='urn:a'>text<b/>\n   <c>  </c></a:x>\n</metadata></domain>";
        String out = LibvirtXml.format(LibvirtXml.parseDomain(xml));

        assertTrue(out.contains("<a:x xmlns:a=\"urn:a\">text<b/>\n   <c>  </c></a:x>\n"), out);
    }
}
