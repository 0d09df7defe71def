package io.jvirt.xml;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import java.util.Locale;

/**
 * libvirt's scaled integers: a number with a unit, as in {@code <memory unit='MiB'>512</memory>}
 * or virsh's {@code setmem dom 512M}.
 *
 * <p>Units (case-insensitive, as libvirt's virScaleInteger): {@code b}, {@code byte},
 * {@code bytes} = 1; {@code k}/{@code KiB} = 2<sup>10</sup>, {@code KB} = 10<sup>3</sup>; and
 * likewise {@code M/MiB, MB}, {@code G/GiB, GB}, {@code T/TiB, TB}, {@code P/PiB, PB},
 * {@code E/EiB, EB}. Without a unit the caller's default scale applies: KiB for domain memory,
 * bytes for storage.
 *
 * <pre>{@code
 * Units.parseMemoryKiB("512", "MiB", "./memory[1]", true);  // 524288
 * Units.parseStorageBytes("1", "G");                        // 1073741824
 * Units.parseScaledString("10M", 1, Long.MAX_VALUE);        // 10485760
 * }</pre>
 *
 * <p>Errors carry libvirt's codes and wording: an unknown unit is {@code INVALID_ARG}
 * "unknown suffix 'x'", a result beyond the limit is {@code OVERFLOW} "value too large: 1024E",
 * a number that is not one is {@code XML_ERROR}.
 */
public final class Units {
    /** 2<sup>10</sup>: domain memory is kept in KiB. */
    public static final long KIB = 1024;

    private Units() {
    }

    /**
     * Scales {@code value} by {@code unit}, as libvirt's virScaleInteger.
     *
     * @param value the number, an unsigned 64-bit value
     * @param unit the unit, or null/empty for {@code defaultScale}
     * @param defaultScale the multiplier when there is no unit (1 for bytes, 1024 for KiB)
     * @param limit the largest allowed result
     * @return {@code value} times the unit's multiplier
     * @throws VirtException {@code INVALID_ARG} for an unknown unit, {@code OVERFLOW} when the
     *     result exceeds {@code limit}
     */
    public static long scale(long value, String unit, long defaultScale, long limit) {
        long multiplier;
        String suffix = unit;
        if (unit == null || unit.isEmpty()) {
            if (defaultScale == 0) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE,
                        "invalid scale " + defaultScale);
            }
            multiplier = defaultScale;
            suffix = "";
        } else {
            multiplier = multiplier(unit);
        }
        if (value != 0 && Long.compareUnsigned(value, Long.divideUnsigned(limit, multiplier)) > 0) {
            throw new VirtException(ErrorCode.OVERFLOW, ErrorDomain.NONE,
                    "value too large: " + Long.toUnsignedString(value) + suffix);
        }
        return value * multiplier;
    }

    /** The multiplier of a unit, or INVALID_ARG "unknown suffix". */
    private static long multiplier(String unit) {
        String lower = unit.toLowerCase(Locale.ROOT);
        if (lower.equals("b") || lower.equals("byte") || lower.equals("bytes")) {
            return 1;
        }
        long base;
        if (unit.length() == 1 || lower.substring(1).equals("ib")) {
            base = 1024;
        } else if (lower.length() == 2 && lower.charAt(1) == 'b') {
            base = 1000;
        } else {
            throw unknownSuffix(unit);
        }
        int power = "kmgtpe".indexOf(lower.charAt(0)) + 1;
        if (power == 0) {
            throw unknownSuffix(unit);
        }
        long multiplier = 1;
        for (int i = 0; i < power; i++) {
            multiplier *= base;
        }
        return multiplier;
    }

    private static VirtException unknownSuffix(String unit) {
        return new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NONE,
                "unknown suffix '" + unit + "'");
    }

    /**
     * A scaled value read from XML, as libvirt's virParseScaledValue: {@code text} is a decimal
     * unsigned number, {@code unit} its unit. An absent or empty {@code text} reads as 0.
     *
     * @param what how libvirt names the value in errors, e.g. {@code ./memory[1]}
     * @throws VirtException {@code XML_ERROR} "Invalid value '1x' for element or attribute
     *     './memory[1]'", or the errors of {@link #scale}
     */
    public static long parseScaledValue(String text, String unit, String what, long defaultScale,
            long max) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        long value;
        try {
            value = parseUnsigned(text);
        } catch (NumberFormatException e) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.XML,
                    "Invalid value '" + text + "' for element or attribute '" + what + "'");
        }
        return scale(value, unit, defaultScale, max);
    }

    /**
     * Domain memory in KiB, as libvirt's virDomainParseMemory: the default unit is KiB, the
     * result is rounded up to whole KiB, and must stay below 2<sup>63</sup> bytes.
     *
     * @param capped libvirt caps some values at what a 32-bit host can address; on 64-bit hosts
     *     (the only ones jvirt runs on) the limit is the same either way
     * @throws VirtException as {@link #parseScaledValue}, or {@code OVERFLOW} "size value too
     *     large"
     */
    public static long parseMemoryKiB(String text, String unit, String what, boolean capped) {
        long max = Long.MAX_VALUE;
        long bytes = parseScaledValue(text, unit, what, KIB, max);
        long kib = divideUp(bytes, KIB);
        if (kib >= divideUp(max, KIB)) {
            throw new VirtException(ErrorCode.OVERFLOW, ErrorDomain.DOMAIN, "size value too large");
        }
        return kib;
    }

    /**
     * A storage size (capacity, allocation) in bytes, as libvirt's virStorageSize: the default
     * unit is bytes and the limit 2<sup>63</sup>-1.
     *
     * @throws VirtException {@code XML_ERROR} "malformed capacity element", or the errors of
     *     {@link #scale}
     */
    public static long parseStorageBytes(String text, String unit) {
        long value;
        try {
            value = parseUnsigned(text == null ? "" : text);
        } catch (NumberFormatException e) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.STORAGE,
                    "malformed capacity element");
        }
        return scale(value, unit, 1, Long.MAX_VALUE);
    }

    /**
     * A number with an optional unit suffix in one string, as virsh's scaled options
     * ({@code 512M}, {@code 2G}, {@code 1024}).
     *
     * @throws VirtException {@code INVALID_ARG} "invalid argument: 'x'" if there is no leading
     *     number, or the errors of {@link #scale}
     */
    public static long parseScaledString(String text, long defaultScale, long max) {
        int end = 0;
        while (end < text.length() && Character.isDigit(text.charAt(end))
                && text.charAt(end) < 128) {
            end++;
        }
        long value;
        try {
            value = parseUnsigned(text.substring(0, end));
        } catch (NumberFormatException e) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NONE, "'" + text + "'");
        }
        return scale(value, text.substring(end), defaultScale, max);
    }

    /** {@code a / b} rounded up, for non-negative a and positive b (libvirt's VIR_DIV_UP). */
    static long divideUp(long a, long b) {
        return (a / b) + (a % b == 0 ? 0 : 1);
    }

    /**
     * A decimal unsigned number read like libvirt's virStrToLong_ullp: leading white space and
     * a '+' are allowed, a '-' and anything after the digits are not.
     *
     * @return the value as unsigned 64 bits
     * @throws NumberFormatException when the text is not such a number or exceeds 64 bits
     */
    static long parseUnsigned(String text) {
        int i = 0;
        int n = text.length();
        while (i < n && isCSpace(text.charAt(i))) {
            i++;
        }
        if (i < n && text.charAt(i) == '+') {
            i++;
        }
        int start = i;
        while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        if (i == start || i != n) {
            throw new NumberFormatException(text);
        }
        return Long.parseUnsignedLong(text.substring(start, i));
    }

    /**
     * A decimal signed number read like libvirt's virStrToLong_ll.
     *
     * @return the value, or {@link Long#MIN_VALUE} when the text is not such a number
     */
    static long parseSigned(String text) {
        int i = 0;
        int n = text.length();
        while (i < n && isCSpace(text.charAt(i))) {
            i++;
        }
        int start = i;
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int digits = i;
        while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        if (i == digits || i != n) {
            return Long.MIN_VALUE;
        }
        try {
            return Long.parseLong(text.substring(text.charAt(start) == '+' ? start + 1 : start, i));
        } catch (NumberFormatException overflow) {
            return Long.MIN_VALUE;
        }
    }

    /** C's isspace in the C locale. */
    private static boolean isCSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
