package io.jvirt.driver.xen.xenstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class XsPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/a", "/local/domain/0/backend/vbd/1/51712", "/A-Z_a@9", "/@x"})
    void acceptsXenstoredNames(String path) {
        assertTrue(XsPath.isValid(path, 2048));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "@introduceDomain", "/a/", "//a", "/a//b", "/a/../b", "/a/./b",
        "/..", "/a b", "/a\tb", "/a\0b", "/ä", "/a.b", "/a:b", "/a\\b", "/a+b"})
    void refusesOthers(String path) {
        assertFalse(XsPath.isValid(path, 2048), path);
    }

    @Test
    void lengthIsCountedAfterTheDomainHome() {
        String home = "/local/domain/12345/";
        assertTrue(XsPath.isValid(home + "x".repeat(2048), 2048));
        assertFalse(XsPath.isValid(home + "x".repeat(2049), 2048));
        // Not a domain home: the whole path counts.
        assertTrue(XsPath.isValid("/" + "x".repeat(2047), 2048));
        assertFalse(XsPath.isValid("/" + "x".repeat(2048), 2048));
    }

    @Test
    void domainHomeIsMatchedAsSscanfDoes() {
        assertEquals("/local/domain/7/".length(), XsPath.localOffset("/local/domain/7/a"));
        assertEquals("/local/domain/-1/".length(), XsPath.localOffset("/local/domain/-1/a"));
        // %5u takes at most five characters, so a sixth digit makes the '/' not match.
        assertEquals(0, XsPath.localOffset("/local/domain/123456/a"));
        assertEquals(0, XsPath.localOffset("/local/domain/7"));
        assertEquals(0, XsPath.localOffset("/local/domain/x/a"));
    }

    @Test
    void relativePathsResolveAgainstTheHome() {
        assertEquals("/local/domain/3/device/vif", XsPath.canonicalize("device/vif", "/local/domain/3"));
        assertEquals("/abs", XsPath.canonicalize("/abs", "/local/domain/3"));
        assertEquals("@releaseDomain", XsPath.canonicalize("@releaseDomain", "/local/domain/3"));
        // An empty relative path becomes the home with a trailing slash, which is invalid.
        assertFalse(XsPath.isValid(XsPath.canonicalize("", "/local/domain/0"), 2048));
    }

    @Test
    void parentsAndChildren() {
        assertEquals("/", XsPath.parent("/a"));
        assertEquals("/", XsPath.parent("/"));
        assertEquals("/a/b", XsPath.parent("/a/b/c"));
        assertEquals("c", XsPath.basename("/a/b/c"));
        assertEquals("/a", XsPath.child("/", "a"));
        assertEquals("/a/b", XsPath.child("/a", "b"));
    }

    @Test
    void watchMatchingIsByWholeComponents() {
        assertTrue(XsPath.isChild("/a/b", "/a"));
        assertTrue(XsPath.isChild("/a", "/a"));
        assertTrue(XsPath.isChild("/anything", "/"));
        assertFalse(XsPath.isChild("/ab", "/a"));
        assertFalse(XsPath.isChild("/a", "/a/b"));
    }

    @Test
    void domainPathsPrintTheDomidUnsigned() {
        assertEquals("/local/domain/4294967295", XsPath.domainPath(-1));
    }
}
