package io.jvirt.driver.test;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import io.jvirt.xml.LibvirtXml;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * libvirt 9.0's testConnectFindStoragePoolSources: two fixed volume groups for logical pools,
 * one NFS export on the host named in the source spec for netfs pools, and nothing else.
 */
final class PoolSourceDiscovery {
    private static final String LOGICAL_SOURCES = """
            <sources>
              <source>
                <device path='/dev/sda20'/>
                <name>testvg1</name>
                <format type='lvm2'/>
              </source>
              <source>
                <device path='/dev/sda21'/>
                <name>testvg2</name>
                <format type='lvm2'/>
              </source>
            </sources>
            """;

    private PoolSourceDiscovery() {
    }

    static String find(String type, String sourceSpec) {
        // libvirt tests the type with `!pool_type`: "dir", enum value 0, is the one refused as unknown.
        if (type.equals("dir")) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.TEST, "unknown storage pool type dir");
        }
        String host = sourceSpec == null ? null : hostName(LibvirtXml.parseElement(sourceSpec));
        if (type.equals("logical")) {
            return LOGICAL_SOURCES;
        }
        if (type.equals("netfs")) {
            if (host == null) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.TEST,
                        "hostname must be specified for netfs sources");
            }
            return "<sources>\n  <source>\n    <host name='" + host + "'/>\n    <dir path='/testshare'/>\n"
                    + "    <format type='nfs'/>\n  </source>\n</sources>\n";
        }
        // Other known types and unknown names alike (libvirt's switch default).
        throw new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.TEST,
                "pool type '" + type + "' does not support source discovery");
    }

    /** The name of the spec's first {@code <host>}, or null. */
    private static String hostName(Element source) {
        for (Node n = source.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("host") && e.hasAttribute("name")) {
                return e.getAttribute("name");
            }
        }
        return null;
    }
}
