package io.jvirt.driver.test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.Connection;
import io.jvirt.Domain;
import io.jvirt.DomainCoreDumpFlag;
import io.jvirt.DomainModification;
import io.jvirt.DomainShutdownFlag;
import io.jvirt.DomainStartFlag;
import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.ListDomainsFlag;
import io.jvirt.Virt;
import io.jvirt.VirtException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test driver's rules and wording as observed from libvirt 9.0 (libvirt.md §3.6, §5.1). */
class LibvirtSemanticsTest {
    static final String DEMO = Fixtures.DEMO;

    private Connection conn;

    @BeforeEach
    void open() {
        conn = Virt.open("test:///default?instance=" + UUID.randomUUID());
    }

    @AfterEach
    void close() {
        conn.close();
    }

    private static VirtException fails(ErrorCode code, String message, Runnable call) {
        VirtException e = assertThrows(VirtException.class, call::run);
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(message, e.getMessage());
        return e;
    }

    @Test
    void defineStartSuspendResumeShutdownDestroyUndefine() {
        Domain demo = conn.defineDomain(DEMO);
        assertEquals("shut off (unknown)", demo.state().toString());
        demo.start();
        assertEquals("running (booted)", demo.state().toString());
        assertEquals(2, demo.id(), "ids continue after the default domain's 1");
        demo.suspend();
        assertEquals("paused (user)", demo.state().toString());
        demo.resume();
        assertEquals("running (unpaused)", demo.state().toString());
        demo.shutdown();
        assertEquals("shut off (shutdown)", demo.state().toString());
        fails(ErrorCode.OPERATION_INVALID, "Requested operation is not valid: domain is not running", demo::destroy);
        demo.undefine();
        fails(ErrorCode.NO_DOMAIN, "Domain not found", () -> conn.lookupDomainByName("demo"));
        fails(ErrorCode.NO_DOMAIN, "Domain not found: no domain with matching uuid "
                + "'11111111-2222-3333-4444-555555555555' (demo)", demo::resume);
    }

    @Test
    void wrongStatesAndUnsupportedFlags() {
        Domain demo = conn.defineDomain(DEMO);
        demo.start();
        demo.reboot();
        assertEquals("running (booted)", demo.state().toString());
        demo.destroy();
        assertEquals("shut off (destroyed)", demo.state().toString());
        fails(ErrorCode.INVALID_ARG, "unsupported flags (0x1) in function testDomainCreateWithFlags",
                () -> demo.start(DomainStartFlag.PAUSED));
        fails(ErrorCode.INVALID_ARG, "unsupported flags (0x1) in function testDomainCreateXML",
                () -> conn.createDomain(DEMO, DomainStartFlag.PAUSED));
        demo.start();
        fails(ErrorCode.INTERNAL_ERROR, "internal error: Domain 'demo' is already running", demo::start);
        fails(ErrorCode.INVALID_ARG, "unsupported flags (0x1) in function testDomainShutdownFlags",
                () -> demo.shutdown(DomainShutdownFlag.ACPI_POWER_BTN));
        demo.suspend();
        fails(ErrorCode.INTERNAL_ERROR, "internal error: domain 'demo' not running", demo::suspend);
        demo.resume();
        fails(ErrorCode.INTERNAL_ERROR, "internal error: domain 'demo' not paused", demo::resume);
    }

    @Test
    void transientDomainsVanishWhenStopped() {
        Domain demo = conn.createDomain(DEMO);
        assertFalse(demo.isPersistent());
        assertEquals("running (booted)", demo.state().toString());
        demo.destroy();
        fails(ErrorCode.NO_DOMAIN, "Domain not found", () -> conn.lookupDomainByName("demo"));

        Domain d2 = conn.defineDomain(DEMO);
        d2.start();
        d2.undefine();
        assertEquals(1, conn.listAllDomains(ListDomainsFlag.TRANSIENT).size());
        assertEquals("demo", conn.listAllDomains(ListDomainsFlag.TRANSIENT).get(0).name());
        d2.destroy();
        assertEquals(1, conn.listAllDomains().size());
    }

    @Test
    void parserErrorsAndDuplicates() {
        fails(ErrorCode.XML_ERROR, "XML error: Memory size must be specified via <memory> or in the <numa> configuration",
                () -> conn.defineDomain("<domain type='test'><name>x</name><os><type>hvm</type></os></domain>"));
        fails(ErrorCode.OPERATION_FAILED,
                "operation failed: domain 'test' already exists with uuid 6695eb01-f6a4-8304-79aa-97f2502e193f",
                () -> conn.defineDomain("<domain type='test'><name>test</name><memory>1024</memory>"
                        + "<os><type>hvm</type></os></domain>"));
        assertEquals(1, conn.listAllDomains().size(), "nothing was defined");
    }

    @Test
    void saveRestoreAndManagedSave(@TempDir Path dir) throws Exception {
        Domain test = conn.lookupDomainByName("test");
        test.setMemory(1048576);
        test.setVcpus(1);
        assertEquals(2, test.vcpus(DomainModification.MAXIMUM, DomainModification.CONFIG));
        assertEquals(2, test.vcpus(DomainModification.CONFIG));
        assertEquals(1, test.vcpus(DomainModification.LIVE));
        Path file = dir.resolve("test.save");
        test.save(file);
        assertTrue(Files.size(file) > 15);
        assertEquals("shut off (saved)", test.state().toString());
        conn.restoreDomain(file);
        assertEquals("running (restored)", test.state().toString());
        assertEquals(1048576, test.info().memory(), "the live definition was saved");
        test.managedSave();
        assertTrue(test.hasManagedSaveImage());
        assertEquals(1, conn.listAllDomains(ListDomainsFlag.MANAGEDSAVE).size());
        fails(ErrorCode.OPERATION_INVALID,
                "Requested operation is not valid: Refusing to undefine while domain managed save image exists",
                test::undefine);
        test.start();
        assertEquals("running (booted)", test.state().toString());
        assertFalse(test.hasManagedSaveImage());
    }

    @Test
    void coreDumpWritesTheMagicAndCrashStopsTheDomain(@TempDir Path dir) throws Exception {
        Domain test = conn.lookupDomainByName("test");
        Path file = dir.resolve("test.core");
        test.coreDump(file);
        assertArrayEquals("TestGuestMagic\0".getBytes(StandardCharsets.US_ASCII), Files.readAllBytes(file));
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(file));
        assertEquals("running (unknown)", test.state().toString(), "a dump leaves it running");
        fails(ErrorCode.INVALID_ARG, "Flags 'VIR_DUMP_CRASH' and 'VIR_DUMP_LIVE' are mutually exclusive",
                () -> test.coreDump(file, DomainCoreDumpFlag.CRASH, DomainCoreDumpFlag.LIVE));
        fails(ErrorCode.INVALID_ARG, "unsupported flags (0x10) in function testDomainCoreDumpWithFormat", () -> test.coreDump(file, DomainCoreDumpFlag.MEMORY_ONLY));
        fails(ErrorCode.SYSTEM_ERROR, "domain 'test' coredump: failed to open /nonexistent/x: No such file or directory",
                () -> test.coreDump(Path.of("/nonexistent/x")));
        test.coreDump(file, DomainCoreDumpFlag.CRASH);
        assertEquals("shut off (crashed)", test.state().toString());
        fails(ErrorCode.OPERATION_INVALID, "Requested operation is not valid: domain is not running",
                () -> test.coreDump(file));
    }

    @Test
    void memoryAndVcpuLimits() {
        Domain test = conn.lookupDomainByName("test");
        fails(ErrorCode.INVALID_ARG, "invalid argument: requested cpu amount exceeds maximum (4 > 2)",
                () -> test.setVcpus(4, DomainModification.LIVE));
        fails(ErrorCode.INVALID_ARG, "invalid argument: cannot set memory higher than max memory",
                () -> test.setMemory(99999999999L));
        fails(ErrorCode.OPERATION_INVALID,
                "Requested operation is not valid: cannot resize the maximum memory on an active domain",
                () -> test.setMaxMemory(100));
        test.destroy();
        test.setMaxMemory(100);
        assertEquals(100, test.info().maxMemory());
        assertEquals(100, test.info().memory());
        fails(ErrorCode.OPERATION_INVALID, "Requested operation is not valid: domain is not running", test::reset);
    }

    /**
     * What libvirt's test driver lacks is NO_SUPPORT in the domain of libvirt's API file
     * (VIR_FROM_DOMAIN for virConnectDomainXMLFromNative), not in VIR_FROM_TEST.
     */
    @Test
    void nativeConfigConversionIsNoSupportInTheDomainOfTheApiFile() {
        VirtException from = fails(ErrorCode.NO_SUPPORT,
                "this function is not supported by the connection driver: virConnectDomainXMLFromNative",
                () -> conn.domainXmlFromNative("xen-xl", "name = 'x'"));
        assertEquals(ErrorDomain.DOMAIN, from.domain());
        VirtException to = fails(ErrorCode.NO_SUPPORT,
                "this function is not supported by the connection driver: virConnectDomainXMLToNative",
                () -> conn.domainXmlToNative("xen-xl", DEMO));
        assertEquals(ErrorDomain.DOMAIN, to.domain());
    }
}
