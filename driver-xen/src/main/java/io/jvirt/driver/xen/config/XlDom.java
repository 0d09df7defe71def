package io.jvirt.driver.xen.config;

import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Builds and reads the untyped child elements (vlan, bandwidth, timer, ...) of the XML model. */
final class XlDom {
    private static final Document DOC = newDocument();

    private XlDom() {
    }

    private static Document newDocument() {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new element with attributes given as name, value pairs (null values skipped). */
    static Element element(String name, String... attrs) {
        Element e;
        synchronized (DOC) {
            e = DOC.createElement(name);
        }
        for (int i = 0; i + 1 < attrs.length; i += 2) {
            if (attrs[i + 1] != null) {
                e.setAttribute(attrs[i], attrs[i + 1]);
            }
        }
        return e;
    }

    /** A new element in a namespace; the qualified name carries the prefix. */
    static Element elementNS(String ns, String qualifiedName) {
        synchronized (DOC) {
            return DOC.createElementNS(ns, qualifiedName);
        }
    }

    static Element append(Element parent, Element child) {
        parent.appendChild(parent.getOwnerDocument() == child.getOwnerDocument() ? child
                : parent.getOwnerDocument().importNode(child, true));
        return parent;
    }

    /** Child elements of e with this local name, in document order. */
    static List<Element> children(Element e, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && name.equals(localName(c))) {
                out.add(c);
            }
        }
        return out;
    }

    static Element child(Element e, String name) {
        List<Element> c = children(e, name);
        return c.isEmpty() ? null : c.get(0);
    }

    static String localName(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
    }

    /** An attribute's value, null when absent. */
    static String attr(Element e, String name) {
        return e != null && e.hasAttribute(name) ? e.getAttribute(name) : null;
    }
}
