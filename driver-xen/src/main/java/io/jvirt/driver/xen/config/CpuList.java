package io.jvirt.driver.xen.config;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import java.util.BitSet;

/** libvirt's CPU list syntax ("0-3,^2,8"), read and written as its virBitmapParse/Format do. */
final class CpuList {
    /** VIR_DOMAIN_CPUMASK_LEN: CPU numbers go up to this (exclusive). */
    private static final int CPUMASK_LEN = 4096;

    private CpuList() {
    }

    /** "0-3,^2,8": numbers, ranges and exclusions; an empty or malformed list is refused. */
    static BitSet parse(String text) {
        BitSet set = new BitSet();
        boolean any = false;
        for (String part : text.split(",", -1)) {
            String p = part.strip();
            boolean exclude = p.startsWith("^");
            if (exclude) {
                p = p.substring(1);
            }
            int dash = p.indexOf('-');
            long first = XlVnuma.unsigned(dash < 0 ? p : p.substring(0, dash).strip());
            long last = dash < 0 ? first : XlVnuma.unsigned(p.substring(dash + 1).strip());
            if (first < 0 || last < first || last >= CPUMASK_LEN || (exclude && dash >= 0)) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NONE, "Failed to parse bitmap '" + text + "'");
            }
            if (exclude) {
                set.clear((int) first);
            } else {
                set.set((int) first, (int) last + 1);
                any = true;
            }
        }
        if (!any) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NONE, "Failed to parse bitmap '" + text + "'");
        }
        return set;
    }

    static String format(BitSet set) {
        StringBuilder b = new StringBuilder();
        for (int start = set.nextSetBit(0); start >= 0; ) {
            int end = set.nextClearBit(start) - 1;
            b.append(b.length() > 0 ? "," : "").append(start);
            if (end > start) {
                b.append('-').append(end);
            }
            start = set.nextSetBit(end + 1);
        }
        return b.toString();
    }
}
