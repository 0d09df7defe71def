package io.jvirt.driver.xen.xenstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class XsPermissionTest {

    @Test
    void parsesTheFourLetters() {
        assertEquals(new XsPermission(XsPermission.Access.NONE, 0), XsPermission.parse("n0"));
        assertEquals(new XsPermission(XsPermission.Access.READ, 1), XsPermission.parse("r1"));
        assertEquals(new XsPermission(XsPermission.Access.WRITE, 2), XsPermission.parse("w2"));
        assertEquals(new XsPermission(XsPermission.Access.BOTH, 3), XsPermission.parse("b3"));
    }

    @Test
    void domidsAreReadWithStrtolBaseZero() {
        assertEquals(16, XsPermission.parse("r0x10").domid());
        assertEquals(8, XsPermission.parse("r010").domid());
        assertEquals(-1, XsPermission.parse("r-1").domid());
        assertEquals("r-1", XsPermission.parse("r4294967295").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "r", "x1", "R1", "r1x", "r08", "r 1 ", "1"})
    void refusesMalformedEntries(String s) {
        assertThrows(IllegalArgumentException.class, () -> XsPermission.parse(s));
    }

    @Test
    void formatsAsTheWireDoes() {
        assertEquals("b12", new XsPermission(XsPermission.Access.BOTH, 12).toString());
    }

    @Test
    void ownerGetsAllAndTheOwnersLetterIsTheDefault() {
        XsPermissions p = XsPermissions.of(List.of(XsPermission.parse("n0"), XsPermission.parse("r1"),
                XsPermission.parse("w2")));
        assertEquals(XsPermissions.ALL, p.accessFor(0, true, null));
        assertEquals(XsPermissions.READ, p.accessFor(1, true, null));
        assertEquals(XsPermissions.WRITE, p.accessFor(2, true, null));
        assertEquals(0, p.accessFor(3, true, null));
        // A device model whose target is domain 1 reads as domain 1 does.
        assertEquals(XsPermissions.READ, p.accessFor(9, true, 1));
        // Privileged callers get everything.
        assertEquals(XsPermissions.ALL, p.accessFor(5, false, null));
        // An ignored entry no longer grants anything: the owner's letter applies.
        assertEquals(0, p.ignoring(id -> id == 1).accessFor(1, true, null));
    }

    @Test
    void aVanishedDomainLeavesTheList() {
        XsPermissions p = XsPermissions.of(List.of(XsPermission.parse("b5"), XsPermission.parse("r5"),
                XsPermission.parse("r6")));
        assertEquals("[b0, r6]", p.withoutDomain(5, 0).toString());
    }
}
