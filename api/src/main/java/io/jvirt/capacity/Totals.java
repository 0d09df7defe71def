package io.jvirt.capacity;

import java.util.ArrayList;
import java.util.List;

/**
 * One pass over the shapes: the sums, the largest VM, and the first few shapes for formulas.
 * Sums are exact; one that does not fit in 63 bits is refused rather than wrapped.
 */
final class Totals {
    /** Formulas list the shapes term by term up to this many; beyond, they show the sum. */
    static final int TERMS = 3;

    long shapes;
    long vms;
    long vcpus;
    long memory;
    long disk;
    long bandwidth;
    /** VMs whose shape gives no memory, disk or bandwidth. */
    long vmsWithoutMemory;
    long vmsWithoutDisk;
    long vmsWithoutBandwidth;
    long largestVcpus;
    long largestMemory;
    long largestBandwidth;
    final List<VmShape> first = new ArrayList<>(TERMS + 1);

    static Totals of(List<VmShape> shapes) {
        Totals t = new Totals();
        for (VmShape s : shapes) {
            t.add(s);
        }
        if (t.shapes == 0) {
            throw Quantities.invalid("a plan needs at least one VM shape");
        }
        return t;
    }

    private void add(VmShape s) {
        if (s == null) {
            throw Quantities.invalid("a VM shape is null");
        }
        shapes++;
        if (first.size() <= TERMS) {
            first.add(s);
        }
        vms = add("VMs", vms, s.count());
        vcpus = add("vCPUs", vcpus, times("vCPUs", s.count(), s.vcpus()));
        memory = add("memory", memory, times("memory", s.count(), s.memoryBytes()));
        disk = add("storage", disk, times("storage", s.count(), s.diskBytes()));
        bandwidth = add("bandwidth", bandwidth, times("bandwidth", s.count(), s.bandwidthBitsPerSecond()));
        if (s.memoryBytes() == 0) {
            vmsWithoutMemory += s.count();
        }
        if (s.diskBytes() == 0) {
            vmsWithoutDisk += s.count();
        }
        if (s.bandwidthBitsPerSecond() == 0) {
            vmsWithoutBandwidth += s.count();
        }
        largestVcpus = Math.max(largestVcpus, s.vcpus());
        largestMemory = Math.max(largestMemory, s.memoryBytes());
        largestBandwidth = Math.max(largestBandwidth, s.bandwidthBitsPerSecond());
    }

    static long add(String what, long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw tooLarge(what);
        }
    }

    static long times(String what, long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw tooLarge(what);
        }
    }

    static io.jvirt.VirtException tooLarge(String what) {
        return Quantities.invalid("the plan's total " + what + " is too large to compute (over 2^63)");
    }

    /** {@code a / b} rounded up, for a ≥ 0 and b ≥ 1. */
    static long ceilDiv(long a, long b) {
        return a / b + (a % b == 0 ? 0 : 1);
    }

    /** The smallest power of two ≥ {@code n} (n ≥ 1). */
    static long ceilPowerOfTwo(String what, long n) {
        if (n > 1L << 62) {
            throw tooLarge(what + " rounded to a power of two");
        }
        return n <= 1 ? 1 : Long.highestOneBit(n - 1) << 1;
    }
}
