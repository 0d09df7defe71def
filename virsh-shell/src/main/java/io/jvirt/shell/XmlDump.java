package io.jvirt.shell;

import io.jvirt.VirtException;

/**
 * Prints a document from the API ({@code dumpxml} and friends, virsh's
 * {@code virshDumpXML}); with {@code --xpath}, only the matching nodes, serialized as
 * libxml2 does ({@link XPathFilter}).
 */
final class XmlDump {
    private XmlDump() {
    }

    static boolean print(Invocation inv, String xml, String xpath, boolean wrap) {
        if (xpath == null) {
            inv.print(xml);
            return true;
        }
        try {
            inv.print(XPathFilter.select(xml, xpath, wrap));
        } catch (VirtException e) {
            throw CommandFailure.of(e);
        }
        return true;
    }
}
