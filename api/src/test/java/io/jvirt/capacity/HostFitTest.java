package io.jvirt.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.jvirt.ConnectUri;
import io.jvirt.Connection;
import io.jvirt.Domain;
import io.jvirt.DomainInfo;
import io.jvirt.DomainState;
import io.jvirt.HostInterface;
import io.jvirt.ListInterfacesFlag;
import io.jvirt.ListStoragePoolsFlag;
import io.jvirt.NodeInfo;
import io.jvirt.StoragePool;
import io.jvirt.StoragePoolInfo;
import io.jvirt.StoragePoolState;
import io.jvirt.VirtException;
import io.jvirt.capacity.HostFit.Row;
import io.jvirt.capacity.HostFit.Verdict;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fit checks against a (mocked) live host: 16 logical processors, 16 GiB, two 8 GiB NUMA cells. */
class HostFitTest {
    private static final long GIB = 1L << 30;
    private static final CapacityPlanner PLANNER = CapacityPlanner.of(HostProfile.GENERIC);

    private Connection conn;

    @BeforeEach
    void host() {
        conn = mock(Connection.class);
        when(conn.uri()).thenReturn(ConnectUri.parse("test:///default"));
        when(conn.nodeInfo()).thenReturn(new NodeInfo("x86_64", 16L << 20, 16, 2400, 2, 1, 4, 2));
        when(conn.freeMemory()).thenReturn(12 * GIB);
        when(conn.maxVcpus(null)).thenReturn(255);
        when(conn.capabilities()).thenReturn("<capabilities><host><cpu><arch>x86_64</arch></cpu><topology>"
                + "<cells num='2'><cell id='0'><memory unit='KiB'>8388608</memory></cell>"
                + "<cell id='1'><memory unit='KiB'>8388608</memory></cell></cells></topology></host></capabilities>");
        StoragePool pool = mock(StoragePool.class);
        when(pool.info()).thenReturn(new StoragePoolInfo(StoragePoolState.RUNNING, 200 * GIB, 100 * GIB, 100 * GIB));
        when(conn.listAllStoragePools(ListStoragePoolsFlag.ACTIVE)).thenReturn(List.of(pool));
        when(conn.listAllInterfaces(ListInterfacesFlag.ACTIVE))
                .thenThrow(VirtException.noSupport("virConnectListAllInterfaces"));
        when(conn.listAllDomains()).thenReturn(List.of());
    }

    private static Map<String, Row> byResource(HostFit fit) {
        return fit.rows().stream().collect(Collectors.toMap(Row::resource, Function.identity()));
    }

    @Test
    void aSmallPlanFitsAndSaysWhy() {
        HostFit fit = HostFit.of(conn, PLANNER, List.of(new VmShape(4, 2, 2 * GIB, 20 * GIB, 0)));
        assertTrue(fit.fits(), fit.rows().toString());
        assertEquals("test:///default", fit.host());
        Map<String, Row> rows = byResource(fit);
        assertEquals(new Row("logical processors", "8", "16", Verdict.FITS,
                "8 vCPUs at 1 per logical processor need 8, within the host's 16"), rows.get("logical processors"));
        assertEquals(new Row("memory", "8832 MiB", "16 GiB", Verdict.FITS,
                "VMs, overhead and reserve need 8832 MiB, within the host's 16 GiB"), rows.get("memory"));
        assertEquals(new Row("free memory", "8320 MiB", "12 GiB", Verdict.FITS,
                "starting 4 VMs now needs 8 GiB + 4 × 32 MiB overhead, within the 12 GiB free on the host"),
                rows.get("free memory"));
        assertEquals(Verdict.FITS, rows.get("vCPUs per VM").verdict());
        assertEquals(new Row("NUMA cell", "2 GiB", "8 GiB", Verdict.FITS, "the largest VM fits in one NUMA cell"),
                rows.get("NUMA cell"));
        assertEquals(Verdict.FITS, rows.get("storage").verdict());
        assertEquals("80 GiB", rows.get("storage").needed());
        assertEquals(Verdict.NOT_CHECKED, rows.get("physical CPUs").verdict());
        assertEquals(Verdict.NOT_CHECKED, rows.get("NICs").verdict());
    }

    @Test
    void aBigPlanDoesNotFitAndNamesEachShortfall() {
        HostFit fit = HostFit.of(conn, PLANNER.coresPerSocket(4),
                List.of(new VmShape(20, 2, 2 * GIB, 20 * GIB, 0)));
        assertFalse(fit.fits());
        Map<String, Row> rows = byResource(fit);
        assertEquals(new Row("logical processors", "40", "16", Verdict.DOES_NOT_FIT,
                "40 vCPUs at 1 per logical processor need 40, more than the host's 16"), rows.get("logical processors"));
        assertEquals(Verdict.DOES_NOT_FIT, rows.get("memory").verdict());
        assertEquals(Verdict.DOES_NOT_FIT, rows.get("free memory").verdict());
        assertEquals(new Row("physical CPUs", "10", "2", Verdict.DOES_NOT_FIT,
                "40 logical processors ÷ 4 cores per CPU = 10, more than the host's 2 CPUs of 4 cores × 2 threads"),
                rows.get("physical CPUs"));
        assertEquals(new Row("storage", "400 GiB", "100 GiB", Verdict.DOES_NOT_FIT,
                "fixed-size disks take 400 GiB, more than the 100 GiB free in active pools"), rows.get("storage"));
    }

    @Test
    void thinDisksFitButWarn() {
        HostFit fit = HostFit.of(conn, PLANNER.thinStorage(true), List.of(new VmShape(2, 1, GIB, 100 * GIB, 0)));
        Row storage = byResource(fit).get("storage");
        assertEquals(Verdict.FITS, storage.verdict());
        assertEquals("thin disks start small but can grow to more than the active pools have free", storage.why());
    }

    @Test
    void aVmLargerThanAnyNumaCellFitsButSpansCells() {
        HostFit fit = HostFit.of(conn, PLANNER, List.of(new VmShape(1, 2, 10 * GIB, 0, 0)));
        Row numa = byResource(fit).get("NUMA cell");
        assertEquals(Verdict.FITS, numa.verdict());
        assertTrue(numa.why().contains("span"), numa.why());
    }

    @Test
    void aVmWithMoreVcpusThanTheHypervisorGivesDoesNotFit() {
        HostFit fit = HostFit.of(conn, CapacityPlanner.of(HostProfile.GENERIC.withVcpusPerLogicalProcessor(64)),
                List.of(new VmShape(1, 300, 0, 0, 0)));
        assertEquals(new Row("vCPUs per VM", "300", "255", Verdict.DOES_NOT_FIT,
                "the largest VM has 300 vCPUs, more than the hypervisor's limit of 255 per guest"),
                byResource(fit).get("vCPUs per VM"));
    }

    @Test
    void whatTheDriverCannotSayIsNotCheckedAndDoesNotFail() {
        when(conn.freeMemory()).thenThrow(VirtException.noSupport("virNodeGetFreeMemory"));
        HostFit fit = HostFit.of(conn, PLANNER, List.of(new VmShape(1, 1, GIB, 0, 0)));
        Row free = byResource(fit).get("free memory");
        assertEquals(Verdict.NOT_CHECKED, free.verdict());
        assertEquals("the host does not say: this function is not supported by the connection driver: virNodeGetFreeMemory",
                free.why());
        assertTrue(fit.fits());
    }

    @Test
    void nicsAreCountedFromActiveHostInterfacesButLoopback() {
        HostInterface eth0 = mock(HostInterface.class);
        when(eth0.name()).thenReturn("eth0");
        HostInterface lo = mock(HostInterface.class);
        when(lo.name()).thenReturn("lo");
        doReturn(List.of(eth0, lo)).when(conn).listAllInterfaces(ListInterfacesFlag.ACTIVE);
        HostFit fit = HostFit.of(conn, CapacityPlanner.of(HostProfile.GENERIC.withVmsPerNic(10)),
                List.of(new VmShape(15, 1, 0, 0, 0)));
        Row nics = byResource(fit).get("NICs");
        assertEquals(new Row("NICs", "2", "1", Verdict.DOES_NOT_FIT,
                "15 VMs ÷ 10 per NIC = 2, more than the host's active interfaces (1)"), nics);
    }

    @Test
    void definedDomainsCountWithTheNewOnes() {
        Domain running = domain("web", DomainState.RUNNING, 2, 4 * GIB);
        Domain off = domain("db", DomainState.SHUTOFF, 1, GIB);
        when(conn.listAllDomains()).thenReturn(List.of(running, off));
        HostFit fit = HostFit.withDefinedDomains(conn, PLANNER, List.of(new VmShape(2, 1, GIB, 0, 0)));
        assertEquals(2, fit.definedDomains());
        assertEquals(5, fit.plan().vcpus());
        assertEquals(4, fit.plan().vms());
        Map<String, Row> rows = byResource(fit);
        assertEquals("7808 MiB", rows.get("memory").needed());
        // Not running yet: the two new VMs and db.
        assertEquals(new Row("free memory", "3168 MiB", "12 GiB", Verdict.FITS,
                "starting 3 VMs now needs 3 GiB + 3 × 32 MiB overhead, within the 12 GiB free on the host"),
                rows.get("free memory"));
        assertEquals("1 × 2 vCPUs + 1 × 1 vCPU + 2 × 1 vCPU = 5 vCPUs ÷ 1 per logical processor = 5",
                fit.plan().row(CapacityPlan.Resource.LOGICAL_PROCESSORS).formula());
    }

    @Test
    void noDomainsAndNoNewVmsIsAnError() {
        VirtException e = org.junit.jupiter.api.Assertions.assertThrows(VirtException.class,
                () -> HostFit.withDefinedDomains(conn, PLANNER, List.of()));
        assertEquals("invalid argument: a plan needs at least one VM shape", e.getMessage());
    }

    private static Domain domain(String name, DomainState state, int vcpus, long memoryBytes) {
        Domain d = mock(Domain.class);
        when(d.name()).thenReturn(name);
        when(d.info()).thenReturn(new DomainInfo(state, memoryBytes >> 10, memoryBytes >> 10, vcpus, 0));
        return d;
    }
}
