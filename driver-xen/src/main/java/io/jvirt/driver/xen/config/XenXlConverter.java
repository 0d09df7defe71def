package io.jvirt.driver.xen.config;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import io.jvirt.xml.DomainDef;
import io.jvirt.xml.LibvirtXml;

/**
 * The "xen-xl" native format: what Connection.domainXmlFromNative/ToNative of a xen:/// driver
 * and the shell's domxml-from-native/-to-native call.
 */
public final class XenXlConverter {
    /** The native format name, as virsh spells it. */
    public static final String FORMAT = "xen-xl";

    private XenXlConverter() {
    }

    /** xl.cfg text → domain XML. */
    public static String toDomainXml(String cfg) {
        if (cfg == null) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.XENXL, "config must not be null");
        }
        return LibvirtXml.format(XlToDomain.convert(XlConfig.parse(cfg)));
    }

    /** Domain XML → xl.cfg text. */
    public static String toXl(String xml) {
        if (xml == null) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.XENXL, "xml must not be null");
        }
        return toXl(LibvirtXml.parseDomain(xml));
    }

    /** A parsed domain definition → xl.cfg text. */
    public static String toXl(DomainDef def) {
        return DomainToXl.convert(def).write();
    }
}
