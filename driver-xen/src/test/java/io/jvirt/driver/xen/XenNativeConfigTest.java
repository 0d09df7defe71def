package io.jvirt.driver.xen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.Connection;
import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.Virt;
import io.jvirt.VirtException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** virConnectDomainXMLFromNative/ToNative with "xen-xl" through the public API. */
@Timeout(60)
class XenNativeConfigTest {
    private static final String PV = """
            name = "pv-guest"
            uuid = "c7a5fdb2-cdaf-9455-926a-d65c16db1809"
            maxmem = 1024
            memory = 512
            vcpus = 2
            kernel = "/boot/vmlinuz"
            ramdisk = "/boot/initrd.img"
            cmdline = "root=/dev/xvda1 console=hvc0"
            on_poweroff = "destroy"
            on_reboot = "restart"
            on_crash = "preserve"
            vif = [ "mac=00:16:3e:00:00:01,bridge=xenbr0,script=vif-bridge" ]
            disk = [ "format=raw,vdev=xvda,access=rw,target=/var/lib/xen/pv.img" ]
            """;
    private static final String PVH = """
            name = "pvh-guest"
            uuid = "8b3d2c1e-0c5a-4d6b-9a7e-2f1c3b4d5e6f"
            type = "pvh"
            memory = 256
            vcpus = 1
            kernel = "/boot/vmlinuz"
            cmdline = "console=hvc0"
            disk = [ "format=qcow2,vdev=xvda,access=rw,target=/var/lib/xen/pvh.qcow2" ]
            """;
    private static final String HVM = """
            name = "hvm-guest"
            uuid = "3f1e2d4c-5b6a-4789-8a9b-0c1d2e3f4a5b"
            builder = "hvm"
            memory = 2048
            maxmem = 2048
            vcpus = 2
            maxvcpus = 4
            acpi = 1
            apic = 1
            pae = 1
            viridian = 1
            boot = "dc"
            vnc = 1
            vnclisten = "127.0.0.1"
            serial = "pty"
            vif = [ "mac=00:16:3e:00:00:02,bridge=xenbr0,script=vif-bridge,model=e1000" ]
            disk = [ "format=raw,vdev=hda,access=rw,backendtype=phy,target=/dev/vg/hvm", \
            "format=raw,vdev=hdc,access=ro,devtype=cdrom,target=/srv/install.iso" ]
            """;

    @TempDir
    Path dir;
    Connection conn;

    @BeforeEach
    void open() {
        conn = Virt.open("xen:///embed?root=" + dir);
    }

    @AfterEach
    void close() {
        conn.close();
    }

    /** cfg → XML → cfg → XML: the second XML is the first, so nothing was lost on the way. */
    private String roundTrip(String cfg) {
        String xml = conn.domainXmlFromNative("xen-xl", cfg);
        String back = conn.domainXmlToNative("xen-xl", xml);
        assertEquals(xml, conn.domainXmlFromNative("xen-xl", back), "cfg written back:\n" + back);
        return xml;
    }

    @Test
    void paravirtualGuestsRoundTrip() {
        String xml = roundTrip(PV);
        assertContains(xml, "<domain type='xen'>", "<name>pv-guest</name>",
                "<type arch='x86_64' machine='xenpv'>linux</type>", "<kernel>/boot/vmlinuz</kernel>",
                "<cmdline>root=/dev/xvda1 console=hvc0</cmdline>", "<memory unit='KiB'>1048576</memory>",
                "<currentMemory unit='KiB'>524288</currentMemory>", "<vcpu placement='static'>2</vcpu>",
                "<on_crash>preserve</on_crash>", "<source file='/var/lib/xen/pv.img'/>",
                "<target dev='xvda' bus='xen'/>", "<mac address='00:16:3e:00:00:01'/>",
                "<source bridge='xenbr0'/>");
        String cfg = conn.domainXmlToNative("xen-xl", xml);
        assertContains(cfg, "name = \"pv-guest\"\n", "maxmem = 1024\n", "memory = 512\n", "vcpus = 2\n",
                "kernel = \"/boot/vmlinuz\"\n", "on_crash = \"preserve\"\n",
                "disk = [ \"format=raw,vdev=xvda,access=rw,backendtype=qdisk,target=/var/lib/xen/pv.img\" ]\n");
    }

    @Test
    void pvhGuestsRoundTrip() {
        String xml = roundTrip(PVH);
        assertContains(xml, "<type arch='x86_64' machine='xenpvh'>xenpvh</type>",
                "<driver name='qemu' type='qcow2'/>");
        assertContains(conn.domainXmlToNative("xen-xl", xml), "type = \"pvh\"\n");
    }

    @Test
    void hvmGuestsRoundTrip() {
        String xml = roundTrip(HVM);
        assertContains(xml, "<type arch='x86_64' machine='xenfv'>hvm</type>",
                "<loader type='rom'>/usr/lib/xen/boot/hvmloader</loader>", "<boot dev='cdrom'/>",
                "<boot dev='hd'/>", "<vcpu placement='static' current='2'>4</vcpu>", "<viridian/>",
                "<graphics type='vnc'", "<disk type='block' device='disk'>", "<disk type='file' device='cdrom'>",
                "<target dev='hda' bus='ide'/>", "<model type='e1000'/>", "<serial type='pty'>");
        String cfg = conn.domainXmlToNative("xen-xl", xml);
        assertContains(cfg, "builder = \"hvm\"\n", "maxvcpus = 4\n", "vcpus = 2\n", "boot = \"dc\"\n",
                "viridian = 1\n", "vnc = 1\n", "serial = \"pty\"\n");
    }

    @Test
    void unknownFormatsAreInvalidArguments() {
        VirtException e = assertError(ErrorCode.INVALID_ARG, () -> conn.domainXmlFromNative("xen-foo", PV));
        assertEquals(ErrorDomain.LIBXL, e.domain());
        assertTrue(e.getMessage().contains("unsupported config type xen-foo"), e.getMessage());
        String xml = conn.domainXmlFromNative("xen-xl", PV);
        e = assertError(ErrorCode.INVALID_ARG, () -> conn.domainXmlToNative("native", xml));
        assertTrue(e.getMessage().contains("unsupported config type native"), e.getMessage());
        assertError(ErrorCode.OPERATION_UNSUPPORTED, () -> conn.domainXmlFromNative("xen-sxpr", "(domain)"));
        assertError(ErrorCode.NO_SUPPORT, () -> conn.domainXmlFromNative("xen-xm", PV));
        assertError(ErrorCode.INVALID_ARG, () -> conn.domainXmlFromNative(null, PV));
        assertError(ErrorCode.INVALID_ARG, () -> conn.domainXmlFromNative("xen-xl", null));
    }

    @Test
    void badConfigsAreRefusedAsLibvirtDoes() {
        VirtException e = assertError(ErrorCode.CONF_SYNTAX,
                () -> conn.domainXmlFromNative("xen-xl", "name = \"x\"\nmemory 512\n"));
        assertEquals(ErrorDomain.CONF, e.domain());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertError(ErrorCode.CONF_SYNTAX, () -> conn.domainXmlFromNative("xen-xl", "disk = [ 'a'\n"));
        // Well-formed but unusable: libvirt's xenConfigGet* helpers say INTERNAL_ERROR.
        e = assertError(ErrorCode.INTERNAL_ERROR, () -> conn.domainXmlFromNative("xen-xl", "memory = 512\n"));
        assertTrue(e.getMessage().contains("config value name was missing"), e.getMessage());
        assertError(ErrorCode.INTERNAL_ERROR,
                () -> conn.domainXmlFromNative("xen-xl", "name = \"x\"\nmemory = \"lots\"\n"));
        assertError(ErrorCode.CONFIG_UNSUPPORTED,
                () -> conn.domainXmlFromNative("xen-xl", "name = \"x\"\non_crash = \"explode\"\n"));
    }

    @Test
    void badXmlIsAnXmlErrorWhateverTheFormat() {
        // libvirt parses the XML before it looks at the format.
        assertError(ErrorCode.XML_ERROR, () -> conn.domainXmlToNative("xen-xl", "<domain type='xen'>"));
        assertError(ErrorCode.XML_ERROR, () -> conn.domainXmlToNative("no-such-format", "<domain"));
    }

    @Test
    void onlyXenGuestsConvert() {
        String xml = conn.domainXmlFromNative("xen-xl", HVM);
        VirtException e = assertError(ErrorCode.INVALID_ARG,
                () -> conn.domainXmlToNative("xen-xl", xml.replace("<domain type='xen'>", "<domain type='kvm'>")));
        assertTrue(e.getMessage().contains("could not find capabilities for ostype=hvm arch=x86_64 domaintype=kvm"),
                e.getMessage());
        assertError(ErrorCode.INVALID_ARG,
                () -> conn.domainXmlToNative("xen-xl", xml.replace("arch='x86_64'", "arch='aarch64'")));
    }

    @Test
    void whatPartOneCannotDoIsNoSupport() {
        assertError(ErrorCode.NO_SUPPORT, () -> conn.listAllDomains());
        assertError(ErrorCode.NO_SUPPORT, () -> conn.defineDomain(conn.domainXmlFromNative("xen-xl", PV)));
        assertError(ErrorCode.NO_SUPPORT, () -> conn.listAllNetworks());
    }

    /**
     * As libvirt: a missing entry point is reported in the domain of its API file, not in
     * VIR_FROM_LIBXL; libxl's own refusals (the URI, the formats) keep VIR_FROM_LIBXL.
     */
    @Test
    void whatPartOneLacksIsReportedInTheDomainOfLibvirtsApiFile() {
        assertEquals(ErrorDomain.DOMAIN, assertError(ErrorCode.NO_SUPPORT, () -> conn.listAllDomains()).domain());
        assertEquals(ErrorDomain.DOMAIN, assertError(ErrorCode.NO_SUPPORT, () -> conn.nodeInfo()).domain());
        assertEquals(ErrorDomain.NETWORK, assertError(ErrorCode.NO_SUPPORT, () -> conn.listAllNetworks()).domain());
        assertEquals(ErrorDomain.STORAGE,
                assertError(ErrorCode.NO_SUPPORT, () -> conn.listAllStoragePools()).domain());
        assertEquals(ErrorDomain.LIBXL,
                assertError(ErrorCode.NO_SUPPORT, () -> conn.domainXmlFromNative("xen-xm", PV)).domain());
    }

    @Test
    void theUriIsCheckedBeforeAnythingIsCreated() {
        assertError(ErrorCode.INVALID_ARG, () -> Virt.open("xen:///embed"));
        assertError(ErrorCode.INVALID_ARG, () -> Virt.open("xen:///embed?root=relative/dir"));
        assertError(ErrorCode.INVALID_ARG, () -> Virt.open("xen:///embed?root=/" + "d".repeat(100)));
        assertError(ErrorCode.NO_SUPPORT, () -> Virt.open("xen:///system"));
        assertError(ErrorCode.INTERNAL_ERROR, () -> Virt.open("xen:///elsewhere"));
    }

    @Test
    void aRootThatIsAFileIsRefusedAndLeftAlone() throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("not-a-dir"), "kept");
        assertError(ErrorCode.OPERATION_FAILED, () -> Virt.open("xen:///embed?root=" + file));
        assertEquals("kept", java.nio.file.Files.readString(file));
    }

    private static VirtException assertError(ErrorCode code, Executable call) {
        VirtException e = assertThrows(VirtException.class, call::execute);
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }

    private static void assertContains(String text, String... parts) {
        for (String p : parts) {
            assertTrue(text.contains(p), "missing " + p + " in:\n" + text);
        }
    }

    @FunctionalInterface
    interface Executable {
        void execute() throws Throwable;
    }
}
