package io.jvirt.xml;

import java.util.Locale;
import java.util.UUID;

/** libvirt's UUID rules (viruuid.c): a liberal reader and the canonical lowercase form. */
final class Uuids {
    private Uuids() {
    }

    /**
     * Reads a UUID as virUUIDParse does: 32 hexadecimal digits in pairs, with '-' or ' '
     * allowed between pairs and white space around.
     *
     * @return the canonical form ({@code 6695eb01-f6a4-8304-79aa-97f2502e193f}), or null if
     *     the text is not a UUID
     */
    static String canonical(String text) {
        int i = 0;
        int n = text.length();
        while (i < n && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        StringBuilder hex = new StringBuilder(32);
        while (hex.length() < 32) {
            if (i >= n) {
                return null;
            }
            char c = text.charAt(i);
            if (c == '-' || c == ' ') {
                i++;
                continue;
            }
            if (i + 1 >= n || Character.digit(c, 16) < 0 || Character.digit(text.charAt(i + 1), 16) < 0
                    || c > 127 || text.charAt(i + 1) > 127) {
                return null;
            }
            hex.append(c).append(text.charAt(i + 1));
            i += 2;
        }
        while (i < n) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return null;
            }
            i++;
        }
        String h = hex.toString().toLowerCase(Locale.ROOT);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-"
                + h.substring(16, 20) + "-" + h.substring(20);
    }

    /** A random (version 4) UUID, as libvirt generates for definitions without one. */
    static String random() {
        return UUID.randomUUID().toString();
    }
}
