package io.jvirt.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jvirt.ErrorCode;
import io.jvirt.VirtException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShapesAndProfilesTest {
    private static final long GIB = 1L << 30;

    @Test
    void aShapeLineHasCountVcpusMemoryDiskBandwidth() {
        assertEquals(new VmShape(16, 2, 4 * GIB, 20 * GIB, 1_000_000_000L), VmShape.parse("  16 2\t4G 20G 1G "));
        assertEquals(new VmShape(3, 1, 0, 0, 0), VmShape.parse("3 1"));
        assertEquals(new VmShape(3, 1, 0, 10 * GIB, 0), VmShape.parse("3 1 - 10G"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0 1 1G | invalid argument: VM count must be at least 1, got 0",
        "-5 1 | invalid argument: VM count must be at least 1, got -5",
        "5 0 | invalid argument: vCPUs per VM must be at least 1, got 0",
        "five 1 | invalid argument: count: 'five' is not a whole number",
        "5 | invalid argument: '5' is not a shape: expected 'count vcpus [memory [disk [bandwidth]]]'",
        "1 1 1G 1G 1G 1 | invalid argument: '1 1 1G 1G 1G 1' is not a shape: expected 'count vcpus [memory [disk [bandwidth]]]'",
        "1 1 0 | invalid argument: memory must be more than 0, got '0'",
        "1 1 1G 1Q | invalid argument: disk: '1Q' is not a size: unknown suffix 'Q'"})
    void badLinesSayWhatIsWrong(String line, String message) {
        VirtException e = assertThrows(VirtException.class, () -> VmShape.parse(line));
        assertEquals(ErrorCode.INVALID_ARG, e.code());
        assertEquals(message, e.getMessage());
    }

    @Test
    void negativeSizesAreRefused() {
        VirtException e = assertThrows(VirtException.class, () -> new VmShape(1, 1, -1, 0, 0));
        assertEquals("invalid argument: memory per VM must not be negative, got -1", e.getMessage());
    }

    @Test
    void shippedProfilesByName() {
        assertEquals(HostProfile.HYPERV_2008R2, HostProfile.named("HyperV-2008R2"));
        assertEquals(HostProfile.XEN_4_17, HostProfile.named("xen-4.17"));
        assertEquals(HostProfile.KVM, HostProfile.named("kvm"));
        assertEquals(HostProfile.GENERIC, HostProfile.named("generic"));
        VirtException e = assertThrows(VirtException.class, () -> HostProfile.named("vmware"));
        assertEquals("invalid argument: unknown profile 'vmware' (known: generic, kvm, xen-4.17, hyperv-2008r2)",
                e.getMessage());
    }

    @Test
    void xen417Limits() {
        HostProfile xen = HostProfile.XEN_4_17;
        assertEquals(256, xen.maxLogicalProcessors());
        assertEquals(128, xen.maxVcpusPerVm());
        assertEquals(8L << 40, xen.maxMemoryPerVm());
        assertEquals(12L << 40, xen.maxHostMemory());
        assertEquals(HostProfile.UNLIMITED, xen.maxRunningVcpus());
    }

    @Test
    void hyperV2008R2Limits() {
        HostProfile h = HostProfile.HYPERV_2008R2;
        assertEquals(64, h.maxLogicalProcessors());
        assertEquals(8, h.maxVcpusPerLogicalProcessor());
        assertEquals(8, h.vcpusPerLogicalProcessor());
        assertEquals(384, h.maxRunningVcpus());
        assertEquals(384, h.maxRunningVms());
        assertEquals(4, h.maxVcpusPerVm());
        assertEquals(64 * GIB, h.maxMemoryPerVm());
        assertEquals(1L << 40, h.maxHostMemory());
    }

    @Test
    void everyNumberIsOverridable() {
        HostProfile p = HostProfile.HYPERV_2008R2.withName("lab").withVcpusPerLogicalProcessor(2)
                .withOverheadBytes(64L << 20).withReserveBytes(GIB).withNicBitsPerSecond(10_000_000_000L)
                .withVmsPerNic(4).withMaxLogicalProcessors(320).withMaxVcpusPerLogicalProcessor(12)
                .withMaxRunningVcpus(2048).withMaxRunningVms(1024).withMaxVcpusPerVm(64)
                .withMaxMemoryPerVm(GIB << 10).withMaxHostMemory(4L << 40);
        assertEquals(new HostProfile("lab", 2, 64L << 20, GIB, 10_000_000_000L, 4, 320, 12, 2048, 1024, 64,
                GIB << 10, 4L << 40), p);
    }

    @Test
    void zeroRulesAndLimitsAreRefused() {
        assertEquals("invalid argument: vCPUs per logical processor must be at least 1, got 0",
                assertThrows(VirtException.class, () -> HostProfile.KVM.withVcpusPerLogicalProcessor(0)).getMessage());
        assertEquals("invalid argument: host reserve must be at least 1, got 0",
                assertThrows(VirtException.class, () -> HostProfile.KVM.withReserveBytes(0)).getMessage());
        assertThrows(VirtException.class, () -> HostProfile.KVM.withOverheadBytes(-1));
        assertThrows(VirtException.class, () -> HostProfile.KVM.withVmsPerNic(0));
        assertThrows(VirtException.class, () -> HostProfile.KVM.withMaxRunningVcpus(0));
    }
}
