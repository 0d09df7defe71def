package io.jvirt.xml;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The only way documents enter jvirt: a SAX parser hardened against XXE and entity expansion,
 * wrapped in a {@link ParseFilter} that checks the root, bounds nesting and drops indentation.
 *
 * <p>Never parse through JAXB's own entry points ({@code unmarshal(Reader)} and friends): their
 * safety depends on whatever JAXP implementation is on the class path.
 */
final class SafeXmlReader {
    /** libvirt's own ceiling for an XML document read by virsh (VSH_MAX_XML_FILE, 10 MiB). */
    static final int MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

    private SafeXmlReader() {
    }

    /** Refuses documents over {@link #MAX_DOCUMENT_BYTES} (counted in UTF-8) before parsing. */
    static void checkSize(String xml) {
        long bytes = xml.length();
        // Only count exactly when the character count alone cannot decide.
        if (bytes > MAX_DOCUMENT_BYTES / 3 && bytes <= MAX_DOCUMENT_BYTES) {
            bytes = xml.getBytes(StandardCharsets.UTF_8).length;
        }
        if (bytes > MAX_DOCUMENT_BYTES) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.XML,
                    "document is too large (more than " + MAX_DOCUMENT_BYTES + " bytes)");
        }
    }

    /**
     * Each thread's idle hardened parser. Configuring a parser costs more than parsing a domain
     * (JAXP looks up and configures a whole Xerces pipeline), so a thread reuses its own; SAX
     * parsers may parse again once a parse has finished, whatever its outcome.
     */
    private static final ThreadLocal<XMLReader[]> IDLE = ThreadLocal.withInitial(() -> new XMLReader[1]);

    /** A filter over this thread's parser; hand it back with {@link #release} when done. */
    static ParseFilter newFilter(String expectedRoot) {
        // A one-slot holder rather than set/remove: changing a ThreadLocal costs map clean-ups.
        XMLReader[] slot = IDLE.get();
        XMLReader reader = slot[0];
        if (reader == null) {
            reader = newHardenedReader();
        } else {
            slot[0] = null; // taken: a parse nested in this one gets a parser of its own
        }
        return new ParseFilter(reader, expectedRoot);
    }

    /** Makes the filter's parser available to the thread's next parse. */
    static void release(ParseFilter filter) {
        XMLReader reader = filter.getParent();
        // Drop references to this parse's handlers so they can be collected.
        reader.setContentHandler(null);
        reader.setErrorHandler(null);
        reader.setDTDHandler(null);
        IDLE.get()[0] = reader;
    }

    static InputSource input(String xml) {
        return new InputSource(new StringReader(xml));
    }

    private static XMLReader newHardenedReader() {
        try {
            // newDefaultInstance: the JDK's own parser, not whatever a ServiceLoader finds.
            SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setValidating(false);
            factory.setXIncludeAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // No DTD at all: this alone defeats XXE and billion laughs.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd",
                    false);
            XMLReader reader = factory.newSAXParser().getXMLReader();
            reader.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            reader.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            reader.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not allowed");
            });
            return reader;
        } catch (ParserConfigurationException | SAXException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.XML,
                    "cannot configure a safe XML parser: " + e.getMessage(), e);
        }
    }
}
