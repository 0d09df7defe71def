package io.jvirt.xml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The formatter's working tree: an element or a text node. Unlike a DOM it keeps attributes in
 * the order they were produced (a JDK DOM sorts them by name), which libvirt's layout needs.
 */
final class TreeNode {
    static final class Attribute {
        final String uri;
        final String prefix;
        final String localName;
        final String value;

        Attribute(String uri, String prefix, String localName, String value) {
            this.uri = uri == null ? "" : uri;
            this.prefix = prefix == null ? "" : prefix;
            this.localName = localName;
            this.value = value;
        }

        String qName() {
            return prefix.isEmpty() ? localName : prefix + ":" + localName;
        }
    }

    final String uri;
    final String prefix;
    final String localName;
    final String text;
    final List<Attribute> attributes = new ArrayList<>();
    final List<TreeNode> children = new ArrayList<>();
    /** Namespace declarations to write on this element whether or not it needs them. */
    final Map<String, String> declarations = new LinkedHashMap<>();

    private TreeNode(String uri, String prefix, String localName, String text) {
        this.uri = uri == null ? "" : uri;
        this.prefix = prefix == null ? "" : prefix;
        this.localName = localName;
        this.text = text;
    }

    static TreeNode element(String uri, String prefix, String localName) {
        return new TreeNode(uri, prefix, localName, null);
    }

    static TreeNode text(String text) {
        return new TreeNode(null, null, null, text);
    }

    boolean isText() {
        return text != null;
    }

    String qName() {
        return prefix.isEmpty() ? localName : prefix + ":" + localName;
    }

    boolean hasTextChild() {
        for (TreeNode child : children) {
            if (child.isText()) {
                return true;
            }
        }
        return false;
    }

    String attribute(String name) {
        for (Attribute a : attributes) {
            if (a.uri.isEmpty() && a.localName.equals(name)) {
                return a.value;
            }
        }
        return null;
    }
}
