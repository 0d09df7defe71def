package io.jvirt.shell;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Number parsing and printing with C's rules, as virsh's option values go through
 * {@code strtol}/{@code strtoull} and its output through {@code printf}. Where Java differs
 * (leading blanks, {@code +}, round-half-even of exact ties) the result would differ byte for
 * byte from virsh's, so these helpers follow C.
 */
final class CNumbers {
    private CNumbers() {
    }

    /**
     * A parsed prefix of a string: the magnitude (unsigned), where the digits ended, whether a
     * minus sign came first and whether the digits overflowed 64 unsigned bits.
     */
    record Prefix(long value, int end, boolean negative, boolean overflow) {
    }

    /**
     * {@code strtoull}/{@code strtol} in base {@code base} (10, or 0 for C's 0x/0 prefixes):
     * leading blanks, an optional sign, digits. Null when no digit was read.
     */
    static Prefix prefix(String s, int base) {
        int i = 0;
        int n = s.length();
        while (i < n && isSpace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int radix = base;
        if (base == 0) {
            if (i + 2 < n && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
                    && digit(s.charAt(i + 2), 16) >= 0) {
                radix = 16;
                i += 2;
            } else if (i < n && s.charAt(i) == '0') {
                radix = 8;
            } else {
                radix = 10;
            }
        }
        int start = i;
        long value = 0;
        boolean overflow = false;
        long limit = Long.divideUnsigned(-1L, radix);
        while (i < n) {
            int d = digit(s.charAt(i), radix);
            if (d < 0) {
                break;
            }
            if (Long.compareUnsigned(value, limit) > 0
                    || Long.compareUnsigned(value * radix, -1L - d) > 0) {
                overflow = true;
            }
            value = value * radix + d;
            i++;
        }
        if (i == start) {
            return null;
        }
        return new Prefix(value, i, negative, overflow);
    }

    private static int digit(char c, int radix) {
        return c > 127 ? -1 : Character.digit(c, radix);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }

    /** virStrToLong_i: the whole string is a decimal int, else null. */
    static Integer parseInt(String s) {
        return parseInt(s, 10);
    }

    /** virStrToLong_i in {@code base}. */
    static Integer parseInt(String s, int base) {
        Prefix p = prefix(s, base);
        if (p == null || p.end() != s.length() || p.overflow() || p.value() < 0) {
            return null;
        }
        long v = p.negative() ? -p.value() : p.value();
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            return null;
        }
        return (int) v;
    }

    /** virStrToLong_uip: the whole string is a decimal unsigned int without a minus, else null. */
    static Long parseUint(String s) {
        Prefix p = prefix(s, 10);
        if (p == null || p.end() != s.length() || p.negative() || p.overflow()
                || p.value() < 0 || p.value() > 0xFFFF_FFFFL) {
            return null;
        }
        return p.value();
    }

    /** C's {@code "%.Nf"}: rounds the exact binary value half to even, as glibc does. */
    static String fixed(double value, int digits) {
        return new BigDecimal(value).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** An unsigned 64-bit value as a double, as C's conversion of {@code unsigned long long}. */
    static double unsignedToDouble(long v) {
        if (v >= 0) {
            return v;
        }
        return ((double) (v >>> 1)) * 2.0 + (v & 1);
    }
}
