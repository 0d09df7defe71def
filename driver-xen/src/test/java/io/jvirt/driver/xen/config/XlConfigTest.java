package io.jvirt.driver.xen.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import java.util.List;
import org.junit.jupiter.api.Test;

class XlConfigTest {
    @Test
    void parsesStringsNumbersListsAndComments() {
        XlConfig cfg = XlConfig.parse("""
                # a guest
                name = "web" # trailing comment
                memory = 512; vcpus = 0x2
                kernel = '/boot/vm\\linuz'
                extra = "a\\"b\\tc\\x41\\101"
                disk = [ 'phy:/dev/vg/web,xvda,w',
                         "file:/img,xvdb,r", ]
                """);
        assertEquals("web", cfg.getString("name"));
        assertEquals(512L, cfg.getLong("memory"));
        assertEquals(2L, cfg.getLong("vcpus"));
        assertEquals("/boot/vm\\linuz", cfg.getString("kernel"));
        assertEquals("a\"b\tcAA", cfg.getString("extra"));
        assertEquals(List.of("phy:/dev/vg/web,xvda,w", "file:/img,xvdb,r"), cfg.getStrings("disk"));
    }

    @Test
    void lastDuplicateWinsAndAppendExtendsLists() {
        XlConfig cfg = XlConfig.parse("memory = 1\nmemory = 2\nvif = ['a']\nvif += ['b']\n");
        assertEquals(2L, cfg.getLong("memory"));
        assertEquals(List.of("a", "b"), cfg.getStrings("vif"));
        assertEquals(List.of("memory", "vif"), List.copyOf(cfg.settings().keySet()));
    }

    @Test
    void booleansAreNumbers() {
        XlConfig cfg = XlConfig.parse("acpi = 0\napic = 1\n");
        assertEquals(false, cfg.getBool("acpi", true));
        assertEquals(true, cfg.getBool("apic", false));
        assertEquals(true, cfg.getBool("pae", true));
    }

    @Test
    void roundTripsThroughTheWriter() {
        String src = "name = \"a\\\\b\\\"c\\n\"\nvcpus = 0x4\nn = [ [ \"x\", 1 ], 'y' ]\nmemory = 1.5\n";
        XlConfig first = XlConfig.parse(src);
        XlConfig second = XlConfig.parse(first.write());
        assertEquals(first.settings(), second.settings());
        assertEquals(first.write(), second.write());
        assertEquals("a\\b\"c\n", second.getString("name"));
    }

    @Test
    void malformedInputReportsLineAndColumn() {
        assertError("name = \"open\n", "line 1, column 13", "unterminated string");
        assertError("a = 1\nb 2\n", "line 2, column 3", "expected '='");
        assertError("a = [ 'x' 'y' ]\n", "line 1, column 11", "expected ',' or ']'");
        assertError("a = [ 'x',\n", "line 2, column 1", "unterminated list");
        assertError("a =\n", "line 1, column 4", "expected a value");
        assertError("= 1\n", "line 1, column 1", "setting name");
        assertError("a = 12ab\n", "line 1", "malformed number");
        assertError("a = \"\\q\"\n", "line 1", "invalid escape");
        assertError("a = 1 2\n", "line 1, column 7", "unexpected '2'");
        assertError("a = 'x'\na += 'y'\n", "line 2, column 1", "'+='");
        assertError("a = " + "[".repeat(100) + "\n", "line 1", "nested too deeply");
    }

    @Test
    void wrongValueKindsAreRejected() {
        XlConfig cfg = XlConfig.parse("memory = 'lots'\ndisk = [ 1 ]\nname = [ 'x' ]\n");
        assertThrows(VirtException.class, () -> cfg.getLong("memory"));
        assertThrows(VirtException.class, () -> cfg.getStrings("disk"));
        assertThrows(VirtException.class, () -> cfg.getString("name"));
    }

    private static void assertError(String input, String where, String what) {
        VirtException e = assertThrows(VirtException.class, () -> XlConfig.parse(input));
        assertEquals(ErrorCode.CONF_SYNTAX, e.code());
        assertEquals(ErrorDomain.CONF, e.domain());
        assertTrue(e.getMessage().contains(where), e.getMessage());
        assertTrue(e.getMessage().contains(what), e.getMessage());
    }
}
