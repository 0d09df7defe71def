package io.jvirt.driver.xen.config;

import io.jvirt.xml.DiskSourceDef;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * The target of an RBD disk, "rbd:POOL/IMAGE[:key=value...]" (qemu's colon syntax, which libvirt's
 * virStorageSourceParseRBDColonString reads): ':' and ';' escaped with a backslash are literal,
 * and mon_host lists "host\:port" entries separated by "\;".
 */
final class XlRbd {
    private XlRbd() {
    }

    static void parse(String spec, DiskSourceDef src) {
        List<String> fields = split(spec, ':');
        src.setName(unescape(fields.get(0)));
        for (String field : fields.subList(1, fields.size())) {
            int eq = field.indexOf('=');
            String key = eq < 0 ? field : field.substring(0, eq);
            String value = eq < 0 ? "" : field.substring(eq + 1);
            if (key.equals("mon_host")) {
                // hosts are separated by "\;" and a port follows "\:" (the escapes are the separators)
                for (String host : value.split(";")) {
                    host = stripBackslash(host);
                    if (host.isEmpty()) {
                        continue;
                    }
                    String name;
                    String port = null;
                    if (host.startsWith("[") && host.indexOf(']') > 0) {
                        int close = host.indexOf(']');
                        name = unescape(host.substring(1, close));
                        String rest = host.substring(close + 1);
                        if (rest.startsWith("\\:") || rest.startsWith(":")) {
                            port = rest.substring(rest.indexOf(':') + 1);
                        }
                    } else {
                        int colon = host.indexOf(':');
                        name = colon < 0 ? host : stripBackslash(host.substring(0, colon));
                        port = colon < 0 ? null : host.substring(colon + 1);
                    }
                    src.getExtraElements().add(XlDom.element("host", "name", name, "port", port));
                }
            }
            // auth_supported=none is what libvirt writes; id=, conf= ... have no mapping here.
        }
    }

    static String format(DiskSourceDef src) {
        String name = src.getName();
        if (name == null) {
            throw XlConfig.invalid("RBD disk without a source name");
        }
        if (name.contains(":")) {
            throw XlConfig.invalid("':' not allowed in RBD source volume name '" + name + "'");
        }
        StringBuilder sb = new StringBuilder("rbd:").append(name).append(":auth_supported=none");
        List<Element> hosts = src.getExtraElements("host");
        if (!hosts.isEmpty()) {
            sb.append(":mon_host=");
            for (int i = 0; i < hosts.size(); i++) {
                if (i > 0) {
                    sb.append("\\;");
                }
                String host = hosts.get(i).getAttribute("name");
                // a host containing ':' is taken as IPv6
                sb.append(host.contains(":") ? "[" + host.replace(":", "\\:") + "]" : host);
                String port = XlDom.attr(hosts.get(i), "port");
                if (port != null) {
                    sb.append("\\:").append(port);
                }
            }
        }
        return sb.toString();
    }

    /** Splits at each sep not preceded by a backslash; escapes stay in the pieces. */
    private static List<String> split(String s, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                cur.append(c).append(s.charAt(++i));
            } else if (c == sep) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    private static String stripBackslash(String s) {
        return s.endsWith("\\") ? s.substring(0, s.length() - 1) : s;
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                c = s.charAt(++i);
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
