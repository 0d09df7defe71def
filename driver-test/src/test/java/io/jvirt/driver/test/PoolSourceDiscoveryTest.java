package io.jvirt.driver.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.Connection;
import io.jvirt.ErrorCode;
import io.jvirt.Virt;
import io.jvirt.VirtException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Pool source discovery as libvirt 9.0's test driver answers virConnectFindStoragePoolSources. */
class PoolSourceDiscoveryTest {
    private static VirtException fails(Connection c, String type, String spec) {
        return assertThrows(VirtException.class, () -> c.findStoragePoolSources(type, spec));
    }

    @Test
    void logicalAndNetfsSourcesOthersRefused() {
        try (Connection c = Virt.open("test:///default?instance=" + UUID.randomUUID())) {
            assertTrue(c.findStoragePoolSources("logical", null).contains("<name>testvg2</name>"));
            assertEquals("<sources>\n  <source>\n    <host name='nas'/>\n    <dir path='/testshare'/>\n"
                    + "    <format type='nfs'/>\n  </source>\n</sources>\n",
                    c.findStoragePoolSources("netfs", "<source><host name='nas' port='2049'/></source>"));
            assertEquals("invalid argument: hostname must be specified for netfs sources",
                    fails(c, "netfs", null).getMessage());
            assertEquals(ErrorCode.INTERNAL_ERROR, fails(c, "dir", null).code(), "libvirt's quirk for type 0");
            VirtException fs = fails(c, "fs", null);
            assertEquals(ErrorCode.NO_SUPPORT, fs.code());
            assertEquals("this function is not supported by the connection driver: "
                    + "pool type 'fs' does not support source discovery", fs.getMessage());
            assertEquals(ErrorCode.XML_ERROR, fails(c, "netfs", "<source>").code());
        }
    }

    @Test
    void readOnlyConnectionsMayNotProbe() {
        try (Connection c = Virt.openReadOnly("test:///default?instance=" + UUID.randomUUID())) {
            VirtException e = fails(c, "logical", null);
            assertEquals(ErrorCode.OPERATION_DENIED, e.code());
            assertEquals("operation forbidden: read only access prevents virConnectFindStoragePoolSources",
                    e.getMessage());
        }
    }
}
