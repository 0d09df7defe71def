package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlTransient;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code <metadata>} of a domain or network: application data, one element per XML namespace
 * (kept here as DOM elements in {@link #getExtraElements()}). libvirt writes this subtree with
 * libxml2, and so does {@link LibvirtXml#format}: attributes in double quotes, indentation only
 * where an element holds no text. {@link DomainDefChecks} drops children without a namespace and
 * all but the first child per namespace, as libvirt does.
 */
public class MetadataDef extends ExtensibleElement {
    // Filled by the parser; not an attribute of the document but where its prefixes were bound.
    @XmlTransient
    private final Map<String, String> namespaceDeclarations = new LinkedHashMap<>();

    /**
     * Namespace declarations (prefix to URI) written on {@code <metadata>} itself. The parser fills
     * it the way libvirt's copy of the subtree does: declarations made on {@code <metadata>}, then
     * those made on an enclosing element but used inside. Prefixes declared on the application
     * elements themselves are not listed; they stay where they are. Live, mutable.
     */
    public Map<String, String> getNamespaceDeclarations() {
        return namespaceDeclarations;
    }

}
