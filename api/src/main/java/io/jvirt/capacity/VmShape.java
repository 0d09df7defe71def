package io.jvirt.capacity;

/**
 * {@code count} virtual machines of one size: what the planner is asked to hold.
 *
 * <pre>{@code
 * // 200 VMs of 1 vCPU, 2 GiB of memory, a 100 GiB disk and 100 Mbit/s of network each
 * VmShape web = new VmShape(200, 1, 2L << 30, 100L << 30, 100_000_000L);
 * VmShape batch = VmShape.parse("16 2 4G 20G 1G");   // the same, from a line of text
 * }</pre>
 *
 * <p>{@code count} and {@code vcpus} are at least 1. Memory, disk and bandwidth are more than
 * zero when given; 0 means the shape does not say (the plan then has no figure for that
 * resource, rather than a wrong one). Negative values are refused.
 *
 * @param count                 how many VMs of this shape
 * @param vcpus                 virtual CPUs of each
 * @param memoryBytes           memory of each, in bytes (0: not given)
 * @param diskBytes             disk of each, in bytes (0: not given)
 * @param bandwidthBitsPerSecond network bandwidth of each, in bits per second (0: not given)
 */
public record VmShape(long count, long vcpus, long memoryBytes, long diskBytes, long bandwidthBitsPerSecond) {

    /** @throws io.jvirt.VirtException {@code INVALID_ARG} naming the value that is out of range */
    public VmShape {
        atLeastOne("VM count", count);
        atLeastOne("vCPUs per VM", vcpus);
        notNegative("memory per VM", memoryBytes);
        notNegative("disk per VM", diskBytes);
        notNegative("bandwidth per VM", bandwidthBitsPerSecond);
    }

    /**
     * A shape from one line of a plan file: {@code count vcpus [memory [disk [bandwidth]]]},
     * separated by blanks. Memory and disk take libvirt's units (a bare memory number is KiB, a
     * bare disk number bytes); bandwidth is bits per second with k, M or G; {@code -} skips a
     * field.
     *
     * @throws io.jvirt.VirtException {@code INVALID_ARG} naming the field that does not parse
     */
    public static VmShape parse(String line) {
        String[] f = line.strip().split("\\s+");
        if (f.length < 2 || f.length > 5 || f[0].isEmpty()) {
            throw Quantities.invalid("'" + line.strip() + "' is not a shape: expected"
                    + " 'count vcpus [memory [disk [bandwidth]]]'");
        }
        long count = number("count", f[0]);
        long vcpus = number("vcpus", f[1]);
        long memory = given(f, 2) ? Quantities.parseSize("memory", f[2], Quantities.KIB) : 0;
        long disk = given(f, 3) ? Quantities.parseSize("disk", f[3], Quantities.BYTES) : 0;
        long bandwidth = given(f, 4) ? Quantities.parseRate("bandwidth", f[4]) : 0;
        return new VmShape(count, vcpus, memory, disk, bandwidth);
    }

    private static boolean given(String[] fields, int i) {
        return i < fields.length && !fields[i].equals("-");
    }

    private static long number(String what, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw Quantities.invalid(what + ": '" + text + "' is not a whole number");
        }
    }

    static void atLeastOne(String what, long value) {
        if (value < 1) {
            throw Quantities.invalid(what + " must be at least 1, got " + value);
        }
    }

    static void notNegative(String what, long value) {
        if (value < 0) {
            throw Quantities.invalid(what + " must not be negative, got " + value);
        }
    }
}
