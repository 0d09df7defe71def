package io.jvirt.xml;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import java.util.BitSet;

/** libvirt's CPU list syntax ("0-3,^2,8"), read and written as virBitmapParse/Format do. */
final class CpuSets {
    /** VIR_DOMAIN_CPUMASK_LEN: the highest CPU number plus one libvirt accepts in a cpuset. */
    static final int MAX_CPUS = 4096;

    private CpuSets() {
    }

    /**
     * @throws VirtException {@code INVALID_ARG} "Failed to parse bitmap '...'", as libvirt
     */
    static BitSet parse(String text) {
        BitSet set = new BitSet();
        Cursor c = new Cursor(text);
        c.skipSpaces();
        if (c.atEnd()) {
            throw invalid(text);
        }
        while (!c.atEnd()) {
            boolean negate = c.peek() == '^';
            if (negate) {
                c.pos++;
            }
            if (c.atEnd() || !isDigit(c.peek())) {
                throw invalid(text);
            }
            int start = c.number(text);
            c.skipSpaces();
            if (c.atEnd() || c.peek() == ',') {
                set.set(start, !negate);
            } else if (c.peek() == '-') {
                if (negate) {
                    throw invalid(text);
                }
                c.pos++;
                c.skipSpaces();
                if (c.atEnd() || !isDigit(c.peek())) {
                    throw invalid(text);
                }
                int last = c.number(text);
                if (last < start) {
                    throw invalid(text);
                }
                set.set(start, last + 1);
                c.skipSpaces();
            }
            if (c.atEnd()) {
                break;
            }
            if (c.peek() != ',') {
                throw invalid(text);
            }
            c.pos++;
            c.skipSpaces();
        }
        return set;
    }

    static String format(BitSet set) {
        StringBuilder b = new StringBuilder();
        int start = set.nextSetBit(0);
        while (start >= 0) {
            int end = set.nextClearBit(start) - 1;
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(start);
            if (end > start) {
                b.append('-').append(end);
            }
            start = set.nextSetBit(end + 1);
        }
        return b.toString();
    }

    private static VirtException invalid(String text) {
        return new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NONE,
                "Failed to parse bitmap '" + text + "'");
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static final class Cursor {
        final String s;
        int pos;

        Cursor(String s) {
            this.s = s;
        }

        boolean atEnd() {
            return pos >= s.length();
        }

        char peek() {
            return s.charAt(pos);
        }

        void skipSpaces() {
            while (!atEnd() && Character.isWhitespace(peek())) {
                pos++;
            }
        }

        int number(String text) {
            int start = pos;
            while (!atEnd() && isDigit(peek())) {
                pos++;
            }
            long value = Long.parseLong(s.substring(start, Math.min(pos, start + 11)));
            if (pos - start > 10 || value >= MAX_CPUS) {
                throw invalid(text);
            }
            return (int) value;
        }
    }
}
