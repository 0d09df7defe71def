package io.jvirt.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CNumbersTest {

    @Test
    void parseIntFollowsStrtolOverTheWholeString() {
        assertEquals(42, CNumbers.parseInt("42"));
        assertEquals(-3, CNumbers.parseInt("-3"));
        assertEquals(7, CNumbers.parseInt(" +7"));
        assertNull(CNumbers.parseInt("4x"));
        assertNull(CNumbers.parseInt(""));
        assertNull(CNumbers.parseInt("2147483648"));
    }

    @Test
    void baseZeroReadsHexAndOctal() {
        assertEquals(16, CNumbers.parseInt("0x10", 0));
        assertEquals(8, CNumbers.parseInt("010", 0));
        assertEquals(0, CNumbers.parseInt("0", 0));
    }

    @Test
    void parseUintRejectsMinusAndOverflow() {
        assertEquals(4294967295L, CNumbers.parseUint("4294967295"));
        assertNull(CNumbers.parseUint("-1"));
        assertNull(CNumbers.parseUint("4294967296"));
    }

    @Test
    void fixedRoundsTheExactBinaryValueHalfToEven() {
        assertEquals("0.2", CNumbers.fixed(0.25, 1));
        assertEquals("0.3", CNumbers.fixed(0.35, 1)); // 0.35 is a little below .35 in binary
        assertEquals("1795699234.4", CNumbers.fixed(1795699234.4123, 1));
    }
}
