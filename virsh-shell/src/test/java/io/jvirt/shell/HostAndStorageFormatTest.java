package io.jvirt.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.jvirt.Connection;
import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.ListStoragePoolsFlag;
import io.jvirt.Network;
import io.jvirt.NodeInfo;
import io.jvirt.StoragePool;
import io.jvirt.StoragePoolInfo;
import io.jvirt.StoragePoolState;
import io.jvirt.StorageVolume;
import io.jvirt.StorageVolumeInfo;
import io.jvirt.StorageVolumeType;
import io.jvirt.VirtException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Host, network, pool and volume reports for given API answers. */
class HostAndStorageFormatTest {
    private Connection conn;

    @BeforeEach
    void connection() {
        conn = mock(Connection.class);
        when(conn.isAlive()).thenReturn(true);
    }

    @Test
    void nodeinfoUsesTwentyColumnLabels() {
        when(conn.nodeInfo()).thenReturn(new NodeInfo("i686", 3145728, 16, 1400, 2, 2, 2, 2));
        assertEquals("CPU model:           i686\n"
                + "CPU(s):              16\n"
                + "CPU frequency:       1400 MHz\n"
                + "CPU socket(s):       2\n"
                + "Core(s) per socket:  2\n"
                + "Thread(s) per core:  2\n"
                + "NUMA cell(s):        2\n"
                + "Memory size:         3145728 KiB\n\n", ShellRunner.run(conn, "nodeinfo").out());
    }

    @Test
    void freecellAllReadsCellsFromCapabilities() {
        when(conn.capabilities()).thenReturn("<capabilities><host><topology><cells num='2'>"
                + "<cell id='0'/><cell id='1'/></cells></topology></host></capabilities>");
        when(conn.cellsFreeMemory(0, 1)).thenReturn(List.of(2048L * 1024));
        when(conn.cellsFreeMemory(1, 1)).thenReturn(List.of(4096L * 1024));
        assertEquals("    0:       2048 KiB\n"
                + "    1:       4096 KiB\n"
                + "--------------------\n"
                + "Total:       6144 KiB\n\n", ShellRunner.run(conn, "freecell", "--all").out());
        assertEquals("error: Options --all and --cellno are mutually exclusive\n",
                ShellRunner.run(conn, "freecell", "--all", "--cellno", "0").err());
    }

    @Test
    void versionNamesJvirt() {
        when(conn.hypervisorType()).thenReturn("TEST");
        when(conn.hypervisorVersion()).thenReturn(2L);
        String v = Jvirsh.version();
        assertEquals("Compiled against library: jvirt " + v + "\n"
                + "Using library: jvirt " + v + "\n"
                + "Using API: TEST " + v + "\n"
                + "Running hypervisor: TEST 0.0.2\n\n", ShellRunner.run(conn, "version").out());
    }

    @Test
    void netInfoAndNetworkLookupFailureKeepsTheLibraryError() {
        Network n = mock(Network.class);
        when(n.name()).thenReturn("default");
        when(n.uuid()).thenReturn(UUID.fromString("dd8fe884-6c02-601e-7551-cca97df1c5df"));
        when(n.isActive()).thenReturn(true);
        when(n.isPersistent()).thenReturn(true);
        when(n.bridgeName()).thenReturn("virbr0");
        when(conn.lookupNetworkByName("default")).thenReturn(n);
        when(conn.lookupNetworkByName("nosuch")).thenThrow(new VirtException(ErrorCode.NO_NETWORK,
                ErrorDomain.NETWORK, "no network with matching name 'nosuch'"));
        assertEquals("Name:           default\n"
                + "UUID:           dd8fe884-6c02-601e-7551-cca97df1c5df\n"
                + "Active:         yes\n"
                + "Persistent:     yes\n"
                + "Autostart:      no\n"
                + "Bridge:         virbr0\n\n", ShellRunner.run(conn, "net-info", "default").out());
        assertEquals("error: failed to get network 'nosuch'\n"
                + "error: Network not found: no network with matching name 'nosuch'\n",
                ShellRunner.run(conn, "net-info", "nosuch").err());
    }

    private StoragePool pool(String name, StoragePoolState state) {
        StoragePool p = mock(StoragePool.class);
        when(p.name()).thenReturn(name);
        when(p.uuid()).thenReturn(UUID.nameUUIDFromBytes(name.getBytes()));
        when(p.info()).thenReturn(new StoragePoolInfo(state, 107374182400L, 0, 107374182400L));
        when(p.isActive()).thenReturn(state == StoragePoolState.RUNNING);
        when(p.isPersistent()).thenReturn(true);
        when(conn.lookupStoragePoolByName(name)).thenReturn(p);
        return p;
    }

    @Test
    void poolInfoPrettyPrintsSizesOnlyForARunningPool() {
        pool("default-pool", StoragePoolState.RUNNING);
        pool("off", StoragePoolState.INACTIVE);
        String out = ShellRunner.run(conn, "pool-info", "default-pool").out();
        assertEquals(true, out.endsWith("Capacity:       100.00 GiB\n"
                + "Allocation:     0.00 B\n"
                + "Available:      100.00 GiB\n\n"), out);
        assertEquals(true, ShellRunner.run(conn, "pool-info", "--bytes", "default-pool").out()
                .contains("Capacity:       107374182400\n"));
        assertEquals(false, ShellRunner.run(conn, "pool-info", "off").out().contains("Capacity"));
    }

    @Test
    void poolListDetailsShowsStatesAndDashesForInactivePools() {
        StoragePool a = pool("default-pool", StoragePoolState.RUNNING);
        StoragePool b = pool("off", StoragePoolState.INACTIVE);
        when(conn.listAllStoragePools(any(ListStoragePoolsFlag[].class))).thenReturn(List.of(b, a));
        assertEquals(" Name           State      Autostart   Persistent   Capacity     Allocation   Available\n"
                + "------------------------------------------------------------------------------------------\n"
                + " default-pool   running    no          yes          100.00 GiB   0.00 B       100.00 GiB\n"
                + " off            inactive   no          yes          -            -            -\n\n",
                ShellRunner.run(conn, "pool-list", "--all", "--details").out());
        assertEquals(" Name           State      Autostart\n"
                + "--------------------------------------\n"
                + " default-pool   active     no\n"
                + " off            inactive   no\n\n", ShellRunner.run(conn, "pool-list", "--all").out());
    }

    @Test
    void volInfoAndVolListDetails() {
        StoragePool p = pool("default-pool", StoragePoolState.RUNNING);
        StorageVolume v = mock(StorageVolume.class);
        when(v.name()).thenReturn("v1");
        when(v.pool()).thenReturn(p);
        when(v.path()).thenReturn("/default-pool/v1");
        when(v.info()).thenReturn(new StorageVolumeInfo(StorageVolumeType.FILE, 1L << 30, 1152));
        when(p.lookupVolumeByName("v1")).thenReturn(v);
        when(p.listAllVolumes()).thenReturn(List.of(v));
        assertEquals("Name:           v1\n"
                + "Type:           file\n"
                + "Capacity:       1.00 GiB\n"
                + "Allocation:     1.12 KiB\n\n", ShellRunner.run(conn, "vol-info", "v1", "--pool", "default-pool").out());
        assertEquals(" Name   Path               Type   Capacity   Allocation\n"
                + "---------------------------------------------------------\n"
                + " v1     /default-pool/v1   file   1.00 GiB   1.12 KiB\n\n",
                ShellRunner.run(conn, "vol-list", "default-pool", "--details").out());
    }

    @Test
    void volCreateAsPrintsTheXmlItWouldCreate() {
        pool("default-pool", StoragePoolState.RUNNING);
        assertEquals("<volume>\n"
                + "  <name>v3</name>\n"
                + "  <capacity>1048576</capacity>\n"
                + "  <allocation>524288</allocation>\n"
                + "  <target>\n"
                + "    <format type='raw'/>\n"
                + "  </target>\n"
                + "</volume>\n\n", ShellRunner.run(conn, "vol-create-as", "default-pool", "v3", "1M",
                        "--allocation", "512K", "--format", "raw", "--print-xml").out());
        assertEquals("error: Malformed size -1\n",
                ShellRunner.run(conn, "vol-create-as", "default-pool", "v3", "-1").err());
    }
}
