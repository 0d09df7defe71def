package io.jvirt.driver.kvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * What the QEMU driver lacks is NO_SUPPORT naming libvirt's API, in the domain of libvirt's API
 * file (VIR_FROM_DOMAIN, VIR_FROM_INTERFACE, ...), as libvirt reports a missing entry point;
 * VIR_FROM_QEMU is for what the driver itself refuses.
 */
class QemuUnsupportedCallsIT extends EmbeddedQemuTest {
    private static VirtException noSupport(String api, Executable call) {
        VirtException e = assertThrows(VirtException.class, call);
        assertEquals(ErrorCode.NO_SUPPORT, e.code(), e.getMessage());
        assertEquals("this function is not supported by the connection driver: " + api, e.getMessage());
        return e;
    }

    @Test
    void aMissingHypervisorCallIsInTheDomainDomain() {
        assertEquals(ErrorDomain.DOMAIN,
                noSupport("virConnectDomainXMLFromNative", () -> conn.domainXmlFromNative("qemu-argv", "qemu")).domain());
    }

    @Test
    void aMissingTableIsInItsOwnApiFilesDomain() {
        assertEquals(ErrorDomain.INTERFACE,
                noSupport("virConnectListAllInterfaces", () -> conn.listAllInterfaces()).domain());
        assertEquals(ErrorDomain.NODEDEV,
                noSupport("virConnectListAllNodeDevices", () -> conn.listAllNodeDevices()).domain());
    }
}
