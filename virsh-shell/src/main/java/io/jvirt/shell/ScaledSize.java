package io.jvirt.shell;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import java.util.Locale;

/**
 * Sizes as virsh reads them ({@code virStrToLong_ullp} then {@code virScaleInteger}): a
 * decimal number and an optional suffix. {@code k}, {@code KiB}, {@code M}, ... are powers of
 * 1024, {@code KB}, {@code MB}, ... powers of 1000, {@code b}/{@code byte}/{@code bytes} is 1;
 * without a suffix the caller's default unit applies (KiB for {@code setmem}, bytes for
 * {@code vol-create-as}). Values are unsigned 64-bit, held in a {@code long}.
 */
final class ScaledSize {
    private ScaledSize() {
    }

    /**
     * Why a size was refused. {@code libvirtError} is the library error virsh would print
     * after its own line (unknown suffix, overflow), or null when there is none.
     */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient VirtException libvirtError;

        Invalid(VirtException libvirtError) {
            super(libvirtError == null ? null : libvirtError.getMessage(), null, false, false);
            this.libvirtError = libvirtError;
        }

        VirtException libvirtError() {
            return libvirtError;
        }
    }

    /** Parses {@code text} with {@code scale} as the unit of a bare number, up to {@code limit}. */
    static long parse(String text, long scale, long limit) throws Invalid {
        CNumbers.Prefix p = CNumbers.prefix(text, 10);
        if (p == null || p.overflow() || text.substring(0, p.end()).indexOf('-') >= 0) {
            throw new Invalid(null);
        }
        return scale(p.value(), text.substring(p.end()), scale, limit);
    }

    /** virScaleInteger: applies {@code suffix} (or {@code scale} when empty) to {@code value}. */
    static long scale(long value, String suffix, long scale, long limit) throws Invalid {
        long factor;
        if (suffix.isEmpty()) {
            factor = scale;
        } else {
            String lower = suffix.toLowerCase(Locale.ROOT);
            if (lower.equals("b") || lower.equals("byte") || lower.equals("bytes")) {
                factor = 1;
            } else {
                long base;
                if (suffix.length() == 1 || suffix.substring(1).equalsIgnoreCase("iB")) {
                    base = 1024;
                } else if (suffix.length() == 2 && Character.toLowerCase(suffix.charAt(1)) == 'b') {
                    base = 1000;
                } else {
                    throw unknownSuffix(suffix);
                }
                int power = switch (Character.toLowerCase(suffix.charAt(0))) {
                    case 'k' -> 1;
                    case 'm' -> 2;
                    case 'g' -> 3;
                    case 't' -> 4;
                    case 'p' -> 5;
                    case 'e' -> 6;
                    default -> throw unknownSuffix(suffix);
                };
                factor = 1;
                for (int i = 0; i < power; i++) {
                    factor *= base;
                }
            }
        }
        if (value != 0 && Long.compareUnsigned(value, Long.divideUnsigned(limit, factor)) > 0) {
            throw new Invalid(new VirtException(ErrorCode.OVERFLOW, ErrorDomain.NONE,
                    "value too large: " + Long.toUnsignedString(value) + suffix));
        }
        return value * factor;
    }

    private static Invalid unknownSuffix(String suffix) {
        return new Invalid(new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NONE,
                "unknown suffix '" + suffix + "'"));
    }
}
