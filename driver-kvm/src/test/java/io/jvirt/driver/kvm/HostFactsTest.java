package io.jvirt.driver.kvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.ConnectUri;
import io.jvirt.NodeInfo;
import io.jvirt.xml.CapabilitiesDef;
import io.jvirt.xml.LibvirtXml;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HostFactsTest {
    private static List<String> cpuinfo(int sockets, int cores, int threads) {
        List<String> lines = new ArrayList<>();
        int n = 0;
        for (int s = 0; s < sockets; s++) {
            for (int c = 0; c < cores * threads; c++) {
                lines.add("processor\t: " + n++);
                lines.add("model name\t: Test CPU");
                lines.add("cpu MHz\t\t: 2596.094");
                lines.add("physical id\t: " + s);
                lines.add("siblings\t: " + cores * threads);
                lines.add("cpu cores\t: " + cores);
                lines.add("");
            }
        }
        return lines;
    }

    @Test
    void nodeInfoFromProcFiles() {
        List<String> meminfo = List.of("MemTotal:       24684084 kB", "MemFree:        23639016 kB");
        assertEquals(new NodeInfo("x86_64", 24684084, 2, 2596, 1, 1, 2, 1),
                HostFacts.nodeInfo(cpuinfo(1, 2, 1), meminfo, "amd64"));
        assertEquals(new NodeInfo("x86_64", 24684084, 16, 2596, 1, 2, 4, 2),
                HostFacts.nodeInfo(cpuinfo(2, 4, 2), meminfo, "amd64"));
    }

    @Test
    void nodeInfoWithoutTopologyLinesCountsProcessors() {
        List<String> lines = List.of("processor : 0", "", "processor : 1", "", "processor : 2");
        NodeInfo n = HostFacts.nodeInfo(lines, List.of(), "amd64");
        assertEquals(3, n.cpus());
        assertEquals(3, n.sockets() * n.cores() * n.threads());
    }

    @Test
    void capabilitiesXmlParsesAndNamesMachinesAndDomainTypes() {
        QemuCapabilities caps = new QemuCapabilities(Path.of("/usr/bin/qemu-system-x86_64"), "7.2.0", "",
                List.of(new QemuCapabilities.Machine("pc-i440fx-7.2", "pc", true, 255, false),
                        new QemuCapabilities.Machine("none", null, false, 1, false)),
                List.of("qemu64"), Set.of("tcg"), false, true);
        String xml = HostFacts.capabilitiesXml(caps);
        CapabilitiesDef def = LibvirtXml.parseCapabilities(xml);
        assertEquals(1, def.getGuests().size());
        assertTrue(xml.contains("<machine canonical='pc-i440fx-7.2' maxCpus='255'>pc</machine>"), xml);
        assertTrue(xml.contains("<domain type='qemu'/>"), xml);
        assertFalse(xml.contains("<domain type='kvm'/>"), xml);
        assertFalse(xml.contains(">none<"), xml);
    }

    @Test
    void theDriverTakesQemuUrisOnly() {
        QemuDriver driver = new QemuDriver();
        assertTrue(driver.accepts(ConnectUri.parse("qemu:///embed?root=/tmp/x")));
        assertTrue(driver.accepts(ConnectUri.parse("qemu:///system")));
        assertFalse(driver.accepts(ConnectUri.parse("test:///default")));
        assertFalse(driver.accepts(ConnectUri.parse("qemu+ssh://host/system")));
    }
}
