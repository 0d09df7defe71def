package io.jvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import io.jvirt.spi.DomainRef;
import io.jvirt.spi.HypervisorDriver;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.Mockito;

/**
 * A driver that lacks a call: the SPI's default answers NO_SUPPORT naming libvirt's public API,
 * "this function is not supported by the connection driver: virDomainSuspend".
 */
class NoSupportTest {
    private static final DomainRef WEB = new DomainRef("web", UUID.randomUUID());

    private Connection conn;

    @BeforeEach
    void openWithABareDriver() {
        conn = Virt.open("tckfake:///bare");
        TckFakeDriver.Fake fake = TckFakeDriver.last();
        HypervisorDriver bare = mock(HypervisorDriver.class, withSettings().defaultAnswer(Mockito.CALLS_REAL_METHODS));
        Mockito.doReturn(WEB).when(bare).lookupDomainByName("web");
        fake.hypervisor = bare;
        fake.networks = null; // the DriverConnection defaults: tables that support nothing
        fake.storage = null;
    }

    @AfterEach
    void close() {
        conn.close();
    }

    private static <T> Arguments call(String api, Consumer<T> call) {
        return Arguments.of(api, Named.of(api, call));
    }

    static Stream<Arguments> domainCalls() {
        return Stream.of(
                call("virDomainSuspend", Domain::suspend),
                call("virDomainResume", Domain::resume),
                call("virDomainCreateWithFlags", (Domain d) -> d.start()),
                call("virDomainDestroyFlags", (Domain d) -> d.destroy()),
                call("virDomainGetState", Domain::state),
                call("virDomainListGetStats", Domain::stats),
                call("virDomainGetXMLDesc", (Domain d) -> d.xml()),
                call("virDomainAttachDeviceFlags", (Domain d) -> d.attachDevice("<disk/>")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("domainCalls")
    void aMissingDomainCallIsNoSupportNamingTheApi(String api, Consumer<Domain> call) {
        Domain d = conn.lookupDomainByName("web");

        VirtException e = assertThrows(VirtException.class, () -> call.accept(d));

        assertEquals(ErrorCode.NO_SUPPORT, e.code());
        assertEquals("this function is not supported by the connection driver: " + api, e.getMessage());
    }

    static Stream<Arguments> connectionCalls() {
        return Stream.of(
                call("virConnectListAllDomains", (Connection c) -> c.listAllDomains()),
                call("virConnectGetType", Connection::hypervisorType),
                call("virNodeGetInfo", Connection::nodeInfo),
                call("virConnectListAllNetworks", (Connection c) -> c.listAllNetworks()),
                call("virNetworkDefineXML", (Connection c) -> c.defineNetwork("<network/>")),
                call("virConnectListAllStoragePools", (Connection c) -> c.listAllStoragePools()),
                call("virStorageVolLookupByPath", (Connection c) -> c.lookupStorageVolumeByPath("/x")),
                call("virConnectListAllInterfaces", (Connection c) -> c.listAllInterfaces()),
                call("virConnectListAllNodeDevices", Connection::listAllNodeDevices),
                call("virConnectNetworkEventRegisterAny", (Connection c) -> c.onNetworkEvent(e -> { })),
                call("virConnectDomainEventRegisterAny", (Connection c) -> c.onDomainEvent(e -> { })));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("connectionCalls")
    void aMissingConnectionCallIsNoSupportNamingTheApi(String api, Consumer<Connection> call) {
        VirtException e = assertThrows(VirtException.class, () -> call.accept(conn));

        assertEquals(ErrorCode.NO_SUPPORT, e.code());
        assertEquals("this function is not supported by the connection driver: " + api, e.getMessage());
    }

    private static Arguments inDomain(String api, ErrorDomain domain, Consumer<Connection> call) {
        return Arguments.of(api, domain, Named.of(api, call));
    }

    /**
     * libvirt finds a missing entry point in its public API file and reports it there: as the
     * file's VIR_FROM_THIS, not the driver's domain (libvirt 9.0's test driver answers
     * virDomainPMWakeup and virNodeSuspendForDuration in VIR_FROM_DOMAIN, not VIR_FROM_TEST).
     */
    static Stream<Arguments> callsAndDomains() {
        return Stream.of(
                inDomain("virDomainSuspend", ErrorDomain.DOMAIN, c -> c.lookupDomainByName("web").suspend()),
                inDomain("virConnectListAllDomains", ErrorDomain.DOMAIN, Connection::listAllDomains),
                inDomain("virNodeGetInfo", ErrorDomain.DOMAIN, Connection::nodeInfo),
                inDomain("virConnectDomainEventRegisterAny", ErrorDomain.DOMAIN, c -> c.onDomainEvent(e -> { })),
                inDomain("virConnectListAllNetworks", ErrorDomain.NETWORK, Connection::listAllNetworks),
                inDomain("virNetworkDefineXML", ErrorDomain.NETWORK, c -> c.defineNetwork("<network/>")),
                inDomain("virConnectListAllStoragePools", ErrorDomain.STORAGE, Connection::listAllStoragePools),
                inDomain("virStorageVolLookupByPath", ErrorDomain.STORAGE, c -> c.lookupStorageVolumeByPath("/x")),
                inDomain("virConnectListAllInterfaces", ErrorDomain.INTERFACE, Connection::listAllInterfaces),
                inDomain("virConnectListAllNodeDevices", ErrorDomain.NODEDEV, Connection::listAllNodeDevices));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callsAndDomains")
    void aMissingCallIsReportedInTheDomainOfLibvirtsApiFile(String api, ErrorDomain domain,
            Consumer<Connection> call) {
        VirtException e = assertThrows(VirtException.class, () -> call.accept(conn));

        assertEquals(ErrorCode.NO_SUPPORT, e.code());
        assertEquals(domain, e.domain(), api);
    }

    @Test
    void noSupportWithoutDetailReadsAsLibvirtsBareMessage() {
        assertEquals("this function is not supported by the connection driver", ErrorCode.NO_SUPPORT.format(null));
    }
}
