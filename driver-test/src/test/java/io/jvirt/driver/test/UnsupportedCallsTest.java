package io.jvirt.driver.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jvirt.Connection;
import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.Virt;
import io.jvirt.VirtException;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the test driver lacks, as libvirt 9.0's test driver reports what it lacks: NO_SUPPORT
 * naming the API, in the domain of libvirt's API file (VIR_FROM_DOMAIN for
 * virConnectDomainXMLFromNative), not VIR_FROM_TEST.
 */
class UnsupportedCallsTest {
    private Connection conn;

    @BeforeEach
    void open() {
        conn = Virt.open("test:///default?instance=" + UUID.randomUUID());
    }

    @AfterEach
    void close() {
        conn.close();
    }

    @Test
    void nativeConfigConversionIsNoSupportInTheDomainFile() {
        VirtException from = assertThrows(VirtException.class, () -> conn.domainXmlFromNative("xen-xl", "name = 'x'"));
        assertEquals(ErrorCode.NO_SUPPORT, from.code());
        assertEquals(ErrorDomain.DOMAIN, from.domain());
        assertEquals("this function is not supported by the connection driver: virConnectDomainXMLFromNative",
                from.getMessage());

        VirtException to = assertThrows(VirtException.class, () -> conn.domainXmlToNative("xen-xl", Fixtures.DEMO));
        assertEquals(ErrorDomain.DOMAIN, to.domain());
        assertEquals("this function is not supported by the connection driver: virConnectDomainXMLToNative",
                to.getMessage());
    }
}
