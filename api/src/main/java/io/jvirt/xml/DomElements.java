package io.jvirt.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Small DOM helpers for the untyped parts of the model. */
final class DomElements {
    private DomElements() {
    }

    static Element first(List<Element> elements, String namespaceUri, String localName) {
        for (Element element : elements) {
            if (matches(element, namespaceUri, localName)) {
                return element;
            }
        }
        return null;
    }

    static List<Element> all(List<Element> elements, String namespaceUri, String localName) {
        List<Element> found = new ArrayList<>();
        for (Element element : elements) {
            if (matches(element, namespaceUri, localName)) {
                found.add(element);
            }
        }
        return found;
    }

    static boolean matches(Element element, String namespaceUri, String localName) {
        String ns = element.getNamespaceURI();
        String name = element.getLocalName() != null ? element.getLocalName() : element.getTagName();
        return Objects.equals(emptyToNull(ns), emptyToNull(namespaceUri)) && name.equals(localName);
    }

    /** A new, empty element without namespace, owned by a fresh document. */
    static Element newElement(String localName) {
        return newDocument().createElementNS(null, localName);
    }

    static Document newDocument() {
        try {
            // A plain in-memory document: nothing is parsed, so no hardening is needed here.
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's DOM implementation is unavailable", e);
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
