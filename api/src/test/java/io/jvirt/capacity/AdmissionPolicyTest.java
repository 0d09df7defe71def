package io.jvirt.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.jvirt.ConnectUri;
import io.jvirt.Connection;
import io.jvirt.Domain;
import io.jvirt.DomainInfo;
import io.jvirt.DomainState;
import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.ListDomainsFlag;
import io.jvirt.NodeInfo;
import io.jvirt.VirtException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The policy's rules against a (mocked) host of 4 logical processors and 4 GiB running one 2-vCPU, 1 GiB domain. */
class AdmissionPolicyTest {
    private static final long MIB = 1L << 20;
    private static final long GIB = 1L << 30;

    private Connection conn;

    @BeforeEach
    void host() {
        conn = mock(Connection.class);
        when(conn.nodeInfo()).thenReturn(new NodeInfo("x86_64", 4L << 20, 4, 2000, 1, 1, 4, 1));
        Domain running = mock(Domain.class);
        when(running.name()).thenReturn("db");
        when(running.info()).thenReturn(new DomainInfo(DomainState.RUNNING, GIB >> 10, GIB >> 10, 2, 0));
        when(conn.listAllDomains(ListDomainsFlag.ACTIVE)).thenReturn(List.of(running));
    }

    private static String xml(String name, String vcpu, long memoryMiB) {
        return "<domain type='test'><name>" + name + "</name><memory unit='MiB'>" + memoryMiB + "</memory>"
                + vcpu + "<os><type>hvm</type></os></domain>";
    }

    @Test
    void tooManyVcpusIsRefusedNamingTheNumbers() {
        VirtException e = assertThrows(VirtException.class,
                () -> AdmissionPolicy.strict().checkCreate(conn, xml("web", "<vcpu>3</vcpu>", 512)));
        assertEquals(ErrorCode.OPERATION_INVALID, e.code());
        assertEquals(ErrorDomain.DOMAIN, e.domain());
        assertEquals("Requested operation is not valid: admission control refuses to create domain 'web': vCPUs: 3 for"
                + " 'web' + 2 of 1 running domain = 5, over 4 logical processors × 1 per logical processor = 4",
                e.getMessage());
    }

    @Test
    void aRatioAllowsOvercommit() {
        AdmissionPolicy.strict().withVcpusPerLogicalProcessor(2).checkCreate(conn, xml("web", "<vcpu>6</vcpu>", 512));
    }

    @Test
    void tooMuchMemoryWithOverheadAndReserveIsRefused() {
        AdmissionPolicy.strict().checkCreate(conn, xml("web", "", 2048)); // 2 + 1 GiB + 64 MiB + 512 MiB: fits
        VirtException e = assertThrows(VirtException.class,
                () -> AdmissionPolicy.strict().checkCreate(conn, xml("web", "", 3072)));
        assertEquals("Requested operation is not valid: admission control refuses to create domain 'web': memory: 3 GiB"
                + " for 'web' + 1 GiB of 1 running domain + 2 × 32 MiB overhead + 512 MiB reserve = 4672 MiB,"
                + " over the host's 4 GiB", e.getMessage());
    }

    @Test
    void bothRulesAreReportedTogether() {
        VirtException e = assertThrows(VirtException.class,
                () -> AdmissionPolicy.strict().checkCreate(conn, xml("web", "<vcpu>4</vcpu>", 4096)));
        assertTrue(e.getMessage().contains("vCPUs: 4 for 'web'") && e.getMessage().contains("; memory: 4 GiB for 'web'"),
                e.getMessage());
    }

    @Test
    void vcpusCountAsRunNow() {
        AdmissionPolicy.strict().checkCreate(conn, xml("web", "<vcpu current='2'>8</vcpu>", 512));
    }

    @Test
    void startingChecksAShutOffDomainsConfig() {
        Domain web = mock(Domain.class);
        when(web.name()).thenReturn("web");
        when(web.connection()).thenReturn(conn);
        when(web.isActive()).thenReturn(false);
        when(web.xml()).thenReturn(xml("web", "<vcpu>3</vcpu>", 512));
        VirtException e = assertThrows(VirtException.class, () -> AdmissionPolicy.strict().checkStart(web));
        assertTrue(e.getMessage().startsWith("Requested operation is not valid: admission control refuses to start"
                + " domain 'web': vCPUs: 3"), e.getMessage());
    }

    @Test
    void aRunningDomainIsLeftToTheDriver() {
        Domain db = mock(Domain.class);
        when(db.isActive()).thenReturn(true);
        AdmissionPolicy.strict().checkStart(db);
        verifyNoInteractions(conn);
        AdmissionPolicy.strict().checkCreate(conn, xml("db", "<vcpu>64</vcpu>", 64));
    }

    @Test
    void xmlThatDoesNotParseIsLeftToTheDriver() {
        AdmissionPolicy.strict().checkCreate(conn, "<domain><name>x</nam");
        verifyNoInteractions(conn);
    }

    @Test
    void noneChecksNothing() {
        assertFalse(AdmissionPolicy.none().isEnabled());
        AdmissionPolicy.none().checkCreate(conn, xml("web", "<vcpu>64</vcpu>", 1 << 20));
        verifyNoInteractions(conn);
    }

    @Test
    void aDomainThatVanishesWhileCountingIsSkipped() {
        Domain gone = mock(Domain.class);
        when(gone.name()).thenReturn("gone");
        when(gone.info()).thenThrow(new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.DOMAIN, "gone"));
        when(conn.listAllDomains(ListDomainsFlag.ACTIVE)).thenReturn(List.of(gone));
        AdmissionPolicy.strict().checkCreate(conn, xml("web", "<vcpu>4</vcpu>", 512));
        verify(gone).info();
    }

    @Test
    void uriParameters() {
        assertFalse(AdmissionPolicy.fromUri(ConnectUri.parse("test:///default")).isEnabled());
        assertFalse(AdmissionPolicy.fromUri(ConnectUri.parse("test:///default?admission=none")).isEnabled());
        AdmissionPolicy strict = AdmissionPolicy.fromUri(ConnectUri.parse("test:///default?admission=strict"));
        assertTrue(strict.isEnabled());
        assertEquals(1, strict.vcpusPerLogicalProcessor());
        assertEquals(32 * MIB, strict.overheadBytes());
        assertEquals(512 * MIB, strict.reserveBytes());
        assertEquals(8, AdmissionPolicy.fromUri(ConnectUri.parse("qemu:///system?admission=hyperv-2008r2"))
                .vcpusPerLogicalProcessor());
        AdmissionPolicy tuned = AdmissionPolicy.fromUri(ConnectUri.parse(
                "xen:///system?admission_ratio=4&admission_overhead=64M&admission_reserve=1G"));
        assertTrue(tuned.isEnabled());
        assertEquals(4, tuned.vcpusPerLogicalProcessor());
        assertEquals(64 * MIB, tuned.overheadBytes());
        assertEquals(GIB, tuned.reserveBytes());
        assertEquals("AdmissionPolicy[4 vCPUs per logical processor, 64 MiB overhead, 1 GiB reserve]", tuned.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "admission=maybe | invalid argument: unknown profile 'maybe' (known: generic, kvm, xen-4.17, hyperv-2008r2)",
        "admission_ratio=x | invalid argument: admission_ratio: 'x' is not a whole number",
        "admission_ratio=0 | invalid argument: vCPUs per logical processor must be at least 1, got 0",
        "admission_reserve=0 | invalid argument: admission_reserve must be more than 0, got '0'",
        "admission=off&admission_ratio=2 | invalid argument: admission=off turns admission control off;"
                + " admission_ratio, admission_overhead and admission_reserve need it on"})
    void badUriParametersAreRefused(String query, String message) {
        VirtException e = assertThrows(VirtException.class,
                () -> AdmissionPolicy.fromUri(ConnectUri.parse("test:///default?" + query)));
        assertEquals(ErrorCode.INVALID_ARG, e.code());
        assertEquals(message, e.getMessage());
    }
}
