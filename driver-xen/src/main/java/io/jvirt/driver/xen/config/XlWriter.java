package io.jvirt.driver.xen.config;

import java.util.Map;

/** Writes settings in libvirt's virConfWriteMem layout: one `key = value` per line. */
final class XlWriter {
    private XlWriter() {
    }

    static String write(XlConfig config) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, XlValue> e : config.settings().entrySet()) {
            out.append(e.getKey()).append(" = ");
            value(out, e.getValue());
            out.append('\n');
        }
        return out.toString();
    }

    static void value(StringBuilder out, XlValue v) {
        if (v instanceof XlValue.Num n) {
            out.append(n.literal());
        } else if (v instanceof XlValue.Str s) {
            quote(out, s.value());
        } else if (v instanceof XlValue.ListVal l) {
            out.append("[ ");
            for (int i = 0; i < l.items().size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                value(out, l.items().get(i));
            }
            out.append(" ]");
        }
    }

    /** Double quotes with C escapes, which xl's lexer decodes, so any string survives a round trip. */
    static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
