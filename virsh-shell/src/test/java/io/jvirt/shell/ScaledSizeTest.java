package io.jvirt.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ScaledSizeTest {
    private static final long ULONG_MAX = -1L;

    @Test
    void aBareNumberUsesTheCallersUnit() throws Exception {
        assertEquals(1024L * 1048576, ScaledSize.parse("1048576", 1024, ULONG_MAX));
        assertEquals(1048576, ScaledSize.parse("1048576", 1, ULONG_MAX));
    }

    @Test
    void singleLettersAndIbSuffixesArePowersOf1024() throws Exception {
        assertEquals(1024, ScaledSize.parse("1k", 1, ULONG_MAX));
        assertEquals(1024, ScaledSize.parse("1KiB", 1, ULONG_MAX));
        assertEquals(1L << 30, ScaledSize.parse("1G", 1024, ULONG_MAX));
        assertEquals(1L << 40, ScaledSize.parse("1t", 1, ULONG_MAX));
        assertEquals(1L << 60, ScaledSize.parse("1E", 1, ULONG_MAX));
    }

    @Test
    void twoLetterBSuffixesArePowersOf1000() throws Exception {
        assertEquals(1000, ScaledSize.parse("1KB", 1, ULONG_MAX));
        assertEquals(2_000_000_000L, ScaledSize.parse("2gb", 1024, ULONG_MAX));
    }

    @Test
    void bytesOverrideTheDefaultUnit() throws Exception {
        assertEquals(512, ScaledSize.parse("512b", 1024, ULONG_MAX));
        assertEquals(512, ScaledSize.parse("512bytes", 1024, ULONG_MAX));
    }

    @Test
    void leadingBlanksAndPlusAreAcceptedAsStrtoullDoes() throws Exception {
        assertEquals(5, ScaledSize.parse("  +5", 1, ULONG_MAX));
    }

    @Test
    void unknownSuffixCarriesLibvirtsError() {
        ScaledSize.Invalid e = assertThrows(ScaledSize.Invalid.class, () -> ScaledSize.parse("10q", 1024, ULONG_MAX));
        assertEquals("invalid argument: unknown suffix 'q'", e.libvirtError().getMessage());
        e = assertThrows(ScaledSize.Invalid.class, () -> ScaledSize.parse("1KiBs", 1, ULONG_MAX));
        assertEquals("invalid argument: unknown suffix 'KiBs'", e.libvirtError().getMessage());
    }

    @Test
    void malformedNumbersHaveNoLibraryError() {
        for (String bad : new String[] {"abc", "-1", "", "99999999999999999999"}) {
            ScaledSize.Invalid e = assertThrows(ScaledSize.Invalid.class, () -> ScaledSize.parse(bad, 1, ULONG_MAX));
            assertNull(e.libvirtError(), bad);
        }
    }

    @Test
    void overflowPastTheLimitIsANumericalOverflow() {
        ScaledSize.Invalid e = assertThrows(ScaledSize.Invalid.class, () -> ScaledSize.parse("17E", 1, ULONG_MAX));
        assertEquals("numerical overflow: value too large: 17E", e.libvirtError().getMessage());
    }

    @Test
    void valuesUpTo64UnsignedBitsAreKept() throws Exception {
        assertEquals(-1L, ScaledSize.parse("18446744073709551615", 1, ULONG_MAX));
    }
}
