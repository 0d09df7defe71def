package io.jvirt.xml;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.Map;
import java.util.Objects;
import javax.xml.transform.sax.SAXSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXParseException;

/**
 * Reads and writes libvirt's XML documents: {@code <domain>}, {@code <network>},
 * {@code <pool>}, {@code <volume>}, {@code <capabilities>}, host {@code <interface>}, node
 * {@code <device>} and the test driver's {@code <node>} file.
 *
 * <pre>{@code
 * DomainDef def = LibvirtXml.parseDomain(Files.readString(path));
 * def.setName("copy");
 * String xml = LibvirtXml.format(def);   // same bytes libvirt would write for the same content
 * }</pre>
 *
 * <p><b>Parsing</b> is syntactic and lossless: nothing is defaulted or validated beyond XML
 * well-formedness and the root element's name (use {@link DomainDefChecks} for libvirt's
 * semantic checks). Input is parsed by a hardened parser only: DOCTYPEs (and with them all
 * entities) are refused, documents are limited to 10 MiB and 256 levels of nesting. Any
 * problem is a {@link VirtException} with {@link ErrorCode#XML_ERROR}; the message names line
 * and column where the parser knows them. A failed parse has no effect.
 *
 * <p><b>Formatting</b> writes libvirt's layout: 2-space indentation, single quotes, libvirt's
 * escaping and element order, a trailing newline and no XML declaration. It does not change
 * values (memory is written in the unit the bean holds; {@link DomainDefChecks} normalizes).
 *
 * <p>All methods are thread-safe. One JAXB context is built on first use.
 */
public final class LibvirtXml {
    /** The largest document {@link #parse} accepts, in UTF-8 bytes (libvirt's 10 MiB). */
    public static final int MAX_DOCUMENT_BYTES = SafeXmlReader.MAX_DOCUMENT_BYTES;

    /** Which libvirt component reports syntax errors in each document (libvirt's domcode). */
    private static final Map<Class<?>, ErrorDomain> ERROR_DOMAINS = Map.of(
            DomainDef.class, ErrorDomain.DOMAIN,
            NetworkDef.class, ErrorDomain.NETWORK,
            StoragePoolDef.class, ErrorDomain.STORAGE,
            StorageVolumeDef.class, ErrorDomain.STORAGE,
            CapabilitiesDef.class, ErrorDomain.CAPABILITIES,
            InterfaceDef.class, ErrorDomain.INTERFACE,
            NodeDeviceDef.class, ErrorDomain.NODEDEV,
            NodeDef.class, ErrorDomain.TEST);

    private LibvirtXml() {
    }

    /**
     * Parses a document whose root element must be {@code type}'s (for example
     * {@code <domain>} for {@link DomainDef}).
     *
     * @throws VirtException {@code XML_ERROR} for a document that is not well-formed, too large,
     *     has a DOCTYPE, or the wrong root element
     * @throws IllegalArgumentException if {@code type} is not one of the model's root classes
     */
    public static <T> T parse(String xml, Class<T> type) {
        Objects.requireNonNull(xml, "xml");
        String root = rootName(type);
        SafeXmlReader.checkSize(xml);
        ParseFilter filter = SafeXmlReader.newFilter(root);
        try {
            T def = JaxbSupport.withUnmarshaller(
                    u -> u.unmarshal(new SAXSource(filter, SafeXmlReader.input(xml)), type)
                            .getValue());
            if (def == null) {
                throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.XML,
                        "document has no content");
            }
            if (filter.markersUsed()) {
                ModelWalker.stripMarkers(def);
            }
            MetadataDef metadata = metadataOf(def);
            if (metadata != null && filter.metadataNamespaces() != null) {
                metadata.getNamespaceDeclarations().putAll(filter.metadataNamespaces());
            }
            return def;
        } catch (JAXBException e) {
            throw parseError(e, filter.locator(), ERROR_DOMAINS.getOrDefault(type, ErrorDomain.XML));
        } catch (IllegalStateException | ClassCastException e) {
            // JAXB reports some structural surprises (xsi:type games) this way.
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.XML,
                    position(filter.locator()) + String.valueOf(e.getMessage()), e);
        } finally {
            SafeXmlReader.release(filter);
        }
    }

    /**
     * Formats a model root ({@link DomainDef}, {@link NetworkDef}, ...) in libvirt's layout.
     *
     * @throws IllegalArgumentException if {@code def} is not one of the model's root classes
     */
    public static String format(Object def) {
        Objects.requireNonNull(def, "def");
        rootName(def.getClass());
        TreeBuilder tree = new TreeBuilder();
        try {
            JaxbSupport.withMarshaller(m -> {
                m.marshal(def, tree);
                return null;
            });
        } catch (JAXBException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.XML,
                    "cannot format " + def.getClass().getSimpleName() + ": " + describe(e), e);
        }
        MetadataDef metadata = metadataOf(def);
        if (metadata != null && !metadata.getNamespaceDeclarations().isEmpty()) {
            for (TreeNode child : tree.root().children) {
                if (!child.isText() && child.uri.isEmpty() && child.localName.equals("metadata")) {
                    child.declarations.putAll(metadata.getNamespaceDeclarations());
                    break;
                }
            }
        }
        return LibvirtXmlWriter.write(tree.root());
    }

    private static MetadataDef metadataOf(Object def) {
        if (def instanceof DomainDef) {
            return ((DomainDef) def).getMetadata();
        } else if (def instanceof NetworkDef) {
            return ((NetworkDef) def).getMetadata();
        }
        return null;
    }

    /** {@code parse(xml, DomainDef.class)}. */
    public static DomainDef parseDomain(String xml) {
        return parse(xml, DomainDef.class);
    }

    /** {@code parse(xml, NetworkDef.class)}. */
    public static NetworkDef parseNetwork(String xml) {
        return parse(xml, NetworkDef.class);
    }

    /** {@code parse(xml, StoragePoolDef.class)}. */
    public static StoragePoolDef parseStoragePool(String xml) {
        return parse(xml, StoragePoolDef.class);
    }

    /** {@code parse(xml, StorageVolumeDef.class)}. */
    public static StorageVolumeDef parseStorageVolume(String xml) {
        return parse(xml, StorageVolumeDef.class);
    }

    /** {@code parse(xml, CapabilitiesDef.class)}. */
    public static CapabilitiesDef parseCapabilities(String xml) {
        return parse(xml, CapabilitiesDef.class);
    }

    /** {@code parse(xml, InterfaceDef.class)}. */
    public static InterfaceDef parseInterface(String xml) {
        return parse(xml, InterfaceDef.class);
    }

    /** {@code parse(xml, NodeDeviceDef.class)}. */
    public static NodeDeviceDef parseNodeDevice(String xml) {
        return parse(xml, NodeDeviceDef.class);
    }

    /** {@code parse(xml, NodeDef.class)}: the test driver's {@code test:///path.xml} file. */
    public static NodeDef parseNode(String xml) {
        return parse(xml, NodeDef.class);
    }

    /**
     * Parses one element that is not a model document, such as a device snippet for
     * attach-device or an application's metadata element, with the same hardened parser.
     *
     * @throws VirtException {@code XML_ERROR} as {@link #parse}
     */
    public static org.w3c.dom.Element parseElement(String xml) {
        Objects.requireNonNull(xml, "xml");
        return Fragments.parse(xml);
    }

    /** Formats one DOM element in libvirt's layout (the counterpart of {@link #parseElement}). */
    public static String formatElement(org.w3c.dom.Element element) {
        Objects.requireNonNull(element, "element");
        return Fragments.format(element);
    }

    /**
     * Formats one DOM element the way libvirt hands back single elements such as metadata
     * ({@code virsh metadata DOMAIN URI}): libxml2's layout with double quotes and without a
     * trailing newline, where {@link #formatElement} uses libvirt's own document layout.
     */
    public static String formatMetadataElement(org.w3c.dom.Element element) {
        Objects.requireNonNull(element, "element");
        return Fragments.formatLibxml(element);
    }

    /** A deep copy made by formatting and parsing again (lossless, like everything here). */
    public static <T> T copy(T def) {
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) def.getClass();
        return parse(format(def), type);
    }

    private static String rootName(Class<?> type) {
        XmlRootElement root = type.getAnnotation(XmlRootElement.class);
        boolean known = false;
        for (Class<?> c : JaxbSupport.ROOTS) {
            known |= c == type;
        }
        if (root == null || !known) {
            throw new IllegalArgumentException(type.getName()
                    + " is not a libvirt document root of the jvirt XML model");
        }
        return root.name();
    }

    private static VirtException parseError(JAXBException e, Locator locator, ErrorDomain domain) {
        Throwable cause = e.getLinkedException() != null ? e.getLinkedException() : e.getCause();
        if (cause instanceof VirtException) {
            return (VirtException) cause;
        }
        if (cause instanceof ParseFilter.Refusal) {
            ParseFilter.Refusal refusal = (ParseFilter.Refusal) cause;
            String where = refusal.positional ? position(locator) : "";
            // libvirt reports a wrong root from virxml.c, i.e. in the XML domain.
            return new VirtException(ErrorCode.XML_ERROR, ErrorDomain.XML,
                    where + refusal.getMessage(), e);
        }
        if (cause instanceof SAXParseException) {
            SAXParseException spe = (SAXParseException) cause;
            return new VirtException(ErrorCode.XML_ERROR, domain, "at line " + spe.getLineNumber()
                    + ", column " + spe.getColumnNumber() + ": " + spe.getMessage(), e);
        }
        String message = cause != null ? cause.getMessage() : describe(e);
        return new VirtException(ErrorCode.XML_ERROR, domain, position(locator) + message, e);
    }

    private static String position(Locator locator) {
        if (locator == null || locator.getLineNumber() < 0) {
            return "";
        }
        return "at line " + locator.getLineNumber() + ", column " + locator.getColumnNumber()
                + ": ";
    }

    private static String describe(JAXBException e) {
        if (e.getMessage() != null) {
            return e.getMessage();
        }
        Throwable linked = e.getLinkedException();
        return linked != null ? String.valueOf(linked.getMessage()) : e.toString();
    }
}
