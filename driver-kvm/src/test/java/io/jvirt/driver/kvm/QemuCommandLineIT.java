package io.jvirt.driver.kvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.driver.kvm.qmp.QmpClient;
import io.jvirt.xml.DomainDef;
import io.jvirt.xml.LibvirtXml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every argv the builder produces must start a real QEMU (paused, no guest kernel) and quit cleanly. */
class QemuCommandLineIT {
    @TempDir
    static Path work;

    static QemuCapabilities caps;

    @BeforeAll
    static void probe() throws Exception {
        caps = QemuProber.probe(InstalledQemu.require(), work);
        Path images = Files.createDirectories(work.resolve("img,dir"));
        run("qemu-img", "create", "-q", "-f", "qcow2", images.resolve("a.qcow2").toString(), "16M");
        run("qemu-img", "create", "-q", "-f", "raw", images.resolve("b.raw").toString(), "8M");
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", cmd));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<domain type='qemu'><name>minimal</name><memory unit='MiB'>64</memory>"
            + "<os><type machine='pc'>hvm</type></os></domain>",
        "<domain type='qemu'><name>full,one</name><uuid>c7a5fdbd-edaf-9455-926a-d65c16db1809</uuid>"
            + "<memory unit='MiB'>128</memory><vcpu>2</vcpu>"
            + "<os><type arch='x86_64' machine='pc'>hvm</type><boot dev='hd'/></os><features><acpi/><apic/></features>"
            + "<cpu mode='custom'><model>qemu64</model><topology sockets='1' cores='2' threads='1'/></cpu>"
            + "<clock offset='utc'/><devices><emulator>/usr/bin/qemu-system-x86_64</emulator>"
            + "<disk type='file' device='disk'><driver name='qemu' type='qcow2'/>"
            + "<source file='IMG/a.qcow2'/><target dev='vda' bus='virtio'/></disk>"
            + "<disk type='file' device='disk'><driver name='qemu' type='raw'/>"
            + "<source file='IMG/b.raw'/><target dev='hdb' bus='ide'/><serial>s,1</serial></disk>"
            + "<controller type='usb' model='piix3-uhci'/><controller type='pci' model='pci-root'/>"
            + "<interface type='user'><mac address='52:54:00:12:34:99'/><model type='virtio'/></interface>"
            + "<serial type='file'><source path='IMG/serial,0.log'/><target port='0'/></serial>"
            + "<console type='file'><target type='serial' port='0'/></console>"
            + "<input type='tablet' bus='usb'/><input type='mouse' bus='ps2'/>"
            + "<graphics type='vnc' autoport='yes'/><video><model type='vga' vram='16384' heads='1'/></video>"
            + "<memballoon model='virtio'/></devices></domain>",
        "<domain type='qemu'><name>q35</name><memory unit='MiB'>128</memory>"
            + "<os><type machine='q35'>hvm</type></os><features><acpi/></features><cpu mode='maximum'/><devices>"
            + "<disk type='file' device='cdrom'><target dev='sda' bus='sata'/><readonly/></disk>"
            + "<controller type='scsi' model='virtio-scsi'/>"
            + "<disk type='file' device='disk'><source file='IMG/b.raw'/><target dev='sdb' bus='scsi'/>"
            + "<boot order='1'/></disk>"
            + "<interface type='user'><mac address='52:54:00:12:34:98'/><model type='e1000'/><boot order='2'/></interface>"
            + "<serial type='pty'/><memballoon model='none'/></devices></domain>"
    })
    void qemuStartsPausedAndQuitsCleanly(String xml) throws Exception {
        DomainDef def = LibvirtXml.parseDomain(xml.replace("IMG", work.resolve("img,dir").toString()));
        QemuDomainDefaults.apply(def, caps);
        Path dir = Files.createDirectories(work.resolve("run-" + System.nanoTime()));
        Path socket = dir.resolve("monitor.sock");
        Path log = dir.resolve("qemu.log");
        List<String> argv = QemuCommandLine.build(def, caps, socket);
        Process qemu = QemuProcess.start(argv, log);
        try (QmpClient qmp = QemuProcess.connectMonitor(qemu, socket, log, null, Duration.ofSeconds(30))) {
            assertEquals("prelaunch", qmp.execute("query-status").path("status").asText(), QemuProcess.tail(log));
            assertEquals(def.getName(), qmp.execute("query-name").path("name").asText());
            assertEquals(def.getVcpuCount() == 0 ? 1 : def.getVcpuCount(), qmp.execute("query-cpus-fast").size());
            QemuProber.quit(qmp);
            assertTrue(qemu.waitFor(30, TimeUnit.SECONDS), "QEMU did not quit");
            assertEquals(0, qemu.exitValue(), QemuProcess.tail(log));
        } finally {
            if (qemu.isAlive()) {
                QemuProcess.terminate(qemu, Duration.ofSeconds(5));
            }
        }
    }
}
