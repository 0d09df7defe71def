package io.jvirt.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jvirt.ErrorCode;
import io.jvirt.VirtException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pool XML through libvirt's parser rules: type, name, then what the type needs (virsh 9.0's messages). */
class StoragePoolDefaultsTest {
    private static String pool(String type, String inside) {
        return "<pool" + (type == null ? "" : " type='" + type + "'") + "><name>p</name>" + inside + "</pool>";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "|<target><path>/p</path></target>|Missing required attribute 'type' in element 'pool'",
            "bogus|<target><path>/p</path></target>|Invalid value for attribute 'type' in element 'pool': 'bogus'.",
            "dir||missing storage pool target path",
            "mpath||missing storage pool target path",
            "fs|<target><path>/p</path></target>|missing storage pool source device name",
            "disk||missing storage pool source device name",
            "netfs|<target><path>/p</path></target>|missing storage pool source host name",
            "netfs|<source><host name='h'/></source><target><path>/p</path></target>|missing storage pool source path",
            "rbd||missing storage pool source host name",
            "iscsi|<target><path>/p</path></target>|missing storage pool source host name"})
    void whatATypeLacksIsAnXmlError(String type, String inside, String message) {
        VirtException e = assertThrows(VirtException.class,
                () -> StoragePoolDefaults.parse(pool(type, inside == null ? "" : inside)));
        assertEquals(ErrorCode.XML_ERROR, e.code());
        assertEquals("XML error: " + message, e.getMessage());
    }

    @Test
    void theTypeIsCheckedBeforeTheName() {
        VirtException e = assertThrows(VirtException.class, () -> StoragePoolDefaults.parse("<pool type='x'/>"));
        assertEquals("XML error: Invalid value for attribute 'type' in element 'pool': 'x'.", e.getMessage());
    }

    @Test
    void logicalAndZfsPoolsTakeTheirTargetFromTheSourceName() {
        StoragePoolDef lvm = StoragePoolDefaults.parse(pool("logical", "<target><path>/ignored</path></target>"));
        assertEquals("p", lvm.getSource().getName(), "the source name defaults to the pool's");
        assertEquals("/dev/p", lvm.getTarget().getPath());
        StoragePoolDef zfs = StoragePoolDefaults.parse(pool("zfs", "<source><name>tank</name></source>"));
        assertEquals("/dev/zvol/tank", zfs.getTarget().getPath());
    }

    @Test
    void networkPoolsNeedNoTarget() {
        StoragePoolDef rbd = StoragePoolDefaults.parse(pool("rbd", "<source><host name='mon'/></source>"));
        assertEquals("p", rbd.getSource().getName());
        assertEquals(null, rbd.getTarget());
    }
}
