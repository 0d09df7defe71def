package io.jvirt.driver.kvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.Domain;
import io.jvirt.DomainInfo;
import io.jvirt.DomainModification;
import io.jvirt.DomainXmlFlag;
import io.jvirt.ErrorCode;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Memory, vCPUs and dominfo against real QEMU under TCG. */
class QemuResourcesIT extends EmbeddedQemuTest {
    private static String xml(String name, String extra) {
        return "<domain type='qemu'><name>" + name + "</name><memory unit='MiB'>128</memory>"
                + "<vcpu>2</vcpu><os><type machine='pc'>hvm</type></os><devices>" + extra
                + "</devices></domain>";
    }

    private static final String BALLOON = "<memballoon model='virtio'/>";

    @Test
    void aGuestDefinedBelowItsMaximumStartsBallooned() {
        Domain d = conn.defineDomain(xml("balloon", BALLOON));
        d.setMemory(65536, DomainModification.CONFIG);
        assertTrue(d.xml().contains("<currentMemory unit='KiB'>65536</currentMemory>"), d.xml());

        d.start();
        DomainInfo info = d.info();
        assertEquals(131072, info.maxMemory());
        assertEquals(65536, info.memory());
        assertEquals(128L << 20, qmp(d, "query-memory-size-summary").path("base-memory").asLong());
        assertTrue(qmp(d, "query-balloon").has("actual"), "the balloon device is there");

        // Live: a new target for the guest's balloon driver; the domain reports what the guest
        // gave (BALLOON_CHANGE), and SeaBIOS gives nothing, as with libvirt.
        d.setMemory(98304);
        assertEquals(65536, d.info().memory());
        assertTrue(d.xml(DomainXmlFlag.INACTIVE).contains(">65536</currentMemory>"), "config untouched");
        d.setMemory(100000, DomainModification.LIVE, DomainModification.CONFIG);
        assertTrue(d.xml(DomainXmlFlag.INACTIVE).contains(">100000</currentMemory>"));
    }

    @Test
    void memoryChangesTheDriverCannotMakeChangeNothing() throws Exception {
        Domain plain = conn.defineDomain(xml("plain", ""));
        refused(ErrorCode.CONFIG_UNSUPPORTED, () -> plain.setMemory(65536, DomainModification.CONFIG));
        String before = Files.readString(root.resolve("etc/qemu/plain.xml"));
        plain.start();
        refused(ErrorCode.OPERATION_INVALID, () -> plain.setMemory(65536)); // no balloon
        refused(ErrorCode.INVALID_ARG, () -> plain.setMemory(262144));      // above the maximum
        refused(ErrorCode.OPERATION_INVALID, () -> plain.setMaxMemory(262144)); // running
        refused(ErrorCode.INVALID_ARG, () -> plain.setMemory(65536, DomainModification.MAXIMUM,
                DomainModification.GUEST));
        assertEquals(before, Files.readString(root.resolve("etc/qemu/plain.xml")));
        assertEquals(131072, plain.info().memory());
    }

    @Test
    void setMaxMemoryResizesTheNextBoot() {
        Domain d = conn.defineDomain(xml("grow", BALLOON));
        d.setMemory(65536, DomainModification.CONFIG);
        d.setMaxMemory(49152);
        assertEquals(49152, d.info().maxMemory());
        assertEquals(49152, d.info().memory(), "currentMemory follows a smaller maximum");
        d.setMaxMemory(196608);
        d.start();
        assertEquals(196608L << 10, qmp(d, "query-memory-size-summary").path("base-memory").asLong());
        assertEquals(49152, d.info().memory());
    }

    @Test
    void vcpusChangeInTheConfigAndStayPutWhileRunning() {
        Domain d = conn.defineDomain(xml("cpus", ""));
        d.setVcpus(1, DomainModification.CONFIG);
        assertTrue(d.xml().contains("current='1'>2</vcpu>"), d.xml());
        assertEquals(1, d.vcpus(DomainModification.CONFIG));
        assertEquals(2, d.vcpus(DomainModification.CONFIG, DomainModification.MAXIMUM));

        d.start();
        assertEquals(1, qmp(d, "query-cpus-fast").size(), "one vCPU online");
        assertEquals(2, qmp(d, "query-hotpluggable-cpus").size(), "room for two");
        assertEquals(1, d.info().vcpus());
        assertEquals(1, d.vcpus());
        assertEquals(2, d.maxVcpus());

        d.setVcpus(1); // the count it has: nothing to do
        refused(ErrorCode.OPERATION_UNSUPPORTED, () -> d.setVcpus(2));
        refused(ErrorCode.INVALID_ARG, () -> d.setVcpus(3));
        refused(ErrorCode.OPERATION_UNSUPPORTED, () -> d.setVcpus(4, DomainModification.LIVE, DomainModification.MAXIMUM));
        refused(ErrorCode.ARGUMENT_UNSUPPORTED, () -> d.setVcpus(1, DomainModification.GUEST));
        refused(ErrorCode.INVALID_ARG, () -> d.setVcpus(0, DomainModification.CONFIG));
        assertEquals(1, d.vcpus(DomainModification.CONFIG), "refused changes leave the config alone");

        d.setVcpus(4, DomainModification.CONFIG, DomainModification.MAXIMUM);
        d.setVcpus(3, DomainModification.CONFIG);
        assertEquals(3, d.vcpus(DomainModification.CONFIG));
        assertEquals(4, d.vcpus(DomainModification.CONFIG, DomainModification.MAXIMUM));
        assertEquals(1, d.vcpus(DomainModification.LIVE), "the running guest is unchanged");
        d.destroy();
        d.start();
        assertEquals(3, qmp(d, "query-cpus-fast").size());
    }

    @Test
    void dominfoCountsTheCpuTimeOfTheQemuProcess() {
        Domain d = conn.defineDomain(xml("busy", ""));
        assertEquals(0, d.info().cpuTimeNs());
        d.start();
        long pid = qemuPid(d);
        assertTrue(d.info().cpuTimeNs() > 0, "QEMU used some CPU to start");
        assertTrue(ProcessHandle.of(pid).isPresent());
        d.destroy();
        assertEquals(0, d.info().cpuTimeNs());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

}
