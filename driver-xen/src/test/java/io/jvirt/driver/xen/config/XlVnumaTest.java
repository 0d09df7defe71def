package io.jvirt.driver.xen.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.ErrorCode;
import io.jvirt.VirtException;
import org.junit.jupiter.api.Test;

class XlVnumaTest {
    private static final String BASE = "name = \"g\"\nbuilder = \"hvm\"\nmemory = 1024\nvcpus = 4\n";

    private static String xml(String vnuma) {
        return XenXlConverter.toDomainXml(BASE + "vnuma = " + vnuma + "\n");
    }

    @Test
    void vnodesBecomeCellsAndTheirSumTheMemory() {
        String xml = xml("[ [ \"pnode=0\", \"size=512\", \"vcpus=0-1\", \"vdistances=10,20\" ],"
                + " [ \"pnode=1\", \"size=1024\", \"vcpus=2,3\", \"vdistances=20,10\" ] ]");
        assertTrue(xml.contains("<memory unit='KiB'>1572864</memory>"), xml);
        assertTrue(xml.contains("<currentMemory unit='KiB'>1048576</currentMemory>"), xml);
        assertTrue(xml.contains("<cell id='1' cpus='2-3' memory='1048576' unit='KiB'>"), xml);
        assertTrue(xml.contains("<sibling id='0' value='20'/>"), xml);
        String cfg = XenXlConverter.toXl(xml);
        assertTrue(cfg.contains("vnuma = [ [ \"pnode=0\", \"size=512\", \"vcpus=0-1\", \"vdistances=10,20\" ], "
                + "[ \"pnode=1\", \"size=1024\", \"vcpus=2-3\", \"vdistances=20,10\" ] ]\n"), cfg);
    }

    @Test
    void distancesMissingInTheXmlAreMirroredOrDefaulted() {
        String xml = xml("[ [ \"pnode=0\", \"size=256\", \"vcpus=0\" ], [ \"pnode=1\", \"size=256\", \"vcpus=1\" ],"
                + " [ \"pnode=2\", \"size=256\", \"vcpus=2\" ] ]");
        xml = xml.replace("<cell id='0' cpus='0' memory='262144' unit='KiB'/>",
                "<cell id='0' cpus='0' memory='262144' unit='KiB'><distances><sibling id='2' value='33'/>"
                        + "</distances></cell>");
        String cfg = XenXlConverter.toXl(xml);
        assertTrue(cfg.contains("\"vdistances=10,20,33\" ], [ \"pnode=1\", \"size=256\", \"vcpus=1\", "
                + "\"vdistances=20,10,20\" ], [ \"pnode=2\", \"size=256\", \"vcpus=2\", \"vdistances=33,20,10\" ]"), cfg);
    }

    @Test
    void badVnodesAreRefusedWithLibvirtsCodes() {
        assertCode(ErrorCode.CONF_SYNTAX, "[ [ \"pnode=0\", \"size=512\" ] ]", "Incomplete vnuma configuration");
        assertCode(ErrorCode.CONF_SYNTAX, "[ [ \"pnode=0\", \"size=512\", \"vcpus=0\", \"color=red\" ] ]",
                "Invalid vnuma configuration for vnode 0");
        assertCode(ErrorCode.CONFIG_UNSUPPORTED, "[ [ \"pnode=3\", \"size=512\", \"vcpus=0\" ] ]", "invalid pnode");
        assertCode(ErrorCode.CONFIG_UNSUPPORTED, "[ [ \"pnode=0\", \"size=512\", \"vcpus=0\", \"vdistances=10,20\" ] ]",
                "doesn't fit the number of specified vnodes 1");
        assertCode(ErrorCode.CONFIG_UNSUPPORTED, "[ [ \"pnode=0\", \"size=512\", \"vcpus=0-7\" ] ]",
                "8 vcpus, which is greater than 4 maxvcpus");
        assertCode(ErrorCode.INTERNAL_ERROR, "[ [ \"pnode\" ] ]", "invalid format");
        assertCode(ErrorCode.INTERNAL_ERROR, "[ ]", "empty");
        assertCode(ErrorCode.INVALID_ARG, "[ [ \"pnode=0\", \"size=512\", \"vcpus=2-1\" ] ]", "Failed to parse bitmap");
    }

    @Test
    void badCellsInTheXmlAreXmlErrors() {
        String xml = xml("[ [ \"pnode=0\", \"size=256\", \"vcpus=0\" ], [ \"pnode=1\", \"size=256\", \"vcpus=1\" ] ]");
        String farSibling = xml.replace("<cell id='0' cpus='0' memory='262144' unit='KiB'/>",
                "<cell id='0' cpus='0' memory='262144' unit='KiB'><distances><sibling id='5' value='20'/>"
                        + "</distances></cell>");
        assertEquals(ErrorCode.XML_ERROR, assertThrows(VirtException.class, () -> XenXlConverter.toXl(farSibling)).code());
        String remoteTen = farSibling.replace("id='5' value='20'", "id='1' value='10'");
        assertEquals(ErrorCode.XML_ERROR, assertThrows(VirtException.class, () -> XenXlConverter.toXl(remoteTen)).code());
        String tooFar = farSibling.replace("id='5' value='20'", "id='1' value='256'");
        assertEquals(ErrorCode.CONFIG_UNSUPPORTED, assertThrows(VirtException.class, () -> XenXlConverter.toXl(tooFar)).code());
        String twice = xml.replace("<cell id='1'", "<cell id='0'");
        assertEquals(ErrorCode.XML_ERROR, assertThrows(VirtException.class, () -> XenXlConverter.toXl(twice)).code());
    }

    private static void assertCode(ErrorCode code, String vnuma, String message) {
        VirtException e = assertThrows(VirtException.class, () -> xml(vnuma));
        assertEquals(code, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
