package io.jvirt.xml;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.AttributesImpl;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Sits between the hardened parser and JAXB: refuses a wrong root element and absurd nesting,
 * and removes indentation the way libvirt's parser does.
 *
 * <p>libvirt parses with libxml2's "keep blanks" off, whose heuristic (areBlanks in parser.c)
 * drops a whitespace-only text node unless it is an element's only content or the element
 * already holds text. Doing the same here means the DOM kept for untyped content, and
 * {@code <metadata>} in particular, formats exactly as libvirt formats it.
 */
final class ParseFilter extends XMLFilterImpl {
    /** libxml2's default nesting limit. */
    static final int MAX_DEPTH = 256;

    /** A refusal of ours (not a syntax error); carries the text for the XML_ERROR detail. */
    static final class Refusal extends SAXException {
        private static final long serialVersionUID = 1L;
        final boolean positional;

        Refusal(String message, boolean positional) {
            super(message);
            this.positional = positional;
        }
    }

    private static final class Open {
        boolean hasChildren;
        boolean firstChildIsText;
        boolean lastChildIsText;
    }

    /**
     * Appended to whitespace that libxml2 keeps right before a start tag. JAXB's SAX front end
     * discards whitespace-only text there, even inside untyped (DOM) content; with the marker
     * the text is not whitespace-only and survives. U+FFFF cannot occur in an XML document, so
     * it cannot clash with data; {@link ModelWalker#stripMarkers} removes it after binding.
     */
    static final char KEEP_MARKER = '\uFFFF';

    private final String expectedRoot;
    private boolean markersUsed;

    // Namespace bookkeeping for <metadata>, see metadataNamespaces().
    private final Map<String, String> pendingDeclarations = new LinkedHashMap<>();
    private final Deque<Map<String, String>> declaredInMetadata = new ArrayDeque<>();
    private int metadataDepth = -1;
    private boolean metadataSeen;
    private Map<String, String> metadataNamespaces;
    private final Deque<Open> open = new ArrayDeque<>();
    private final StringBuilder pending = new StringBuilder();
    private Locator locator;

    ParseFilter(XMLReader parent, String expectedRoot) {
        super(parent);
        this.expectedRoot = expectedRoot;
    }

    Locator locator() {
        return locator;
    }

    /**
     * The namespace declarations libvirt writes on the root's first {@code <metadata>}: those
     * made on {@code <metadata>} itself, then those made further out but used inside (libxml2's
     * xmlCopyNode moves them onto the copied element). Null without metadata.
     */
    Map<String, String> metadataNamespaces() {
        return metadataNamespaces;
    }

    /** Whether {@link #KEEP_MARKER} was inserted anywhere in the document. */
    boolean markersUsed() {
        return markersUsed;
    }

    @Override
    public void setDocumentLocator(Locator locator) {
        this.locator = locator;
        super.setDocumentLocator(locator);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts)
            throws SAXException {
        flushText(false);
        if (open.isEmpty()) {
            if (expectedRoot != null && !expectedRoot.equals(localName)) {
                throw new Refusal("expecting root element of '" + expectedRoot + "', not '"
                        + qName + "'", false);
            }
            if (expectedRoot != null && uri != null && !uri.isEmpty()) {
                // libvirt's elements have no namespace; a namespaced root is another format.
                throw new Refusal("expecting root element of '" + expectedRoot
                        + "' without namespace, not one in namespace '" + uri + "'", false);
            }
        } else {
            Open parent = open.peek();
            parent.hasChildren = true;
            parent.lastChildIsText = false;
        }
        if (open.size() >= MAX_DEPTH) {
            throw new Refusal("elements are nested deeper than " + MAX_DEPTH + " levels", true);
        }
        open.push(new Open());
        trackMetadataNamespaces(uri, localName, qName, atts);
        super.startElement(uri, localName, qName, withoutBindingDirectives(atts));
    }

    /**
     * Drops xsi:type and xsi:nil. JAXB obeys them, which would let a document choose the Java
     * class of a bean (a MemballoonDef in the list of disks) or null out the root. libvirt has
     * no use for them and ignores them as it ignores every attribute it does not know.
     */
    private static Attributes withoutBindingDirectives(Attributes atts) {
        int found = -1;
        for (int i = 0; i < atts.getLength() && found < 0; i++) {
            if (isBindingDirective(atts, i)) {
                found = i;
            }
        }
        if (found < 0) {
            return atts;
        }
        AttributesImpl kept = new AttributesImpl();
        for (int i = 0; i < atts.getLength(); i++) {
            if (!isBindingDirective(atts, i)) {
                kept.addAttribute(atts.getURI(i), atts.getLocalName(i), atts.getQName(i),
                        atts.getType(i), atts.getValue(i));
            }
        }
        return kept;
    }

    private static boolean isBindingDirective(Attributes atts, int i) {
        return XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI.equals(atts.getURI(i))
                && (atts.getLocalName(i).equals("type") || atts.getLocalName(i).equals("nil"));
    }

    @Override
    public void startPrefixMapping(String prefix, String uri) throws SAXException {
        pendingDeclarations.put(prefix, uri);
        super.startPrefixMapping(prefix, uri);
    }

    private void trackMetadataNamespaces(String uri, String localName, String qName,
            Attributes atts) {
        Map<String, String> declared = new LinkedHashMap<>(pendingDeclarations);
        pendingDeclarations.clear();
        int depth = open.size();
        if (metadataDepth < 0) {
            if (depth == 2 && !metadataSeen && localName.equals("metadata")
                    && (uri == null || uri.isEmpty())) {
                metadataSeen = true;
                metadataDepth = depth;
                metadataNamespaces = new LinkedHashMap<>(declared);
                metadataNamespaces.remove("");
            }
            return;
        }
        declaredInMetadata.push(declared);
        useNamespace(prefixOf(qName), uri);
        for (int i = 0; i < atts.getLength(); i++) {
            String attQName = atts.getQName(i);
            if (!attQName.startsWith("xmlns")) {
                useNamespace(prefixOf(attQName), atts.getURI(i));
            }
        }
    }

    private void useNamespace(String prefix, String uri) {
        if (prefix.isEmpty() || prefix.equals("xml")) {
            return;
        }
        for (Map<String, String> declared : declaredInMetadata) {
            if (declared.containsKey(prefix)) {
                return;
            }
        }
        metadataNamespaces.putIfAbsent(prefix, uri);
    }

    private static String prefixOf(String qName) {
        int colon = qName.indexOf(':');
        return colon < 0 ? "" : qName.substring(0, colon);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        flushText(true);
        if (metadataDepth >= 0) {
            if (open.size() == metadataDepth) {
                metadataDepth = -1;
            } else {
                declaredInMetadata.pop();
            }
        }
        open.pop();
        super.endElement(uri, localName, qName);
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        // SAX may split one text node across calls; decide once the node is complete.
        pending.append(ch, start, length);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
        pending.append(ch, start, length);
    }

    @Override
    public void processingInstruction(String target, String data) throws SAXException {
        // libvirt ignores processing instructions in the documents it reads; so do we.
    }

    private void flushText(boolean beforeEndTag) throws SAXException {
        if (pending.length() == 0 || open.isEmpty()) {
            pending.setLength(0);
            return;
        }
        Open current = open.peek();
        if (isBlank(pending)) {
            boolean onlyContent = beforeEndTag && !current.hasChildren;
            if (!onlyContent && !current.firstChildIsText && !current.lastChildIsText) {
                pending.setLength(0);
                return;
            }
            if (!beforeEndTag) {
                pending.append(KEEP_MARKER);
                markersUsed = true;
            }
        }
        if (!current.hasChildren) {
            current.firstChildIsText = true;
        }
        current.hasChildren = true;
        current.lastChildIsText = true;
        char[] text = pending.toString().toCharArray();
        pending.setLength(0);
        super.characters(text, 0, text.length);
    }

    private static boolean isBlank(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
        }
        return true;
    }
}
