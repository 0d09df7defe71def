package io.jvirt.driver.xen.config;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jvirt.VirtException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;

/**
 * Any text through the xl.cfg parser and the mapping to domain XML, and any XML that comes out
 * back to xl.cfg: each step succeeds or throws a VirtException, never anything else.
 */
class XlConfigFuzzTest {
    static final AtomicLong INPUTS = new AtomicLong();

    @FuzzTest(maxExecutions = 20_000)
    // libFuzzer dictionary syntax: entries are written between quotes, so quote, backslash and
    // newline are given as \\xNN escapes.
    @DictionaryEntries({"name", "uuid", "memory", "maxmem", "vcpus", "maxvcpus", "builder", "type",
        "hvm", "pvh", "kernel", "cmdline", "extra", "root", "disk", "vif", "vfb", "pci", "usbdev",
        "usbctrl", "serial", "vnuma", "cpuid", "host,", "pnode=", "size=", "vcpus=", "vdistances=",
        "format=", "vdev=", "access=", "target=", "devtype=cdrom", "backendtype=", "mac=", "bridge=",
        "rbd:", "=", "+=", "[", "]", ",", ";", "\\x22", "'", "\\x5cx", "#", "\\x0a", "0x"})
    void anyTextIsParsedOrRefusedCleanly(byte[] input) {
        INPUTS.incrementAndGet();
        String text = new String(input, StandardCharsets.UTF_8);
        String xml;
        try {
            xml = XenXlConverter.toDomainXml(text);
        } catch (VirtException refused) {
            return;
        }
        try {
            assertNotNull(XenXlConverter.toXl(xml));
        } catch (VirtException refused) {
            // some parsed configs can't be written back (as in libvirt); refused cleanly is fine
        }
    }

    @AfterAll
    static void report() {
        System.out.println("XlConfigFuzzTest: " + INPUTS.get() + " inputs");
    }
}
