package io.jvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectUriTest {

    @Test
    void theTestDriversDefaultUri() {
        ConnectUri u = ConnectUri.parse("test:///default");

        assertEquals("test:///default", u.text());
        assertEquals("test", u.driver());
        assertNull(u.transport());
        assertNull(u.user());
        assertNull(u.host());
        assertEquals(-1, u.port());
        assertEquals("/default", u.path());
        assertEquals(Map.of(), u.params());
        assertTrue(u.isLocal());
        assertEquals("test:///default", u.toString());
    }

    @Test
    void anEmbeddedRootWithAnEscapedSpace() {
        ConnectUri u = ConnectUri.parse("qemu:///embed?root=/tmp/x%20y");

        assertEquals("qemu", u.driver());
        assertEquals("/embed", u.path());
        assertEquals(Optional.of("/tmp/x y"), u.param("root"));
        assertEquals(Optional.empty(), u.param("other"));
        assertTrue(u.isLocal());
    }

    @Test
    void aRemoteUriWithTransportUserPortAndParameter() {
        ConnectUri u = ConnectUri.parse("xen+ssh://alice@host:2222/system?no_verify=1");

        assertEquals("xen", u.driver());
        assertEquals("ssh", u.transport());
        assertEquals("alice", u.user());
        assertEquals("host", u.host());
        assertEquals(2222, u.port());
        assertEquals("/system", u.path());
        assertEquals(Map.of("no_verify", "1"), u.params());
        assertFalse(u.isLocal());
    }

    @Test
    void parametersKeepTheirOrderAndAreReadOnly() {
        ConnectUri u = ConnectUri.parse("qemu+ssh://h/system?keyfile=/k&no_tty=1&socket=/s%2Bx");

        assertEquals(List.of("keyfile", "no_tty", "socket"), List.copyOf(u.params().keySet()));
        assertEquals("/s+x", u.params().get("socket"));
        assertThrows(UnsupportedOperationException.class, () -> u.params().put("x", "y"));
    }

    @Test
    void aPlusInAParameterStaysAPlus() {
        ConnectUri u = ConnectUri.parse("qemu+ssh://h/system?keyfile=/home/a+b/id");
        assertEquals("/home/a+b/id", u.params().get("keyfile"));
    }

    @Test
    void aUriWithoutPathHasAnEmptyOne() {
        ConnectUri u = ConnectUri.parse("xen://");
        assertEquals("xen", u.driver());
        assertEquals("", u.path());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/var/run/libvirt/libvirt-sock", "default", "system"})
    void aUriWithoutSchemeIsNoConnect(String text) {
        VirtException e = assertThrows(VirtException.class, () -> ConnectUri.parse(text));

        assertEquals(ErrorCode.NO_CONNECT, e.code());
        // virConnectOpenInternal's words through the NO_CONNECT template, as virsh prints them:
        // "no connection driver available for URI '/foo' does not include a driver name"
        assertEquals("no connection driver available for URI '" + text + "' does not include a driver name",
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"test:///default?x=%zz", "te st:///default", "qemu://[bad/system", "::::"})
    void garbageIsInvalidArg(String text) {
        VirtException e = assertThrows(VirtException.class, () -> ConnectUri.parse(text));

        assertEquals(ErrorCode.INVALID_ARG, e.code());
        assertEquals(ErrorDomain.URI, e.domain());
        assertEquals("invalid argument: Unable to parse URI " + text, e.getMessage());
    }

    @Test
    void anEmptyUriIsNoConnect() {
        assertEquals(ErrorCode.NO_CONNECT, assertThrows(VirtException.class, () -> ConnectUri.parse("")).code());
        assertEquals(ErrorCode.NO_CONNECT, assertThrows(VirtException.class, () -> ConnectUri.parse(null)).code());
    }
}
