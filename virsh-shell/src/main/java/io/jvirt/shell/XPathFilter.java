package io.jvirt.shell;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * {@code dumpxml --xpath}: selects nodes with an XPath expression and prints each as libxml2's
 * {@code xmlNodeDump} does (double-quoted attributes in document order, two-blank indent,
 * blank text dropped), optionally wrapped in {@code <nodes>}.
 */
final class XPathFilter {
    private XPathFilter() {
    }

    static String select(String xml, String xpath, boolean wrap) {
        Document doc = XmlDocuments.parseDocument(xml);
        NodeList nodes;
        try {
            Object result = XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET);
            nodes = (NodeList) result;
        } catch (XPathExpressionException | ClassCastException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE, "Incorrect xpath '" + xpath + "'");
        }
        StringBuilder out = new StringBuilder();
        if (wrap) {
            if (nodes.getLength() == 0) {
                out.append("<nodes/>");
            } else {
                out.append("<nodes>");
                boolean formatted = true;
                for (int i = 0; i < nodes.getLength(); i++) {
                    formatted &= nodes.item(i).getNodeType() == Node.ELEMENT_NODE;
                }
                for (int i = 0; i < nodes.getLength(); i++) {
                    if (formatted) {
                        out.append("\n  ");
                    }
                    dump(out, nodes.item(i), 1, formatted);
                }
                if (formatted) {
                    out.append('\n');
                }
                out.append("</nodes>");
            }
            return out.append('\n').toString();
        }
        for (int i = 0; i < nodes.getLength(); i++) {
            dump(out, nodes.item(i), 0, true);
            out.append('\n');
        }
        return out.toString();
    }

    /** A whole element as libxml2's formatted xmlNodeDump (virsh's virXMLNodeToString), without a final newline. */
    static String dump(Element e) {
        StringBuilder out = new StringBuilder();
        element(out, e, 0, true);
        return out.toString();
    }

    private static void dump(StringBuilder out, Node node, int level, boolean format) {
        switch (node.getNodeType()) {
            case Node.ELEMENT_NODE -> element(out, (Element) node, level, format);
            case Node.ATTRIBUTE_NODE -> {
                Attr a = (Attr) node;
                out.append(' ').append(a.getName()).append("=\"").append(escapeAttr(a.getValue())).append('"');
            }
            case Node.TEXT_NODE -> out.append(escapeText(node.getNodeValue()));
            case Node.CDATA_SECTION_NODE -> out.append("<![CDATA[").append(node.getNodeValue()).append("]]>");
            case Node.COMMENT_NODE -> out.append("<!--").append(node.getNodeValue()).append("-->");
            case Node.PROCESSING_INSTRUCTION_NODE -> out.append("<?").append(node.getNodeName()).append(' ')
                    .append(node.getNodeValue()).append("?>");
            default -> {
            }
        }
    }

    private static void element(StringBuilder out, Element e, int level, boolean format) {
        out.append('<').append(e.getTagName());
        for (String n : XmlDocuments.attributeNames(e)) {
            out.append(' ').append(n).append("=\"").append(escapeAttr(e.getAttribute(n))).append('"');
        }
        if (e.getFirstChild() == null) {
            out.append("/>");
            return;
        }
        out.append('>');
        boolean childFormat = format;
        for (Node n = e.getFirstChild(); n != null && childFormat; n = n.getNextSibling()) {
            short t = n.getNodeType();
            childFormat = t != Node.TEXT_NODE && t != Node.CDATA_SECTION_NODE;
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (childFormat) {
                out.append('\n').append("  ".repeat(level + 1));
            }
            dump(out, n, level + 1, childFormat);
        }
        if (childFormat) {
            out.append('\n').append("  ".repeat(level));
        }
        out.append("</").append(e.getTagName()).append('>');
    }

    private static String escapeText(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;");
    }

    private static String escapeAttr(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;");
    }
}
