package io.jvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import io.jvirt.spi.DomainRef;
import io.jvirt.spi.HypervisorDriver;
import io.jvirt.spi.NetworkRef;
import io.jvirt.spi.StoragePoolRef;
import io.jvirt.spi.StorageVolumeRef;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
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
 * Read-only connections are enforced once, in the API layer, as libvirt's virCheckReadOnlyGoto:
 * OPERATION_DENIED in the API's error domain, naming libvirt's API, and the driver never hears
 * of the call.
 */
class ReadOnlyEnforcementTest {
    private static final DomainRef WEB = new DomainRef("web", UUID.fromString("11111111-2222-3333-4444-555555555555"));
    private static final NetworkRef NET = new NetworkRef("default", UUID.fromString("dd8fe884-6c02-601e-7551-cca97df1c5df"));
    private static final StoragePoolRef POOL = new StoragePoolRef("default-pool",
            UUID.fromString("dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566"));
    private static final StorageVolumeRef VOL = new StorageVolumeRef("default-pool", "v1", "/default-pool/v1");
    private static final String DOMAIN_XML = "<domain type='test'><name>x</name><memory>1024</memory>"
            + "<os><type>hvm</type></os></domain>";

    private Connection conn;
    private TckFakeDriver.Fake fake;

    @BeforeEach
    void openReadOnly() {
        conn = Virt.openReadOnly("tckfake:///readonly");
        fake = TckFakeDriver.last();
        when(fake.hypervisor.lookupDomainByName("web")).thenReturn(WEB);
        when(fake.networks.lookupNetworkByName("default")).thenReturn(NET);
        when(fake.storage.lookupStoragePoolByName("default-pool")).thenReturn(POOL);
        when(fake.storage.lookupVolumeByName(POOL, "v1")).thenReturn(VOL);
    }

    @AfterEach
    void close() {
        conn.close();
    }

    private static <T> Arguments call(String api, Consumer<T> call) {
        return Arguments.of(api, Named.of(api, call));
    }

    private static void assertDenied(String api, ErrorDomain domain, Runnable call) {
        VirtException e = assertThrows(VirtException.class, call::run);
        assertEquals(ErrorCode.OPERATION_DENIED, e.code());
        assertEquals(domain, e.domain());
        assertEquals("operation forbidden: read only access prevents " + api, e.getMessage());
    }

    static Stream<Arguments> connectionChanges() {
        return Stream.of(
                call("virDomainDefineXML", (Connection c) -> c.defineDomain(DOMAIN_XML)),
                call("virDomainCreateXML", (Connection c) -> c.createDomain(DOMAIN_XML)),
                call("virDomainRestore", (Connection c) -> c.restoreDomain(Path.of("/tmp/x.save"))),
                call("virConnectDomainXMLFromNative", (Connection c) -> c.domainXmlFromNative("xen-xl", "name='x'")),
                call("virConnectDomainXMLToNative", (Connection c) -> c.domainXmlToNative("xen-xl", DOMAIN_XML)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("connectionChanges")
    void domainChangesOnTheConnectionAreRefused(String api, Consumer<Connection> call) {
        assertDenied(api, ErrorDomain.DOMAIN, () -> call.accept(conn));
        verifyNoInteractions(fake.hypervisor, fake.networks, fake.storage);
    }

    @Test
    void networkAndPoolDefinitionsAreRefused() {
        assertDenied("virNetworkDefineXML", ErrorDomain.NETWORK, () -> conn.defineNetwork("<network/>"));
        assertDenied("virNetworkCreateXML", ErrorDomain.NETWORK, () -> conn.createNetwork("<network/>"));
        assertDenied("virStoragePoolDefineXML", ErrorDomain.STORAGE, () -> conn.defineStoragePool("<pool/>"));
        assertDenied("virStoragePoolCreateXML", ErrorDomain.STORAGE, () -> conn.createStoragePool("<pool/>"));
        verifyNoInteractions(fake.hypervisor, fake.networks, fake.storage);
    }

    static Stream<Arguments> domainChanges() {
        return Stream.of(
                call("virDomainCreate", (Domain d) -> d.start()),
                call("virDomainShutdown", (Domain d) -> d.shutdown()),
                call("virDomainReboot", (Domain d) -> d.reboot()),
                call("virDomainReset", Domain::reset),
                call("virDomainDestroy", (Domain d) -> d.destroy()),
                call("virDomainSuspend", Domain::suspend),
                call("virDomainResume", Domain::resume),
                call("virDomainUndefine", (Domain d) -> d.undefine()),
                call("virDomainSave", (Domain d) -> d.save(Path.of("/tmp/web.save"))),
                call("virDomainManagedSave", (Domain d) -> d.managedSave()),
                call("virDomainManagedSaveRemove", Domain::removeManagedSaveImage),
                call("virDomainSetMemory", (Domain d) -> d.setMemory(1024)),
                call("virDomainSetMaxMemory", (Domain d) -> d.setMaxMemory(1024)),
                call("virDomainSetVcpusFlags", (Domain d) -> d.setVcpus(1, DomainModification.CONFIG)),
                call("virDomainSetMetadata",
                        (Domain d) -> d.setMetadata(DomainMetadataType.TITLE, "t", null, null)),
                call("virDomainSetAutostart", (Domain d) -> d.setAutostart(true)),
                call("virDomainAttachDevice", (Domain d) -> d.attachDevice("<disk/>")),
                call("virDomainDetachDevice", (Domain d) -> d.detachDevice("<disk/>")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("domainChanges")
    void domainChangesAreRefusedBeforeTheDriver(String api, Consumer<Domain> call) {
        Domain d = conn.lookupDomainByName("web");

        assertDenied(api, ErrorDomain.DOMAIN, () -> call.accept(d));

        verify(fake.hypervisor).lookupDomainByName("web");
        verifyNoMoreInteractions(fake.hypervisor);
        verifyNoInteractions(fake.networks, fake.storage);
    }

    static Stream<Arguments> networkChanges() {
        return Stream.of(
                call("virNetworkCreate", Network::start),
                call("virNetworkDestroy", Network::destroy),
                call("virNetworkUndefine", Network::undefine),
                call("virNetworkSetAutostart", (Network n) -> n.setAutostart(false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networkChanges")
    void networkChangesAreRefusedBeforeTheDriver(String api, Consumer<Network> call) {
        Network n = conn.lookupNetworkByName("default");

        assertDenied(api, ErrorDomain.NETWORK, () -> call.accept(n));

        verify(fake.networks).lookupNetworkByName("default");
        verifyNoMoreInteractions(fake.networks);
        verifyNoInteractions(fake.hypervisor, fake.storage);
    }

    static Stream<Arguments> storageChanges() {
        return Stream.of(
                call("virStoragePoolBuild", (StoragePool p) -> p.build()),
                call("virStoragePoolCreate", (StoragePool p) -> p.start()),
                call("virStoragePoolDestroy", StoragePool::destroy),
                call("virStoragePoolDelete", StoragePool::delete),
                call("virStoragePoolRefresh", StoragePool::refresh),
                call("virStoragePoolUndefine", StoragePool::undefine),
                call("virStoragePoolSetAutostart", (StoragePool p) -> p.setAutostart(true)),
                call("virStorageVolCreateXML", (StoragePool p) -> p.createVolume("<volume/>")),
                call("virStorageVolCreateXML", (StoragePool p) -> p.createVolume("v2", 1024, "raw")),
                call("virStorageVolCreateXMLFrom",
                        (StoragePool p) -> p.createVolumeFrom("<volume/>", p.lookupVolumeByName("v1"))),
                call("virStorageVolDelete", (StoragePool p) -> p.lookupVolumeByName("v1").delete()),
                call("virStorageVolResize", (StoragePool p) -> p.lookupVolumeByName("v1").resize(1L << 30)),
                call("virStorageVolWipe", (StoragePool p) -> p.lookupVolumeByName("v1").wipe()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storageChanges")
    void storageChangesAreRefusedBeforeTheDriver(String api, Consumer<StoragePool> call) {
        StoragePool p = conn.lookupStoragePoolByName("default-pool");

        assertDenied(api, ErrorDomain.STORAGE, () -> call.accept(p));

        verify(fake.storage).lookupStoragePoolByName("default-pool");
        verify(fake.storage, Mockito.atMost(2)).lookupVolumeByName(POOL, "v1");
        verifyNoMoreInteractions(fake.storage);
        verifyNoInteractions(fake.hypervisor, fake.networks);
    }

    @Test
    void secretsInXmlAreRefused() {
        Domain d = conn.lookupDomainByName("web");
        VirtException e = assertThrows(VirtException.class, () -> d.xml(DomainXmlFlag.SECURE));

        assertEquals(ErrorCode.OPERATION_DENIED, e.code());
        assertEquals(ErrorDomain.DOMAIN, e.domain());
        assertEquals("operation forbidden: virDomainGetXMLDesc with secure flag", e.getMessage());
        verify(fake.hypervisor).lookupDomainByName("web");
        verifyNoMoreInteractions(fake.hypervisor);
    }

    @Test
    void readsReachTheDriver() {
        when(fake.hypervisor.domainState(WEB)).thenReturn(DomainStateInfo.of(DomainStateReason.Running.BOOTED));
        when(fake.hypervisor.domainXml(WEB, Set.of(DomainXmlFlag.INACTIVE))).thenReturn("<domain/>");
        Domain d = conn.lookupDomainByName("web");

        assertEquals("running (booted)", d.state().toString());
        assertEquals("<domain/>", d.xml(DomainXmlFlag.INACTIVE));
        assertEquals("web", d.name());
        assertEquals(WEB.uuid(), d.uuid());
    }

    @Test
    void readOnlyIsCheckedBeforeTheDriverCouldSayNoSupport() {
        HypervisorDriver bare = mock(HypervisorDriver.class, withSettings().defaultAnswer(Mockito.CALLS_REAL_METHODS));
        Mockito.doReturn(WEB).when(bare).lookupDomainByName("web");
        fake.hypervisor = bare;
        Domain d = conn.lookupDomainByName("web");

        assertDenied("virDomainSuspend", ErrorDomain.DOMAIN, d::suspend);
        // ... while reading answers NO_SUPPORT from the driver's default
        assertEquals(ErrorCode.NO_SUPPORT, assertThrows(VirtException.class, d::state).code());
    }

    @Test
    void aClosedConnectionIsInvalidBeforeReadOnly() {
        Domain d = conn.lookupDomainByName("web");
        conn.close();

        VirtException e = assertThrows(VirtException.class, d::suspend);
        assertEquals(ErrorCode.INVALID_CONN, e.code());
        assertEquals("invalid connection pointer in virDomainSuspend", e.getMessage());
    }

    @Test
    void theSameCallsReachTheDriverOnAReadWriteConnection() {
        try (Connection rw = Virt.open("tckfake:///readwrite")) {
            TckFakeDriver.Fake f = TckFakeDriver.last();
            when(f.hypervisor.lookupDomainByName("web")).thenReturn(WEB);
            Domain d = rw.lookupDomainByName("web");

            d.suspend();
            d.start(DomainStartFlag.PAUSED, DomainStartFlag.AUTODESTROY);
            d.destroy();
            d.setMemory(2048, DomainModification.LIVE, DomainModification.CONFIG);

            verify(f.hypervisor).domainSuspend(WEB);
            verify(f.hypervisor).domainStart(WEB, EnumSet.of(DomainStartFlag.PAUSED, DomainStartFlag.AUTODESTROY));
            verify(f.hypervisor).domainDestroy(eq(WEB), eq(Set.of()));
            verify(f.hypervisor).domainSetMemory(WEB, 2048,
                    EnumSet.of(DomainModification.LIVE, DomainModification.CONFIG));
            verify(f.hypervisor, Mockito.never()).domainResume(any());
        }
    }
}
