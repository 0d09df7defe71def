package io.jvirt.driver.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.Connection;
import io.jvirt.Domain;
import io.jvirt.NodeInfo;
import io.jvirt.SecurityModel;
import io.jvirt.StoragePoolInfo;
import io.jvirt.StoragePoolState;
import io.jvirt.Virt;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** test:///default holds exactly libvirt 9.0's default host (libvirt.md §3.2, §3.5). */
class DefaultHostTest {
    private Connection conn;

    @BeforeEach
    void open() {
        conn = Virt.open("test:///default?instance=" + getClass().getName());
    }

    @AfterEach
    void close() {
        conn.close();
    }

    @Test
    void theSecurityModelIsTheCapabilitiesFirstSecmodel() {
        String caps = conn.capabilities();
        assertTrue(caps.contains("    <secmodel>\n      <model>testSecurity</model>\n      <doi></doi>\n"), caps);
        assertEquals(new SecurityModel("testSecurity", ""), conn.securityModel());
    }

    @Test
    void hostFacts() {
        assertEquals("TEST", conn.hypervisorType());
        assertEquals(2, conn.hypervisorVersion());
        assertEquals(32, conn.maxVcpus(null));
        assertEquals(new NodeInfo("i686", 3145728, 16, 1400, 2, 2, 2, 2), conn.nodeInfo());
        assertTrue(conn.capabilities().startsWith("<capabilities>\n"));
        assertEquals(List.of(2097152L, 4194304L), conn.cellsFreeMemory(0, 8));
        assertEquals(3145728L, conn.freeMemory());
    }

    @Test
    void theTestDomainRunsWithIdOne() {
        Domain test = conn.lookupDomainByName("test");
        assertEquals(1, test.id());
        assertEquals("6695eb01-f6a4-8304-79aa-97f2502e193f", test.uuid().toString());
        assertEquals("running (unknown)", test.state().toString());
        assertTrue(test.isPersistent());
        assertEquals("linux", test.osType());
        assertEquals(8388608, test.info().maxMemory());
        assertEquals(2097152, test.info().memory());
        assertEquals(2, test.info().vcpus());
    }

    @Test
    void dumpxmlIsByteForByteLibvirts() {
        String expected = """
                <domain type='test' id='1'>
                  <name>test</name>
                  <uuid>6695eb01-f6a4-8304-79aa-97f2502e193f</uuid>
                  <memory unit='KiB'>8388608</memory>
                  <currentMemory unit='KiB'>2097152</currentMemory>
                  <vcpu placement='static'>2</vcpu>
                  <os>
                    <type arch='i686'>hvm</type>
                    <boot dev='hd'/>
                  </os>
                  <clock offset='utc'/>
                  <on_poweroff>destroy</on_poweroff>
                  <on_reboot>restart</on_reboot>
                  <on_crash>destroy</on_crash>
                  <devices>
                    <disk type='file' device='disk'>
                      <source file='/guest/diskimage1'/>
                      <target dev='vda' bus='virtio'/>
                      <address type='pci' domain='0x0000' bus='0x01' slot='0x00' function='0x0'/>
                    </disk>
                    <interface type='network'>
                      <mac address='aa:bb:cc:dd:ee:ff'/>
                      <source network='default'/>
                      <target dev='testnet0'/>
                      <address type='pci' domain='0x0000' bus='0x00' slot='0x01' function='0x0'/>
                    </interface>
                    <memballoon model='virtio'>
                      <address type='pci' domain='0x0000' bus='0x00' slot='0x02' function='0x0'/>
                    </memballoon>
                  </devices>
                </domain>
                """;
        assertEquals(expected, conn.lookupDomainByName("test").xml());
    }

    @Test
    void networkPoolInterfaceAndDevices() {
        var net = conn.lookupNetworkByName("default");
        assertEquals("dd8fe884-6c02-601e-7551-cca97df1c5df", net.uuid().toString());
        assertTrue(net.isActive());
        assertTrue(net.isPersistent());
        assertFalse(net.autostart());
        assertEquals("virbr0", net.bridgeName());
        assertEquals("""
                <network>
                  <name>default</name>
                  <uuid>dd8fe884-6c02-601e-7551-cca97df1c5df</uuid>
                  <forward mode='nat'/>
                  <bridge name='virbr0' stp='on' delay='0'/>
                  <ip address='192.168.122.1' netmask='255.255.255.0'>
                    <dhcp>
                      <range start='192.168.122.2' end='192.168.122.254'/>
                    </dhcp>
                  </ip>
                </network>
                """, net.xml(false));

        var pool = conn.lookupStoragePoolByName("default-pool");
        assertEquals(new StoragePoolInfo(StoragePoolState.RUNNING, 107374182400L, 0, 107374182400L), pool.info());
        assertTrue(pool.listAllVolumes().isEmpty());

        var eth1 = conn.lookupInterfaceByName("eth1");
        assertEquals("aa:bb:cc:dd:ee:ff", eth1.mac());
        assertTrue(eth1.isActive());

        assertEquals(List.of("computer", "scsi_host1", "scsi_host2", "scsi_host11"),
                conn.listAllNodeDevices().stream().map(d -> d.name()).toList());
        assertEquals("scsi_host1", conn.lookupNodeDeviceByName("scsi_host11").parent());
    }
}
