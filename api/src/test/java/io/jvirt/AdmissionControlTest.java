package io.jvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.jvirt.capacity.AdmissionPolicy;
import io.jvirt.spi.DomainRef;
import io.jvirt.spi.HypervisorDriver;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Admission control lives in the API layer: with a policy, a start or create that would break it
 * fails with OPERATION_INVALID before the driver hears of it; without one (the default) the API
 * layer asks nothing, as libvirt.
 */
class AdmissionControlTest {
    private static final DomainRef DB = new DomainRef("db", UUID.fromString("11111111-2222-3333-4444-555555555555"));
    private static final DomainRef WEB = new DomainRef("web", UUID.fromString("11111111-2222-3333-4444-666666666666"));
    private static final String BIG = "<domain type='test'><name>big</name><memory unit='GiB'>8</memory>"
            + "<vcpu>2</vcpu><os><type>hvm</type></os></domain>";
    private static final String SMALL = "<domain type='test'><name>small</name><memory unit='MiB'>256</memory>"
            + "<vcpu>1</vcpu><os><type>hvm</type></os></domain>";

    private Connection conn;

    @AfterEach
    void close() {
        if (conn != null) {
            conn.close();
        }
    }

    /** A host of 4 logical processors and 4 GiB running db (2 vCPUs, 1 GiB); web is shut off. */
    private HypervisorDriver open(String uri, ConnectOptions options) {
        conn = Virt.open(uri, options);
        HypervisorDriver hv = TckFakeDriver.last().hypervisor;
        when(hv.nodeInfo()).thenReturn(new NodeInfo("x86_64", 4L << 20, 4, 2000, 1, 1, 4, 1));
        when(hv.listAllDomains(Set.of(ListDomainsFlag.ACTIVE))).thenReturn(List.of(DB));
        when(hv.domainInfo(DB)).thenReturn(new DomainInfo(DomainState.RUNNING, 1L << 20, 1L << 20, 2, 0));
        when(hv.lookupDomainByName("web")).thenReturn(WEB);
        when(hv.domainIsActive(WEB)).thenReturn(false);
        when(hv.domainXml(WEB, Set.of())).thenReturn(BIG.replace("big", "web"));
        return hv;
    }

    @Test
    void strictUriRefusesAnOvercommittingCreateAndTheDriverNeverHearsOfIt() {
        HypervisorDriver hv = open("tckfake:///host?admission=strict", ConnectOptions.defaults());
        VirtException e = assertThrows(VirtException.class, () -> conn.createDomain(BIG));
        assertEquals(ErrorCode.OPERATION_INVALID, e.code());
        assertEquals("Requested operation is not valid: admission control refuses to create domain 'big': memory:"
                + " 8 GiB for 'big' + 1 GiB of 1 running domain + 2 × 32 MiB overhead + 512 MiB reserve = 9792 MiB,"
                + " over the host's 4 GiB", e.getMessage());
        verify(hv, never()).createDomain(any(), any());
    }

    @Test
    void strictUriRefusesAnOvercommittingStart() {
        HypervisorDriver hv = open("tckfake:///host?admission=strict", ConnectOptions.defaults());
        Domain web = conn.lookupDomainByName("web");
        VirtException e = assertThrows(VirtException.class, web::start);
        assertTrue(e.getMessage().startsWith("Requested operation is not valid: admission control refuses to start"
                + " domain 'web': memory: 8 GiB for 'web'"), e.getMessage());
        verify(hv, never()).domainStart(any(), any());
    }

    @Test
    void whatFitsIsPassedOn() {
        HypervisorDriver hv = open("tckfake:///host?admission=strict", ConnectOptions.defaults());
        DomainRef small = new DomainRef("small", UUID.randomUUID());
        when(hv.createDomain(SMALL, Set.of())).thenReturn(small);
        assertEquals("small", conn.createDomain(SMALL).name());
        when(hv.domainXml(WEB, Set.of())).thenReturn(SMALL.replace("small", "web"));
        conn.lookupDomainByName("web").start(DomainStartFlag.PAUSED);
        verify(hv).domainStart(WEB, Set.of(DomainStartFlag.PAUSED));
    }

    @Test
    void theDriverDoesNotSeeTheAdmissionParameters() {
        open("tckfake:///host?admission=strict&admission_ratio=2&mode=x", ConnectOptions.defaults());
        assertEquals("tckfake:///host?mode=x", TckFakeDriver.last().uri.text());
        assertEquals(java.util.Map.of("mode", "x"), TckFakeDriver.last().uri.params());
        assertEquals("tckfake:///host?admission=strict&admission_ratio=2&mode=x", conn.uri().text());
    }

    @Test
    void optionsPolicyWinsOverTheUris() {
        HypervisorDriver hv = open("tckfake:///host?admission=strict",
                ConnectOptions.defaults().withAdmission(AdmissionPolicy.strict().withReserveBytes(1L << 20)
                        .withVcpusPerLogicalProcessor(4)));
        when(hv.domainXml(WEB, Set.of())).thenReturn(BIG.replace("big", "web").replace("GiB'>8", "GiB'>2"));
        conn.lookupDomainByName("web").start();
        verify(hv).domainStart(WEB, Set.of());
    }

    @Test
    void byDefaultNothingIsCheckedAsInLibvirt() {
        HypervisorDriver hv = open("tckfake:///host", ConnectOptions.defaults());
        DomainRef big = new DomainRef("big", UUID.randomUUID());
        when(hv.createDomain(BIG, Set.of())).thenReturn(big);
        conn.createDomain(BIG);
        conn.lookupDomainByName("web").start();
        verify(hv, never()).nodeInfo();
        verify(hv).domainStart(WEB, Set.of());
    }

    @Test
    void readOnlyStillComesFirst() {
        conn = Virt.open("tckfake:///host?admission=strict", ConnectOptions.defaults().readOnly(true));
        VirtException e = assertThrows(VirtException.class, () -> conn.createDomain(BIG));
        assertEquals(ErrorCode.OPERATION_DENIED, e.code());
        verify(TckFakeDriver.last().hypervisor, never()).nodeInfo();
    }

    @Test
    void badAdmissionParametersFailTheOpen() {
        VirtException e = assertThrows(VirtException.class, () -> Virt.open("tckfake:///host?admission=sometimes"));
        assertEquals(ErrorCode.INVALID_ARG, e.code());
    }
}
