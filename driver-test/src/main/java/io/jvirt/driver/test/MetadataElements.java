package io.jvirt.driver.test;

import io.jvirt.xml.LibvirtXml;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Applications' elements under {@code <metadata>}: libvirt stores each in the application's
 * namespace with the caller's prefix ({@code key}) and hands it back serialised.
 */
final class MetadataElements {
    private MetadataElements() {
    }

    /** {@code xml} re-rooted in {@code namespaceUri} with prefix {@code key}, as libvirt's virDomainDefSetMetadata. */
    static Element parse(String xml, String key, String namespaceUri) {
        Element parsed = LibvirtXml.parseElement(xml);
        Document doc = parsed.getOwnerDocument();
        String qname = key == null || key.isEmpty() ? parsed.getLocalName() : key + ":" + parsed.getLocalName();
        Element renamed = doc.createElementNS(namespaceUri, qname);
        NamedNodeMap attrs = parsed.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            if (!"http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())) {
                renamed.setAttributeNodeNS((Attr) a.cloneNode(true));
            }
        }
        for (Node child = parsed.getFirstChild(); child != null; child = child.getNextSibling()) {
            renamed.appendChild(child.cloneNode(true));
        }
        return renamed;
    }

    static String format(Element e) {
        return LibvirtXml.formatElement(e);
    }
}
