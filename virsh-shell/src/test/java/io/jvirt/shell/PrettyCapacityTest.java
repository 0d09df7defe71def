package io.jvirt.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PrettyCapacityTest {

    @Test
    void picksTheLargestUnitTheValueReaches() {
        assertEquals("0.00 B", PrettyCapacity.format(0));
        assertEquals("1023.00 B", PrettyCapacity.format(1023));
        assertEquals("1.00 KiB", PrettyCapacity.format(1024));
        assertEquals("100.00 GiB", PrettyCapacity.format(107374182400L));
        assertEquals("1.00 EiB", PrettyCapacity.format(1L << 60));
    }

    @Test
    void exactTiesRoundToEvenAsGlibcDoes() {
        // 1152 bytes is exactly 1.125 KiB: C's printf("%.2f") gives 1.12, Java's HALF_UP 1.13.
        assertEquals("1.12 KiB", PrettyCapacity.format(1152));
        assertEquals("1.38 KiB", PrettyCapacity.format(1408));
    }

    @Test
    void unsignedValuesAboveLongMax() {
        assertEquals("16.00 EiB", PrettyCapacity.format(-1L));
    }
}
