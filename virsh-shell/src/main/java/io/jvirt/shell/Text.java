package io.jvirt.shell;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Small text helpers for virsh's printf layouts, kept free of java.util.Formatter for a fast start. */
final class Text {
    /** C's strcasecmp over UTF-8 bytes, as virsh sorts names. */
    static final Comparator<String> CASE_INSENSITIVE = Text::strcasecmp;

    private Text() {
    }

    /** {@code "%-Ns"}: left-justified in {@code width} columns. */
    static String left(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    /** {@code "%Ns"}: right-justified in {@code width} columns. */
    static String right(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    /** virsh's key/value report line, {@code "%-15s %s\n"}. */
    static String field(String label, Object value) {
        return left(label, 15) + " " + value + "\n";
    }

    static int strcasecmp(String a, String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        int n = Math.min(x.length, y.length);
        for (int i = 0; i < n; i++) {
            int c1 = lower(x[i] & 0xff);
            int c2 = lower(y[i] & 0xff);
            if (c1 != c2) {
                return c1 - c2;
            }
        }
        return x.length - y.length;
    }

    private static int lower(int c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    /** libvirt's version number (major * 1,000,000 + minor * 1,000 + micro) as "major.minor.micro". */
    static String version(long v) {
        return (v / 1_000_000) + "." + (v % 1_000_000 / 1000) + "." + (v % 1000);
    }

    /** vshStringToArray: splits on ',' where ",," stands for a literal comma. */
    static List<String> splitEscapedCommas(String s) {
        String[] parts = s.split(",", -1);
        List<String> out = new ArrayList<>();
        out.add(parts[0]);
        boolean concat = false;
        for (int i = 1; i < parts.length; i++) {
            if (concat) {
                out.set(out.size() - 1, out.get(out.size() - 1) + "," + parts[i]);
                concat = false;
                continue;
            }
            if (parts[i].isEmpty()) {
                concat = true;
            } else {
                out.add(parts[i]);
            }
        }
        if (concat) {
            out.add("");
        }
        return out;
    }
}
