package io.jvirt.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jvirt.ErrorCode;
import io.jvirt.VirtException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** libvirt's scaled integers (virScaleInteger, virParseScaledValue, virDomainParseMemory). */
class UnitsTest {
    private static final long MAX = Long.MAX_VALUE;

    @ParameterizedTest(name = "1 {0} = {1} bytes")
    @CsvSource({
        "b, 1", "B, 1", "byte, 1", "bytes, 1", "BYTES, 1",
        "k, 1024", "K, 1024", "KiB, 1024", "kib, 1024", "KB, 1000", "kB, 1000", "Kb, 1000",
        "M, 1048576", "MiB, 1048576", "MB, 1000000", "mb, 1000000",
        "G, 1073741824", "GiB, 1073741824", "GB, 1000000000",
        "T, 1099511627776", "TiB, 1099511627776", "TB, 1000000000000",
        "P, 1125899906842624", "PiB, 1125899906842624", "PB, 1000000000000000",
        "E, 1152921504606846976", "EiB, 1152921504606846976", "EB, 1000000000000000000",
    })
    void eachUnitScales(String unit, long bytes) {
        assertEquals(bytes, Units.scale(1, unit, 1, MAX));
        assertEquals(bytes, Units.parseStorageBytes("1", unit));
    }

    @Test
    void domainMemoryDefaultsToKibAndRoundsUp() {
        assertEquals(1024, Units.parseMemoryKiB("1024", null, "./memory[1]", true));
        assertEquals(1024, Units.parseMemoryKiB("1024", "", "./memory[1]", true));
        assertEquals(524288, Units.parseMemoryKiB("512", "MiB", "./memory[1]", true));
        assertEquals(1048576, Units.parseMemoryKiB("1", "G", "./memory[1]", true));
        // libvirt: <memory unit='b'>1025</memory> is written as 2 KiB.
        assertEquals(2, Units.parseMemoryKiB("1025", "b", "./memory[1]", true));
        assertEquals(1, Units.parseMemoryKiB("1000", "bytes", "./memory[1]", true));
        assertEquals(977, Units.parseMemoryKiB("1", "MB", "./memory[1]", true));
        assertEquals(0, Units.parseMemoryKiB(null, null, "./memory[1]", true));
    }

    @Test
    void storageDefaultsToBytes() {
        assertEquals(4096, Units.parseStorageBytes("4096", null));
        assertEquals(10485760, Units.parseStorageBytes("10", "M"));
    }

    @Test
    void numbersAreReadLikeStrtoull() {
        assertEquals(12, Units.parseMemoryKiB(" 12", null, "x", true));
        assertEquals(12, Units.parseMemoryKiB("+12", null, "x", true));
        for (String bad : new String[] {"12 ", "-1", "1x", "x", "0x10", "18446744073709551616"}) {
            VirtException e = assertThrows(VirtException.class,
                    () -> Units.parseMemoryKiB(bad, null, "./memory[1]", true), bad);
            assertEquals(ErrorCode.XML_ERROR, e.code());
            assertEquals("XML error: Invalid value '" + bad
                    + "' for element or attribute './memory[1]'", e.getMessage());
        }
    }

    @Test
    void unknownUnitsAreInvalidArguments() {
        for (String unit : new String[] {"zz", "KiBB", "Xb", "bb", "kibi", "Q"}) {
            VirtException e = assertThrows(VirtException.class,
                    () -> Units.scale(1, unit, 1, MAX), unit);
            assertEquals(ErrorCode.INVALID_ARG, e.code());
            assertEquals("invalid argument: unknown suffix '" + unit + "'", e.getMessage());
        }
    }

    @Test
    void overflowUsesLibvirtsWording() {
        VirtException e = assertThrows(VirtException.class,
                () -> Units.parseMemoryKiB("1024", "E", "./memory[1]", true));
        assertEquals(ErrorCode.OVERFLOW, e.code());
        assertEquals("numerical overflow: value too large: 1024E", e.getMessage());

        VirtException noUnit = assertThrows(VirtException.class,
                () -> Units.scale(Long.MAX_VALUE, null, 1024, MAX));
        assertEquals("numerical overflow: value too large: " + Long.MAX_VALUE, noUnit.getMessage());

        // Fits in bytes but not below 2^63 bytes once rounded to KiB.
        VirtException tooLarge = assertThrows(VirtException.class,
                () -> Units.parseMemoryKiB(Long.toString(Long.MAX_VALUE), "b", "x", true));
        assertEquals("numerical overflow: size value too large", tooLarge.getMessage());

        assertEquals(Long.MAX_VALUE, Units.scale(Long.MAX_VALUE, "b", 1, MAX));
        assertThrows(VirtException.class, () -> Units.parseStorageBytes("8", "EiB"));
        assertEquals(7L << 60, Units.parseStorageBytes("7", "EiB"));
    }

    @Test
    void malformedStorageSizes() {
        VirtException e = assertThrows(VirtException.class, () -> Units.parseStorageBytes("1.5", "G"));
        assertEquals("XML error: malformed capacity element", e.getMessage());
    }

    @Test
    void scaledStringsAsVirshOptions() {
        assertEquals(536870912L, Units.parseScaledString("512M", 1, MAX));
        assertEquals(10240, Units.parseScaledString("10", 1024, MAX));
        assertEquals(2000, Units.parseScaledString("2KB", 1, MAX));
        assertThrows(VirtException.class, () -> Units.parseScaledString("M", 1, MAX));
        assertThrows(VirtException.class, () -> Units.parseScaledString("5Z", 1, MAX));
        assertThrows(VirtException.class, () -> Units.parseScaledString("2G", 1, 1024));
    }

    @Test
    void scaledValueConvenience() {
        assertEquals(524288, new ScaledValue("512", "MiB").toKiB());
        assertEquals(1073741824L, new ScaledValue("1", "G").toBytes());
        assertEquals(512, new ScaledValue("512", null).toKiB());
        assertEquals(512, new ScaledValue("512", null).toBytes());
        assertEquals("KiB", ScaledValue.kib(4).getUnit());
        assertEquals("bytes", ScaledValue.bytes(4).getUnit());
        assertEquals("4", ScaledValue.bytes(4).getValue());
    }
}
