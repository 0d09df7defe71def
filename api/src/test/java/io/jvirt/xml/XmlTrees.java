package io.jvirt.xml;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * Test helper: an independent view of an XML document for comparing content, built with the
 * JDK's DOM parser rather than the codec under test.
 *
 * <p>The canonical form of an element is its expanded name, its attributes sorted (namespace
 * declarations left out: prefixes are not content), and its children. Indentation-only text is
 * dropped where an element holds other elements. Children of libvirt's own elements may be
 * reordered by the formatter (libvirt's fixed order), so there they are compared grouped by
 * name with the order inside each group kept; inside namespaced elements and metadata, and
 * wherever text is mixed with elements, the order must be exact. Whitespace-only text is
 * treated as layout everywhere.
 */
final class XmlTrees {
    private XmlTrees() {
    }

    static Element parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)))
                    .getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("not well-formed: " + e.getMessage(), e);
        }
    }

    /** A canonical text of the document's content, suitable for assertEquals. */
    static String canonical(String xml) {
        StringBuilder b = new StringBuilder();
        write(parse(xml), b, 0, true);
        return b.toString();
    }

    private static void write(Element e, StringBuilder b, int depth, boolean reorderable) {
        indent(b, depth);
        b.append('{').append(nullToEmpty(e.getNamespaceURI())).append('}').append(e.getLocalName());
        TreeMap<String, String> attributes = new TreeMap<>();
        NamedNodeMap map = e.getAttributes();
        for (int i = 0; i < map.getLength(); i++) {
            Attr a = (Attr) map.item(i);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
                continue;
            }
            attributes.put("{" + nullToEmpty(a.getNamespaceURI()) + "}" + a.getLocalName(),
                    a.getValue());
        }
        attributes.forEach((k, v) -> b.append(' ').append(k).append("=\"").append(v).append('"'));
        b.append('\n');

        List<Node> children = new ArrayList<>();
        boolean hasElements = false;
        boolean hasText = false;
        StringBuilder text = new StringBuilder();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                hasElements = true;
                children.add(n);
            } else if (n.getNodeType() == Node.TEXT_NODE
                    || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(n.getNodeValue());
                children.add(n);
            }
        }
        if (!hasElements) {
            // Whitespace-only content is layout, not data (libvirt writes "<devices>\n  </devices>").
            if (!text.toString().isBlank()) {
                indent(b, depth + 1);
                b.append("text:").append(text.toString().replace("\n", "\\n")).append('\n');
            }
            return;
        }
        List<Node> kept = new ArrayList<>();
        for (Node n : children) {
            if (n.getNodeType() != Node.ELEMENT_NODE && n.getNodeValue().isBlank()) {
                continue;
            }
            hasText |= n.getNodeType() != Node.ELEMENT_NODE;
            kept.add(n);
        }
        boolean childrenReorderable = reorderable && nullToEmpty(e.getNamespaceURI()).isEmpty()
                && !e.getLocalName().equals("metadata");
        if (childrenReorderable && !hasText) {
            // Stable: same-name siblings keep their order.
            kept.sort(Comparator.comparing(n -> "{" + nullToEmpty(n.getNamespaceURI()) + "}"
                    + n.getLocalName()));
        }
        for (Node n : kept) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                write((Element) n, b, depth + 1, childrenReorderable);
            } else {
                indent(b, depth + 1);
                b.append("text:").append(n.getNodeValue().replace("\n", "\\n")).append('\n');
            }
        }
    }

    private static void indent(StringBuilder b, int depth) {
        for (int i = 0; i < depth; i++) {
            b.append("  ");
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
