package io.jvirt.driver.xen.xenstore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class XsPayloadTest {

    private static byte[] b(String s) {
        return XsPayload.bytes(s);
    }

    @Test
    void stringsAreNulTerminatedAndTrailingBytesAreNotAString() {
        assertEquals(List.of("a", "", "bc"), XsPayload.strings(b("a\0\0bc\0junk")));
        assertEquals(List.of(), XsPayload.strings(b("no nul")));
        assertEquals(3, XsPayload.countNuls(b("a\0\0bc\0junk")));
    }

    @Test
    void oneArgNeedsExactlyOneNulAtTheEnd() {
        assertEquals("/a", XsPayload.oneArg(b("/a\0")));
        assertEquals("", XsPayload.oneArg(b("\0")));
        assertNull(XsPayload.oneArg(b("/a")));
        assertNull(XsPayload.oneArg(b("/a\0b\0")));
        assertNull(XsPayload.oneArg(b("/a\0x")));
        assertNull(XsPayload.oneArg(new byte[0]));
    }

    @Test
    void joinTerminatesEachPart() {
        assertArrayEquals(b("a\0bc\0"), XsPayload.join("a", "bc"));
        assertArrayEquals(b("OK\0"), XsPayload.OK);
    }

    @Test
    void strtolReadsCNumbers() {
        assertArrayEquals(new long[] {16, 4}, XsPayload.strtol("0x10", 0));
        assertArrayEquals(new long[] {8, 3}, XsPayload.strtol("010", 0));
        assertArrayEquals(new long[] {0, 1}, XsPayload.strtol("08", 0));
        assertArrayEquals(new long[] {0, 1}, XsPayload.strtol("0x", 0));
        assertArrayEquals(new long[] {-5, 3}, XsPayload.strtol(" -5", 10));
        assertArrayEquals(new long[] {0, 0}, XsPayload.strtol("abc", 10));
        assertArrayEquals(new long[] {Long.MAX_VALUE, 25}, XsPayload.strtol("9999999999999999999999999", 10));
        assertArrayEquals(new long[] {Long.MIN_VALUE, 20}, XsPayload.strtol("-9223372036854775808", 10));
    }

    @Test
    void atoiTruncatesLikeGlibc() {
        assertEquals(12, XsPayload.atoi("12abc"));
        assertEquals(0, XsPayload.atoi("abc"));
        assertEquals(-1, XsPayload.atoi("4294967295"));
        assertEquals(7, XsPayload.atoi("\t+7"));
    }
}
