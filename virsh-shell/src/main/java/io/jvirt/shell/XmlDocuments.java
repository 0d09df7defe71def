package io.jvirt.shell;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads the XML documents the API hands out (domain, capabilities, pool) to pick out the few
 * facts some commands print, as virsh does with XPath.
 *
 * <p>Read with StAX into a DOM that also remembers each element's attribute order: virsh's
 * XPath unions ({@code string(./source/@bridge|./source/@network)}) take the first attribute
 * in document order, which a DOM's attribute map does not keep, so the API's DOM parser
 * ({@code LibvirtXml.parseElement}) cannot answer them. The reader is hardened as the API's:
 * no DTD, no external entities, at most 10 MiB; these documents come from drivers, which may
 * echo what a user defined.
 */
final class XmlDocuments {
    private static final String ATTRIBUTE_ORDER = "jvirsh.attributeOrder";

    private XmlDocuments() {
    }

    /**
     * Parses {@code xml} with the API's hardened parser (no DTDs, no entities, bounded size);
     * malformed XML is {@link io.jvirt.ErrorCode#XML_ERROR}.
     */
    static Element parse(String xml) {
        return parseDocument(xml).getDocumentElement();
    }

    /** Parses {@code xml} into a document whose elements know their attribute order. */
    static Document parseDocument(String xml) {
        if (xml.length() > TextFiles.MAX_XML_FILE) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.XML, "document is too large");
        }
        try {
            XMLInputFactory f = XMLInputFactory.newFactory();
            f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
            XMLStreamReader r = f.createXMLStreamReader(new StringReader(xml));
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Node current = doc;
            while (r.hasNext()) {
                switch (r.next()) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        Element e = doc.createElement(qname(r.getPrefix(), r.getLocalName()));
                        List<String> order = new ArrayList<>();
                        for (int i = 0; i < r.getNamespaceCount(); i++) {
                            String p = r.getNamespacePrefix(i);
                            String n = p == null || p.isEmpty() ? "xmlns" : "xmlns:" + p;
                            e.setAttribute(n, r.getNamespaceURI(i));
                            order.add(n);
                        }
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            String n = qname(r.getAttributePrefix(i), r.getAttributeLocalName(i));
                            e.setAttribute(n, r.getAttributeValue(i));
                            order.add(n);
                        }
                        e.setUserData(ATTRIBUTE_ORDER, order, null);
                        current.appendChild(e);
                        current = e;
                    }
                    case XMLStreamConstants.END_ELEMENT -> current = current.getParentNode();
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE ->
                            current.appendChild(doc.createTextNode(r.getText()));
                    case XMLStreamConstants.CDATA -> current.appendChild(doc.createCDATASection(r.getText()));
                    case XMLStreamConstants.COMMENT -> current.appendChild(doc.createComment(r.getText()));
                    case XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                        if (current != doc) {
                            current.appendChild(doc.createProcessingInstruction(r.getPITarget(), r.getPIData()));
                        }
                    }
                    default -> {
                    }
                }
            }
            dropBlankText(doc.getDocumentElement());
            return doc;
        } catch (XMLStreamException | ParserConfigurationException e) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.XML,
                    "failed to parse xml document: " + e.getMessage());
        }
    }

    private static String qname(String prefix, String local) {
        return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
    }

    /** libxml2 with keepBlanks off: whitespace-only text beside elements is not content. */
    private static void dropBlankText(Element e) {
        boolean hasElement = false;
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            hasElement |= n.getNodeType() == Node.ELEMENT_NODE;
        }
        for (Node n = e.getFirstChild(); n != null; ) {
            Node next = n.getNextSibling();
            if (n.getNodeType() == Node.TEXT_NODE && hasElement && n.getNodeValue().isBlank()) {
                e.removeChild(n);
            } else if (n instanceof Element child) {
                dropBlankText(child);
            }
            n = next;
        }
    }

    /** An element's attribute names in document order. */
    static List<String> attributeNames(Element e) {
        Object order = e.getUserData(ATTRIBUTE_ORDER);
        if (order instanceof List<?> l) {
            List<String> names = new ArrayList<>(l.size());
            for (Object o : l) {
                names.add((String) o);
            }
            return names;
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < e.getAttributes().getLength(); i++) {
            names.add(e.getAttributes().item(i).getNodeName());
        }
        return names;
    }

    /** XPath's string() of an attribute union: the first of {@code names} present, in document order. */
    static String firstAttribute(Element e, String... names) {
        if (e == null) {
            return null;
        }
        List<String> wanted = List.of(names);
        for (String n : attributeNames(e)) {
            if (wanted.contains(n)) {
                return e.getAttribute(n);
            }
        }
        return null;
    }

    /** The child elements of {@code parent} called {@code name}. */
    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    /** The first child element called {@code name}, or null. */
    static Element child(Element parent, String name) {
        List<Element> all = children(parent, name);
        return all.isEmpty() ? null : all.get(0);
    }

    /** The element at a path of child names below {@code root} (first match at each step), or null. */
    static Element path(Element root, String... names) {
        Element e = root;
        for (String n : names) {
            e = child(e, n);
            if (e == null) {
                return null;
            }
        }
        return e;
    }

    /** An attribute's value, or null when absent. */
    static String attr(Element e, String name) {
        if (e == null || !e.hasAttribute(name)) {
            return null;
        }
        return e.getAttribute(name);
    }

    /** The string value (all text) of the first child called {@code name}, or "" as XPath's string(). */
    static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? "" : e.getTextContent();
    }
}
