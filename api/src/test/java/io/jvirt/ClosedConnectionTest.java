package io.jvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import io.jvirt.spi.DomainRef;
import io.jvirt.spi.NetworkRef;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** After close every call is INVALID_CONN "invalid connection pointer in virXxx", and the driver hears nothing. */
class ClosedConnectionTest {
    private static final DomainRef WEB = new DomainRef("web", UUID.randomUUID());
    private static final NetworkRef NET = new NetworkRef("default", UUID.randomUUID());

    private Connection conn;
    private TckFakeDriver.Fake fake;
    private Domain web;
    private Network net;

    @BeforeEach
    void openThenClose() {
        conn = Virt.open("tckfake:///closed");
        fake = TckFakeDriver.last();
        when(fake.hypervisor.lookupDomainByName("web")).thenReturn(WEB);
        when(fake.networks.lookupNetworkByName("default")).thenReturn(NET);
        web = conn.lookupDomainByName("web");
        net = conn.lookupNetworkByName("default");
        conn.close();
    }

    private static <T> Arguments call(String api, Consumer<T> call) {
        return Arguments.of(api, Named.of(api, call));
    }

    static Stream<Arguments> connectionCalls() {
        return Stream.of(
                call("virConnectListAllDomains", (Connection c) -> c.listAllDomains()),
                call("virDomainLookupByName", (Connection c) -> c.lookupDomainByName("web")),
                call("virDomainDefineXML", (Connection c) -> c.defineDomain("<domain/>")),
                call("virConnectGetHostname", Connection::hostname),
                call("virConnectGetLibVersion", Connection::libraryVersion),
                call("virConnectListAllNetworks", (Connection c) -> c.listAllNetworks()),
                call("virConnectDomainEventRegisterAny", (Connection c) -> c.onDomainEvent(e -> { })));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("connectionCalls")
    void connectionCallsAreInvalidConn(String api, Consumer<Connection> call) {
        VirtException e = assertThrows(VirtException.class, () -> call.accept(conn));
        assertEquals(ErrorCode.INVALID_CONN, e.code());
        assertEquals("invalid connection pointer in " + api, e.getMessage());
    }

    @Test
    void handlesStopWorking() {
        VirtException e = assertThrows(VirtException.class, web::state);
        assertEquals(ErrorCode.INVALID_CONN, e.code());
        assertEquals("invalid connection pointer in virDomainGetState", e.getMessage());
        assertEquals(ErrorCode.INVALID_CONN, assertThrows(VirtException.class, () -> web.start()).code());
        assertEquals(ErrorCode.INVALID_CONN, assertThrows(VirtException.class, net::isActive).code());
        assertEquals("web", web.name(), "the handle still knows its name");

        verify(fake.hypervisor).lookupDomainByName("web");
        verifyNoMoreInteractions(fake.hypervisor);
    }

    @Test
    void closeIsIdempotentAndTheConnectionIsDead() {
        conn.close();
        assertEquals(1, fake.closes.get());
        assertFalse(conn.isAlive());
        assertEquals("tckfake:///closed", conn.uri().text(), "the URI is still known");
    }
}
