package io.jvirt.shell;

import io.jvirt.DomainXmlFlag;
import io.jvirt.VirtException;

/** virsh's domxml-from-native and domxml-to-native: a hypervisor's own config format and domain XML. */
final class DomainXmlNative {
    private DomainXmlNative() {
    }

    static boolean fromNative(Invocation inv) {
        String format = inv.required("format");
        String config = TextFiles.read(inv.shell(), inv.required("config"));
        String xml;
        try {
            xml = inv.conn().domainXmlFromNative(format, config);
        } catch (VirtException e) {
            throw CommandFailure.of(e);
        }
        inv.print(xml);
        return true;
    }

    static boolean toNative(Invocation inv) {
        String format = inv.required("format");
        String xmlFile = inv.string("xml");
        Invocation.exclusive("domain", inv.string("domain") != null, "xml", xmlFile != null);
        String xml;
        if (inv.string("domain") != null) {
            xml = Lookups.domain(inv).xml(new DomainXmlFlag[0]);
        } else if (xmlFile != null) {
            xml = TextFiles.read(inv.shell(), xmlFile);
        } else {
            throw CommandFailure.of("need either domain or domain XML");
        }
        String config;
        try {
            config = inv.conn().domainXmlToNative(format, xml);
        } catch (VirtException e) {
            throw CommandFailure.of(e);
        }
        inv.print(config);
        return true;
    }
}
