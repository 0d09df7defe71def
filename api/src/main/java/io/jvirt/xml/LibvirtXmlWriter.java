package io.jvirt.xml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link TreeNode} tree the way libvirt does, byte for byte.
 *
 * <p>libvirt formats with its own buffer (virBuffer): 2-space indentation, single-quoted
 * attributes, virBufferEscapeString escaping (also of ' and " in text), no XML declaration,
 * {@code <x/>} for an empty element, a trailing newline. One subtree is different:
 * {@code <metadata>} is copied through libxml2's xmlNodeDump, which double-quotes attributes,
 * escapes differently and only indents elements that hold no text. Both styles are here.
 */
final class LibvirtXmlWriter {
    private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

    /** libxml2 stops indenting deeper than 30 levels (its 60-space indent string). */
    private static final int LIBXML_MAX_INDENT_LEVELS = 30;

    private final StringBuilder out = new StringBuilder(4096);

    private LibvirtXmlWriter() {
    }

    static String write(TreeNode root) {
        return write(root, FormatRules.childPath(null, root));
    }

    /** Writes {@code root} as if it stood at {@code rootPath} (e.g. a device snippet). */
    static String write(TreeNode root, String rootPath) {
        reorderAll(root, rootPath);
        LibvirtXmlWriter writer = new LibvirtXmlWriter();
        writer.writeRoot(root, rootPath);
        return writer.out.toString();
    }

    /**
     * Writes an element as libxml2's xmlNodeDump does at level 0 (how libvirt returns single
     * elements such as {@code virDomainGetMetadata}'s): double quotes, namespaces declared
     * where used, no trailing newline, nothing reordered.
     */
    static String writeLibxml(TreeNode root) {
        LibvirtXmlWriter writer = new LibvirtXmlWriter();
        Map<String, String> scope = new HashMap<>();
        scope.put("", "");
        writer.element(root, null, 0, scope, true, false);
        return writer.out.toString();
    }

    private static void reorderAll(TreeNode node, String path) {
        FormatRules.reorder(node, path);
        for (TreeNode child : node.children) {
            if (!child.isText()) {
                reorderAll(child, path == null ? null : FormatRules.childPath(path, child));
            }
        }
    }

    private void writeRoot(TreeNode root, String path) {
        // libvirt declares hypervisor namespaces (xmlns:qemu=...) on the root element.
        Map<String, String> rootNamespaces = new LinkedHashMap<>();
        collectNamespaces(root, path, rootNamespaces);
        Map<String, String> scope = new HashMap<>(rootNamespaces);
        scope.put("", "");

        out.append('<').append(root.qName());
        List<String> nsAfter = FormatRules.namespacesAfter(path);
        boolean nsWritten = false;
        for (TreeNode.Attribute a : root.attributes) {
            if (!nsWritten && nsAfter != null && !nsAfter.contains(a.localName)) {
                writeDeclarations(rootNamespaces, '\'');
                nsWritten = true;
            }
            attribute(a.qName(), a.value, false);
        }
        if (!nsWritten) {
            writeDeclarations(rootNamespaces, '\'');
        }
        content(root, path, 0, scope, false, false);
        out.append('\n');
    }

    private void writeDeclarations(Map<String, String> namespaces, char quote) {
        for (Map.Entry<String, String> ns : namespaces.entrySet()) {
            out.append(' ').append(ns.getKey().isEmpty() ? "xmlns" : "xmlns:" + ns.getKey())
                    .append('=').append(quote)
                    .append(quote == '\'' ? escapeLibvirt(ns.getValue())
                            : escapeLibxmlAttribute(ns.getValue()))
                    .append(quote);
        }
    }

    /** Prefixed namespaces used outside {@code <metadata>}, first use first. */
    private static void collectNamespaces(TreeNode node, String path, Map<String, String> found) {
        if (FormatRules.isMetadata(path)) {
            return;
        }
        addNamespace(found, node.prefix, node.uri);
        for (TreeNode.Attribute a : node.attributes) {
            addNamespace(found, a.prefix, a.uri);
        }
        for (TreeNode child : node.children) {
            if (!child.isText()) {
                collectNamespaces(child, path == null ? null : FormatRules.childPath(path, child),
                        found);
            }
        }
    }

    private static void addNamespace(Map<String, String> found, String prefix, String uri) {
        // A default namespace cannot move to the root (that would change the root's own
        // namespace), and a prefix bound twice differently is declared where it is used.
        if (!prefix.isEmpty() && !uri.isEmpty() && !uri.equals(XML_NS)) {
            found.putIfAbsent(prefix, uri);
        }
    }

    private void element(TreeNode node, String path, int depth, Map<String, String> scope,
            boolean libxml, boolean inline) {
        // The <metadata> subtree is libxml2's, whatever encloses it.
        libxml |= FormatRules.isMetadata(path);
        char quote = libxml ? '"' : '\'';

        Map<String, String> declare = new LinkedHashMap<>(node.declarations);
        Map<String, String> inner = scope;
        if (!declare.isEmpty()) {
            inner = new HashMap<>(scope);
            inner.putAll(declare);
        }
        inner = need(declare, inner, scope, node.prefix, node.uri, true);
        for (TreeNode.Attribute a : node.attributes) {
            if (!a.uri.isEmpty()) {
                inner = need(declare, inner, scope, a.prefix, a.uri, false);
            }
        }

        out.append('<').append(node.qName());
        writeDeclarations(declare, quote);
        for (TreeNode.Attribute a : node.attributes) {
            attribute(a.qName(), a.value, libxml);
        }
        content(node, path, depth, inner, libxml, inline);
    }

    /** Records a declaration if {@code prefix} is not bound to {@code uri} in scope. */
    private static Map<String, String> need(Map<String, String> declare, Map<String, String> inner,
            Map<String, String> scope, String prefix, String uri, boolean isElement) {
        if (uri.equals(XML_NS) || (!isElement && prefix.isEmpty())) {
            return inner;
        }
        if (uri.equals(inner.getOrDefault(prefix, prefix.isEmpty() ? "" : null))) {
            return inner;
        }
        Map<String, String> copy = inner == scope ? new HashMap<>(scope) : inner;
        copy.put(prefix, uri);
        declare.put(prefix, uri);
        return copy;
    }

    private void content(TreeNode node, String path, int depth, Map<String, String> scope,
            boolean libxml, boolean inline) {
        List<TreeNode> kids = significantChildren(node);
        if (kids.isEmpty()) {
            if (FormatRules.alwaysOpen(path) && !libxml && !inline) {
                out.append(">\n");
                indent(depth, false);
                out.append("</").append(node.qName()).append('>');
            } else {
                out.append("/>");
            }
            return;
        }
        boolean hasText = false;
        for (TreeNode kid : kids) {
            hasText |= kid.isText();
        }
        if (hasText || inline) {
            // Text present: nothing is indented inside, as both libvirt and libxml2 do.
            out.append('>');
            for (TreeNode kid : kids) {
                if (kid.isText()) {
                    out.append(libxml ? escapeLibxmlText(kid.text) : escapeLibvirt(kid.text));
                } else {
                    element(kid, childPath(path, kid), depth + 1, scope, libxml, true);
                }
            }
        } else {
            boolean blankLines = depth == 0 && FormatRules.blankLinesBetweenChildren(path);
            out.append(">\n");
            if (blankLines) {
                out.append('\n');
            }
            for (TreeNode kid : kids) {
                indent(depth + 1, libxml);
                element(kid, childPath(path, kid), depth + 1, scope, libxml, false);
                out.append('\n');
                if (blankLines) {
                    out.append('\n');
                }
            }
            indent(depth, libxml);
        }
        out.append("</").append(node.qName()).append('>');
    }

    private static String childPath(String path, TreeNode kid) {
        return path == null ? null : FormatRules.childPath(path, kid);
    }

    /** Children worth writing: an empty text next to elements carries nothing. */
    private static List<TreeNode> significantChildren(TreeNode node) {
        boolean hasElement = false;
        for (TreeNode child : node.children) {
            hasElement |= !child.isText();
        }
        if (!hasElement) {
            return node.children;
        }
        List<TreeNode> kids = new ArrayList<>(node.children.size());
        for (TreeNode child : node.children) {
            if (!child.isText() || !child.text.isEmpty()) {
                kids.add(child);
            }
        }
        return kids;
    }

    private void indent(int depth, boolean libxml) {
        int levels = libxml ? Math.min(depth, LIBXML_MAX_INDENT_LEVELS) : depth;
        for (int i = 0; i < levels; i++) {
            out.append("  ");
        }
    }

    private void attribute(String qName, String value, boolean libxml) {
        out.append(' ').append(qName).append('=');
        if (libxml) {
            out.append('"').append(escapeLibxmlAttribute(value)).append('"');
        } else {
            out.append('\'').append(escapeLibvirt(value)).append('\'');
        }
    }

    /**
     * virBufferEscapeString: the five XML specials become entities (also in text), and control
     * characters other than tab, newline and carriage return are silently dropped.
     */
    static String escapeLibvirt(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String replacement;
            switch (c) {
                case '<': replacement = "&lt;"; break;
                case '>': replacement = "&gt;"; break;
                case '&': replacement = "&amp;"; break;
                case '"': replacement = "&quot;"; break;
                case '\'': replacement = "&apos;"; break;
                default:
                    replacement = c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? "" : null;
            }
            if (replacement != null && b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (b != null) {
                if (replacement != null) {
                    b.append(replacement);
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? s : b.toString();
    }

    /** libxml2's text escaping (xmlEscapeContent): {@code < > &} and carriage return. */
    static String escapeLibxmlText(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                case '&': b.append("&amp;"); break;
                case '\r': b.append("&#13;"); break;
                default: b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * libxml2's attribute escaping (xmlBufAttrSerializeTxtContent) for a document without a
     * declared encoding: specials and whitespace controls as references, non-ASCII as hex
     * character references.
     */
    static String escapeLibxmlAttribute(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                case '&': b.append("&amp;"); break;
                case '"': b.append("&quot;"); break;
                case '\n': b.append("&#10;"); break;
                case '\r': b.append("&#13;"); break;
                case '\t': b.append("&#9;"); break;
                default:
                    if (cp >= 0x80) {
                        b.append("&#x").append(Integer.toHexString(cp).toUpperCase()).append(';');
                    } else {
                        b.append((char) cp);
                    }
            }
        }
        return b.toString();
    }
}
