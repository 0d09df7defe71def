package io.jvirt.shell;

import io.jvirt.Connection;
import io.jvirt.VirtException;
import org.w3c.dom.Element;

/**
 * The host's security model as {@code dominfo} shows it (libvirt's
 * {@code virNodeGetSecurityModel}), read from the {@code <secmodel>} of the capabilities,
 * which is where libvirt's drivers take it from.
 */
record SecurityModel(String model, String doi) {

    /** The first security model of the host, or null when there is none or it cannot be read. */
    static SecurityModel of(Connection conn) {
        try {
            Element host = XmlDocuments.child(XmlDocuments.parse(conn.capabilities()), "host");
            Element sec = XmlDocuments.child(host, "secmodel");
            if (sec == null) {
                return null;
            }
            return new SecurityModel(XmlDocuments.text(sec, "model"), XmlDocuments.text(sec, "doi"));
        } catch (VirtException e) {
            return null;
        }
    }
}
