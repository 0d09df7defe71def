package io.jvirt.shell;

/**
 * Byte counts as virsh shows them ({@code vshPrettyCapacity} with {@code "%.2lf %s"}):
 * the largest binary unit below which the value stays, e.g. {@code 100.00 GiB}, {@code 0.00 B}.
 */
final class PrettyCapacity {
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private PrettyCapacity() {
    }

    /** {@code bytes} (unsigned) as {@code "1.50 KiB"}. */
    static String format(long bytes) {
        double value = CNumbers.unsignedToDouble(bytes);
        double limit = 1024;
        int unit = 0;
        double divisor = 1;
        while (unit < UNITS.length - 1 && !(value < limit)) {
            divisor = limit;
            limit *= 1024;
            unit++;
        }
        return CNumbers.fixed(value / divisor, 2) + " " + UNITS[unit];
    }
}
