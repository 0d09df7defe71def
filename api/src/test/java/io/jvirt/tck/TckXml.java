package io.jvirt.tck;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Small text and DOM helpers the TCK uses to derive domain XML from a driver's
 * {@link DriverTck#domainXml(String)} and to read what a driver returns. Public so that drivers
 * overriding the XML hooks can use them too.
 */
public final class TckXml {
    private TckXml() {
    }

    /** {@code xml} with its {@code <uuid>} set to {@code uuid} (added after {@code </name>} if absent). */
    public static String withUuid(String xml, UUID uuid) {
        String element = "<uuid>" + uuid + "</uuid>";
        Matcher m = element("uuid").matcher(xml);
        if (m.find()) {
            return m.replaceFirst(Matcher.quoteReplacement(element));
        }
        return insertAfterName(xml, element);
    }

    /** {@code xml} with {@code text} inserted right after the domain's {@code </name>}. */
    public static String insertAfterName(String xml, String text) {
        int at = xml.indexOf("</name>");
        if (at < 0) {
            throw new IllegalArgumentException("no </name> in " + xml);
        }
        at += "</name>".length();
        return xml.substring(0, at) + "\n  " + text + xml.substring(at);
    }

    /** {@code xml} without any top-level occurrence of element {@code tag} (with or without content). */
    public static String without(String xml, String tag) {
        return element(tag).matcher(xml).replaceAll("");
    }

    /** {@code xml} with the first element {@code tag} replaced by {@code replacement}. */
    public static String replace(String xml, String tag, String replacement) {
        Matcher m = element(tag).matcher(xml);
        if (!m.find()) {
            throw new IllegalArgumentException("no <" + tag + "> in " + xml);
        }
        return m.replaceFirst(Matcher.quoteReplacement(replacement));
    }

    /** {@code xml} with {@code devices} (device elements) appended to its {@code <devices>}. */
    public static String addDevices(String xml, String devices) {
        int close = xml.indexOf("</devices>");
        if (close >= 0) {
            return xml.substring(0, close) + devices + "\n  " + xml.substring(close);
        }
        Matcher empty = Pattern.compile("<devices\\s*/>").matcher(xml);
        if (empty.find()) {
            return empty.replaceFirst(Matcher.quoteReplacement("<devices>" + devices + "\n  </devices>"));
        }
        int end = xml.lastIndexOf("</domain>");
        if (end < 0) {
            throw new IllegalArgumentException("no </domain> in " + xml);
        }
        return xml.substring(0, end) + "  <devices>" + devices + "\n  </devices>\n" + xml.substring(end);
    }

    private static Pattern element(String tag) {
        String t = Pattern.quote(tag);
        return Pattern.compile("<" + t + "(\\s[^>]*?)?(/>|>.*?</" + t + "\\s*>)", Pattern.DOTALL);
    }

    /** Parses {@code xml} namespace-aware, refusing DTDs. */
    public static Document parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new AssertionError("the driver returned XML that does not parse: " + e.getMessage()
                    + "\n" + xml, e);
        }
    }

    /** The text of the first node matching {@code xpath} (no namespaces), or null. */
    public static String text(Document doc, String xpath) {
        Node n = node(doc, xpath);
        return n == null ? null : n.getTextContent();
    }

    /** The first node matching {@code xpath} (no namespaces), or null. */
    public static Node node(Document doc, String xpath) {
        NodeList list = nodes(doc, xpath);
        return list.getLength() == 0 ? null : list.item(0);
    }

    /** The nodes matching {@code xpath} (no namespaces). */
    public static NodeList nodes(Document doc, String xpath) {
        try {
            XPath xp = XPathFactory.newInstance().newXPath();
            return (NodeList) xp.evaluate(xpath, doc, XPathConstants.NODESET);
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(xpath, e);
        }
    }

    /** The values of attribute {@code attr} of the nodes matching {@code xpath}. */
    public static List<String> attributes(Document doc, String xpath, String attr) {
        NodeList list = nodes(doc, xpath);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add(((Element) list.item(i)).getAttribute(attr));
        }
        return out;
    }

    /** The child elements of {@code parent} in namespace {@code ns} called {@code local}. */
    public static List<Element> children(Element parent, String ns, String local) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    /** The domain's {@code <memory>} in KiB, converting libvirt's units (formatdomain: default KiB). */
    public static long memoryKiB(String domainXml) {
        Document doc = parse(domainXml);
        Element mem = (Element) node(doc, "/domain/memory");
        if (mem == null) {
            throw new IllegalArgumentException("no <memory> in " + domainXml);
        }
        long value = Long.parseLong(mem.getTextContent().trim());
        String unit = mem.getAttribute("unit");
        return toKiB(value, unit.isEmpty() ? "KiB" : unit);
    }

    /** libvirt's scaled integer units (basictypes.rng), to KiB, rounding up as libvirt does. */
    public static long toKiB(long value, String unit) {
        long bytesPer = switch (unit.toLowerCase(Locale.ROOT)) {
            case "b", "byte", "bytes" -> 1L;
            case "kb" -> 1_000L;
            case "k", "kib" -> 1L << 10;
            case "mb" -> 1_000_000L;
            case "m", "mib" -> 1L << 20;
            case "gb" -> 1_000_000_000L;
            case "g", "gib" -> 1L << 30;
            case "tb" -> 1_000_000_000_000L;
            case "t", "tib" -> 1L << 40;
            default -> throw new IllegalArgumentException("unit " + unit);
        };
        long bytes = Math.multiplyExact(value, bytesPer);
        return (bytes + 1023) / 1024;
    }
}
