package io.jvirt.capacity;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import io.jvirt.xml.Units;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Sizes and network rates as the planner reads and prints them.
 *
 * <p><b>Sizes</b> take libvirt's units ({@link Units}): {@code k}, {@code M}, {@code G},
 * {@code T} and {@code KiB} ... {@code TiB} are binary (2G = 2 GiB = 2<sup>31</sup> bytes),
 * {@code KB} ... {@code TB} decimal, {@code b}/{@code bytes} one byte. A bare number has the
 * caller's default unit, as in virsh: KiB for memory ({@link #KIB}), bytes for disks
 * ({@link #BYTES}). Sizes print exactly, in the largest binary unit that shows them with at most
 * two decimals: {@code 406.75 GiB}, {@code 512 GiB}, {@code 20000 GiB}.
 *
 * <p><b>Rates</b> are bits per second with an optional decimal suffix {@code k}, {@code M},
 * {@code G} or {@code T}, optionally followed by {@code bps} or {@code bit/s}:
 * {@code 100M} = {@code 100Mbps} = 10<sup>8</sup> bit/s. They print as {@code 100 Mbps}.
 *
 * <pre>{@code
 * Quantities.parseSize("memory", "2G", Quantities.KIB);   // 2147483648
 * Quantities.parseRate("bandwidth", "100M");             // 100000000
 * Quantities.formatSize(436_744_978_432L);                // "406.75 GiB"
 * }</pre>
 *
 * <p>Zero, negative and malformed values are refused with {@link ErrorCode#INVALID_ARG}, naming
 * the value and what it was for.
 */
public final class Quantities {
    /** The default unit of a bare memory size: KiB, as libvirt's {@code <memory>}. */
    public static final long KIB = 1024;
    /** The default unit of a bare disk size: bytes, as libvirt's {@code <capacity>}. */
    public static final long BYTES = 1;

    private static final String[] SIZE_UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    private static final String[] RATE_UNITS = {"bps", "kbps", "Mbps", "Gbps", "Tbps", "Pbps", "Ebps"};

    private Quantities() {
    }

    /**
     * A size in bytes, more than zero.
     *
     * @param what what the size is for ("memory", "--disk"), for the error message
     * @param text a number with an optional libvirt unit
     * @param bareUnit the unit of a bare number ({@link #KIB} or {@link #BYTES})
     * @throws VirtException {@code INVALID_ARG} when the text is not such a size, is zero, or
     *     does not fit in 63 bits
     */
    public static long parseSize(String what, String text, long bareUnit) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || !Character.isDigit(t.charAt(0)) || t.charAt(0) > '9') {
            throw invalid(what + ": '" + text + "' is not a size (a number with an optional unit:"
                    + " k/KiB, M/MiB, G/GiB, T/TiB are binary; KB, MB, GB, TB decimal)");
        }
        long bytes;
        try {
            bytes = Units.parseScaledString(t, bareUnit, Long.MAX_VALUE);
        } catch (VirtException e) {
            // libvirt's reason ("unknown suffix 'X'", "value too large: ..."), without its code's prefix
            String reason = e.getMessage().substring(e.getMessage().indexOf(": ") + 2);
            throw invalid(what + ": '" + text + "' is not a size: " + reason);
        }
        if (bytes == 0) {
            throw invalid(what + " must be more than 0, got '" + text + "'");
        }
        return bytes;
    }

    /**
     * A rate in bits per second, more than zero.
     *
     * @param what what the rate is for, for the error message
     * @param text a number with an optional k, M, G or T suffix (decimal), optionally followed
     *     by {@code bps} or {@code bit/s}
     * @throws VirtException {@code INVALID_ARG} when the text is not such a rate or is zero
     */
    public static long parseRate(String what, String text) {
        String t = text == null ? "" : text.strip();
        int end = 0;
        while (end < t.length() && t.charAt(end) >= '0' && t.charAt(end) <= '9') {
            end++;
        }
        String suffix = t.substring(end).toLowerCase(Locale.ROOT);
        for (String unit : new String[] {"bps", "bit/s"}) {
            if (suffix.endsWith(unit)) {
                suffix = suffix.substring(0, suffix.length() - unit.length());
                break;
            }
        }
        int power = suffix.isEmpty() ? 0 : suffix.length() == 1 ? "kmgt".indexOf(suffix.charAt(0)) + 1 : -1;
        if (end == 0 || power < 0 || (!suffix.isEmpty() && power == 0)) {
            throw invalid(what + ": '" + text + "' is not a rate (bits per second, with an optional"
                    + " k, M or G suffix: 100M = 100 Mbps)");
        }
        long value;
        try {
            value = Long.parseLong(t.substring(0, end));
            for (int i = 0; i < power; i++) {
                value = Math.multiplyExact(value, 1000L);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw invalid(what + ": '" + text + "' is too large");
        }
        if (value == 0) {
            throw invalid(what + " must be more than 0, got '" + text + "'");
        }
        return value;
    }

    /** {@code bytes} exactly, in the largest binary unit that needs at most two decimals. */
    public static String formatSize(long bytes) {
        return format(bytes, 1024, SIZE_UNITS);
    }

    /** {@code bitsPerSecond} exactly, in the largest decimal unit that needs at most two decimals. */
    public static String formatRate(long bitsPerSecond) {
        return format(bitsPerSecond, 1000, RATE_UNITS);
    }

    private static String format(long value, long base, String[] units) {
        long scale = 1;
        int unit = 0;
        String best = value + " " + units[0];
        while (unit + 1 < units.length && value / scale >= base) {
            scale *= base;
            unit++;
            BigDecimal scaled = BigDecimal.valueOf(value).divide(BigDecimal.valueOf(scale));
            if (scaled.stripTrailingZeros().scale() <= 2) {
                best = scaled.stripTrailingZeros().toPlainString() + " " + units[unit];
            }
        }
        return best;
    }

    static VirtException invalid(String message) {
        return new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NONE, message);
    }
}
