package io.jvirt.driver.xen.xenstore;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Payload rules of the wire protocol: NUL-terminated strings, the argument checks xenstored
 * applies ({@code get_strings}, {@code onearg}, {@code xs_count_strings}), and C's number parsing
 * ({@code strtol}, {@code atoi}), which decides how odd numbers are read. The daemon decodes
 * strings as ISO-8859-1 so that any byte survives a round trip (tokens are opaque bytes).
 */
final class XsPayload {
    /** The reply of every request that has nothing else to say. */
    static final byte[] OK = {'O', 'K', 0};

    private XsPayload() {
    }

    /** Number of NUL bytes, which xenstored counts as the number of strings. */
    static int countNuls(byte[] p) {
        int n = 0;
        for (byte b : p) {
            if (b == 0) {
                n++;
            }
        }
        return n;
    }

    /**
     * The NUL-terminated strings at the start of the payload; bytes after the last NUL are not
     * a string and are ignored (as {@code get_strings} does).
     */
    static List<String> strings(byte[] p) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] == 0) {
                out.add(new String(p, start, i - start, StandardCharsets.ISO_8859_1));
                start = i + 1;
            }
        }
        return out;
    }

    /**
     * The single argument of a one-argument request, or null when the payload is not exactly
     * one string with its NUL at the very end ({@code onearg}).
     */
    static String oneArg(byte[] p) {
        if (p.length == 0 || indexOfNul(p, 0) != p.length - 1) {
            return null;
        }
        return new String(p, 0, p.length - 1, StandardCharsets.ISO_8859_1);
    }

    static int indexOfNul(byte[] p, int from) {
        for (int i = from; i < p.length; i++) {
            if (p[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Each string followed by a NUL. */
    static byte[] join(Iterable<String> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String s : parts) {
            out.writeBytes(bytes(s));
            out.write(0);
        }
        return out.toByteArray();
    }

    static byte[] join(String... parts) {
        return join(List.of(parts));
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String string(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** C's {@code atoi} as glibc implements it: {@code (int) strtol(s, NULL, 10)}. */
    static int atoi(String s) {
        return (int) strtol(s, 10)[0];
    }

    /**
     * C's {@code strtol}: skips white space, takes a sign, and with base 0 reads {@code 0x} as
     * hex and a leading {@code 0} as octal; on overflow it clamps to the long range.
     *
     * @return {value, index just past the last digit read, or 0 if none was}
     */
    static long[] strtol(String s, int base) {
        int n = s.length();
        int i = 0;
        while (i < n && isCSpace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        if ((base == 0 || base == 16) && i + 2 < n && s.charAt(i) == '0'
                && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
                && Character.digit(s.charAt(i + 2), 16) >= 0) {
            i += 2;
            base = 16;
        } else if (base == 0) {
            base = i < n && s.charAt(i) == '0' ? 8 : 10;
        }
        int start = i;
        long value = 0;
        boolean overflow = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            int d = c < 128 ? Character.digit(c, base) : -1;
            if (d < 0) {
                break;
            }
            if (!overflow && value > (Long.MAX_VALUE - d) / base) {
                overflow = true;
            } else if (!overflow) {
                value = value * base + d;
            }
        }
        if (i == start) {
            return new long[] {0, 0};
        }
        if (overflow) {
            value = negative ? Long.MIN_VALUE : Long.MAX_VALUE;
        } else if (negative) {
            value = -value;
        }
        return new long[] {value, i};
    }

    private static boolean isCSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }
}
