package io.jvirt.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jvirt.ErrorCode;
import io.jvirt.VirtException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantitiesTest {
    private static final long GIB = 1L << 30;

    @ParameterizedTest
    @CsvSource({
        "2G, 2147483648", "2GiB, 2147483648", "2g, 2147483648", "512M, 536870912", "1T, 1099511627776",
        "2GB, 2000000000", "512, 524288", "4k, 4096", "100b, 100"})
    void sizesTakeLibvirtsUnitsAndBareMemoryIsKiB(String text, long bytes) {
        assertEquals(bytes, Quantities.parseSize("memory", text, Quantities.KIB));
    }

    @Test
    void bareDiskSizesAreBytes() {
        assertEquals(100, Quantities.parseSize("disk", "100", Quantities.BYTES));
    }

    @Test
    void zeroSizesAreRefused() {
        VirtException e = assertThrows(VirtException.class, () -> Quantities.parseSize("--memory", "0G", Quantities.KIB));
        assertEquals(ErrorCode.INVALID_ARG, e.code());
        assertEquals("invalid argument: --memory must be more than 0, got '0G'", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-2G", "", "G", "1.5G", "2X", "2 GiBs", "+2G"})
    void malformedSizesAreRefusedNamingTheValue(String text) {
        VirtException e = assertThrows(VirtException.class, () -> Quantities.parseSize("--memory", text, Quantities.KIB));
        assertEquals(ErrorCode.INVALID_ARG, e.code());
        assertEquals(true, e.getMessage().startsWith("invalid argument: --memory: '" + text + "' is not a size"),
                e.getMessage());
    }

    @Test
    void unknownSuffixKeepsLibvirtsWording() {
        VirtException e = assertThrows(VirtException.class, () -> Quantities.parseSize("--disk", "2X", 1));
        assertEquals("invalid argument: --disk: '2X' is not a size: unknown suffix 'X'", e.getMessage());
    }

    @Test
    void sizesBeyond63BitsAreRefused() {
        VirtException e = assertThrows(VirtException.class, () -> Quantities.parseSize("--disk", "9000000E", 1));
        assertEquals(ErrorCode.INVALID_ARG, e.code());
    }

    @ParameterizedTest
    @CsvSource({"100M, 100000000", "100Mbps, 100000000", "1G, 1000000000", "10k, 10000", "10K, 10000",
        "1500, 1500", "25Gbit/s, 25000000000", "1t, 1000000000000"})
    void ratesAreDecimalBitsPerSecond(String text, long bps) {
        assertEquals(bps, Quantities.parseRate("bandwidth", text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0M", "-1M", "M", "10Q", "1.5G", "10MB", "", "99999999999999999999"})
    void badRatesAreRefused(String text) {
        VirtException e = assertThrows(VirtException.class, () -> Quantities.parseRate("--bandwidth", text));
        assertEquals(ErrorCode.INVALID_ARG, e.code());
        assertEquals(true, e.getMessage().contains("--bandwidth"), e.getMessage());
    }

    @Test
    void sizesPrintExactlyInTheLargestUnitThatNeedsTwoDecimalsAtMost() {
        assertEquals("406.75 GiB", Quantities.formatSize(406 * GIB + 3 * GIB / 4));
        assertEquals("512 GiB", Quantities.formatSize(512 * GIB));
        assertEquals("20000 GiB", Quantities.formatSize(20_000 * GIB));
        assertEquals("1 TiB", Quantities.formatSize(1024 * GIB));
        assertEquals("6.25 GiB", Quantities.formatSize(200 * 32L << 20));
        assertEquals("32 MiB", Quantities.formatSize(32L << 20));
        assertEquals("1000 B", Quantities.formatSize(1000));
        assertEquals("1.5 KiB", Quantities.formatSize(1536));
        assertEquals("0 B", Quantities.formatSize(0));
        assertEquals("4 EiB", Quantities.formatSize(1L << 62));
    }

    @Test
    void ratesPrintInDecimalUnits() {
        assertEquals("100 Mbps", Quantities.formatRate(100_000_000L));
        assertEquals("20 Gbps", Quantities.formatRate(20_000_000_000L));
        assertEquals("1.5 Gbps", Quantities.formatRate(1_500_000_000L));
        assertEquals("999 bps", Quantities.formatRate(999));
    }
}
