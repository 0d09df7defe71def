package io.jvirt.driver.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.ConnectOptions;
import io.jvirt.Connection;
import io.jvirt.CredentialType;
import io.jvirt.ErrorCode;
import io.jvirt.NodeInfo;
import io.jvirt.Virt;
import io.jvirt.VirtException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** test:///PATH.xml: libvirt's node files (libvirt.md §3.3). */
class NodeFileTest {
    static String uri(String resource) {
        try {
            return "test://" + Path.of(NodeFileTest.class.getResource("/nodes/" + resource).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void loadsNodeInfoDomainsAndPools() {
        try (Connection conn = Virt.open(uri("custom.xml"))) {
            assertEquals(new NodeInfo("x86_64", 4194304, 4, 2400, 1, 1, 4, 1), conn.nodeInfo());
            assertEquals("shut off (unknown)", conn.lookupDomainByName("off1").state().toString());
            assertEquals(1, conn.lookupDomainByName("trans1").id());
            assertFalse(conn.lookupDomainByName("trans1").isPersistent());
            assertEquals(2, conn.lookupDomainByName("run1").id());
            assertEquals("running (unknown)", conn.lookupDomainByName("fromfile").state().toString());
            var pool = conn.lookupStoragePoolByName("p1");
            assertEquals(10L << 20, pool.info().allocation());
            var vol = pool.lookupVolumeByName("v1.img");
            assertEquals("/p1/v1.img", vol.path());
            assertEquals(1L << 30, vol.info().capacity());
            assertTrue(conn.listAllNetworks().isEmpty());

            conn.lookupDomainByName("trans1").destroy();
            assertEquals(List.of("fromfile", "off1", "run1"),
                    conn.listAllDomains().stream().map(d -> d.name()).toList());
        }
    }

    @Test
    void eachConnectionHasItsOwnState() {
        try (Connection a = Virt.open(uri("custom.xml")); Connection b = Virt.open(uri("custom.xml"))) {
            a.lookupDomainByName("run1").destroy();
            assertEquals("running (unknown)", b.lookupDomainByName("run1").state().toString());
        }
    }

    @Test
    void missingFileAndBarePath() {
        VirtException e = assertThrows(VirtException.class, () -> Virt.open("test:///nonexistent.xml"));
        assertEquals(ErrorCode.XML_ERROR, e.code());
        assertEquals("XML error: failed to parse xml document '/nonexistent.xml'", e.getMessage());
        e = assertThrows(VirtException.class, () -> Virt.open("test:///"));
        assertEquals("invalid argument: testOpen: supply a path or use test:///default", e.getMessage());
    }

    @Test
    void authenticatesAgainstTheNodeFilesUsers() {
        ConnectOptions alice = ConnectOptions.defaults().withCredentials(
                (type, prompt) -> type == CredentialType.AUTHNAME ? "alice" : "secret");
        Virt.open(uri("with-auth.xml"), alice).close();
        ConnectOptions bob = ConnectOptions.defaults().withCredentials(
                (type, prompt) -> type == CredentialType.AUTHNAME ? "bob" : null);
        Virt.open(uri("with-auth.xml"), bob).close();
        ConnectOptions wrong = ConnectOptions.defaults().withCredentials(
                (type, prompt) -> type == CredentialType.AUTHNAME ? "alice" : "guess");
        VirtException e = assertThrows(VirtException.class, () -> Virt.open(uri("with-auth.xml"), wrong));
        assertEquals(ErrorCode.AUTH_FAILED, e.code());
        assertEquals("authentication failed: authentication failed, see test XML for the correct username/password",
                e.getMessage());
    }
}
