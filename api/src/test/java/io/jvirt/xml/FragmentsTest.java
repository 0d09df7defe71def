package io.jvirt.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jvirt.ErrorCode;
import io.jvirt.VirtException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** Single elements: device snippets and applications' metadata elements. */
class FragmentsTest {
    @Test
    void namespacedElementsParseWithTheirWhitespace() {
        Element e = LibvirtXml.parseElement("<app:foo xmlns:app='urn:app' a='1'>text<b/>\n  <c/>"
                + "</app:foo>");

        assertEquals("urn:app", e.getNamespaceURI());
        assertEquals("foo", e.getLocalName());
        assertEquals("text\n  ", e.getTextContent());
        assertFalse(e.getTextContent().contains("\uFFFF"));
    }

    @Test
    void fragmentsAreParsedSafely() {
        VirtException e = assertThrows(VirtException.class, () -> LibvirtXml.parseElement(
                "<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><x>&e;</x>"));
        assertEquals(ErrorCode.XML_ERROR, e.code());
        assertThrows(VirtException.class, () -> LibvirtXml.parseElement("<x>"));
    }

    @Test
    void devicesFormatInLibvirtsLayout() {
        Element disk = LibvirtXml.parseElement("<disk type=\"file\" device=\"disk\"><source "
                + "file=\"/a\"/><target dev=\"vda\" bus=\"virtio\"/></disk>");

        assertEquals("<disk type='file' device='disk'>\n"
                + "  <source file='/a'/>\n"
                + "  <target dev='vda' bus='virtio'/>\n"
                + "</disk>\n", LibvirtXml.formatElement(disk));
    }

    /** What {@code virsh metadata m1 http://app1.org/app1/} printed for the metadata fixture. */
    @Test
    void metadataFormatsAsLibvirtReturnsIt() {
        Element foo = LibvirtXml.parseElement("<foo a='x\"y' b=\"p'q\">fooish<bar z=\"1\"/>\n"
                + "       <baz>text &amp; &lt; &gt; \" '</baz></foo>");

        assertEquals("<foo a=\"x&quot;y\" b=\"p'q\">fooish<bar z=\"1\"/>\n"
                + "       <baz>text &amp; &lt; &gt; \" '</baz></foo>",
                LibvirtXml.formatMetadataElement(foo));
        assertEquals("<x:a xmlns:x=\"urn:x\">\n  <x:b k=\"v\"/>\n</x:a>",
                LibvirtXml.formatMetadataElement(LibvirtXml.parseElement(
                        "<x:a xmlns:x='urn:x'>\n <x:b k='v'/>\n</x:a>")));
    }
}
