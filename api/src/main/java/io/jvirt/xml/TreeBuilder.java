package io.jvirt.xml;

import java.util.ArrayDeque;
import java.util.Deque;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Receives JAXB's marshalling events and builds a {@link TreeNode} tree. Namespace prefix
 * events are ignored: the writer declares namespaces itself, where libvirt would.
 */
final class TreeBuilder extends DefaultHandler {
    private final Deque<TreeNode> open = new ArrayDeque<>();
    private TreeNode root;

    TreeNode root() {
        return root;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
        TreeNode element = TreeNode.element(uri, prefixOf(qName), localName(localName, qName));
        for (int i = 0; i < atts.getLength(); i++) {
            String attQName = atts.getQName(i);
            if (attQName.equals("xmlns") || attQName.startsWith("xmlns:")) {
                continue;
            }
            element.attributes.add(new TreeNode.Attribute(atts.getURI(i), prefixOf(attQName),
                    localName(atts.getLocalName(i), attQName), atts.getValue(i)));
        }
        if (open.isEmpty()) {
            root = element;
        } else {
            open.peek().children.add(element);
        }
        open.push(element);
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        open.pop();
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        TreeNode parent = open.peek();
        if (parent == null) {
            return;
        }
        String text = new String(ch, start, length);
        int last = parent.children.size() - 1;
        if (last >= 0 && parent.children.get(last).isText()) {
            TreeNode merged = TreeNode.text(parent.children.get(last).text + text);
            parent.children.set(last, merged);
        } else {
            // Kept even when empty: a typed property holding "" is written <x></x>, as libvirt
            // writes an empty string it formats with "<x>%s</x>".
            parent.children.add(TreeNode.text(text));
        }
    }

    private static String prefixOf(String qName) {
        int colon = qName.indexOf(':');
        return colon < 0 ? "" : qName.substring(0, colon);
    }

    private static String localName(String localName, String qName) {
        if (localName != null && !localName.isEmpty()) {
            return localName;
        }
        int colon = qName.indexOf(':');
        return colon < 0 ? qName : qName.substring(colon + 1);
    }
}
