package io.jvirt;

/** The {@code <volume>} document virsh's vol-create-as builds from a name, size and format. */
final class VolumeXml {
    private VolumeXml() {
    }

    static String of(String name, long capacity, String format) {
        StringBuilder sb = new StringBuilder();
        sb.append("<volume>\n  <name>").append(escape(name)).append("</name>\n")
                .append("  <capacity>").append(capacity).append("</capacity>\n");
        if (format != null) {
            sb.append("  <target>\n    <format type='").append(escape(format)).append("'/>\n  </target>\n");
        }
        return sb.append("</volume>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("'", "&apos;").replace("\"", "&quot;");
    }
}
