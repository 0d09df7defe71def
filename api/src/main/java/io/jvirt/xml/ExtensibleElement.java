package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAnyAttribute;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlTransient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;

/**
 * The base of every model class whose element holds child elements: it keeps what the model
 * does not type.
 *
 * <p>Child elements without a typed property land in {@link #getExtraElements()} as DOM
 * elements (namespaces and nested content intact); attributes without a typed property land in
 * {@link #getExtraAttributes()}. Both are written back by {@link LibvirtXml#format}, after the
 * typed content in libvirt's order, so a document survives a round trip even where this model
 * is thinner than libvirt's schema. Both collections are live and mutable.
 *
 * <pre>{@code
 * Element cmdline = def.getExtraElement("http://libvirt.org/schemas/domain/qemu/1.0", "commandline");
 * String file = entry.getExtraAttribute("file");
 * }</pre>
 */
@XmlTransient
public abstract class ExtensibleElement {
    @XmlAnyElement
    private List<Element> extraElements = new ArrayList<>();

    // LinkedHashMap: JAXB fills the map we give it, so source order is kept for formatting.
    @XmlAnyAttribute
    private Map<QName, String> extraAttributes = new LinkedHashMap<>();

    /** Child elements the model does not type, in document order. Live, mutable. */
    public List<Element> getExtraElements() {
        return extraElements;
    }

    /** Attributes the model does not type, in document order. Live, mutable. */
    public Map<QName, String> getExtraAttributes() {
        return extraAttributes;
    }

    /** The value of an untyped attribute without namespace, or null. */
    public String getExtraAttribute(String localName) {
        return extraAttributes.get(new QName(localName));
    }

    /** Sets (or with null removes) an untyped attribute without namespace. */
    public void setExtraAttribute(String localName, String value) {
        if (value == null) {
            extraAttributes.remove(new QName(localName));
        } else {
            extraAttributes.put(new QName(localName), value);
        }
    }

    /** The first untyped child element with this namespace (null for none) and name, or null. */
    public Element getExtraElement(String namespaceUri, String localName) {
        return DomElements.first(extraElements, namespaceUri, localName);
    }

    /** The first untyped child element without namespace with this name, or null. */
    public Element getExtraElement(String localName) {
        return getExtraElement(null, localName);
    }

    /** All untyped child elements without namespace with this name, in document order. */
    public List<Element> getExtraElements(String localName) {
        return DomElements.all(extraElements, null, localName);
    }
}
