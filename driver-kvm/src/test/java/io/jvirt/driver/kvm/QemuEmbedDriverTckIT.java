package io.jvirt.driver.kvm;

import io.jvirt.Connection;
import io.jvirt.Domain;
import io.jvirt.StoragePool;
import io.jvirt.StoragePoolCreateFlag;
import io.jvirt.Virt;
import io.jvirt.tck.DriverTck;
import io.jvirt.tck.ExpectedError;
import io.jvirt.tck.WrongStateCall;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The driver TCK against {@code qemu:///embed?root=DIR}, with real QEMU under TCG. */
class QemuEmbedDriverTckIT extends DriverTck {
    private static Path root;

    @BeforeAll
    static void setUp() throws IOException {
        InstalledQemu.require();
        root = Files.createTempDirectory("jvirt-tck");
        // Something for the TCK's pool, volume and network checks (read-only refusals) to find.
        try (Connection c = Virt.open(QemuEmbedDriverIT.uri(root))) {
            StoragePool pool = c.defineStoragePool("<pool type='dir'><name>tck-pool</name><target><path>"
                    + root.resolve("pool") + "</path></target></pool>");
            pool.start(StoragePoolCreateFlag.WITH_BUILD);
            pool.createVolume("tck.qcow2", 1 << 20, "qcow2");
            c.defineNetwork("<network><name>tck-net</name><bridge name='jvtck0'/></network>");
        }
    }

    /** Whatever a check left behind, no QEMU outlives it. */
    @AfterEach
    void noQemuLeftBehind() {
        QemuEmbedDriverIT.killOurQemus();
    }

    @AfterAll
    static void tearDown() throws IOException {
        QemuEmbedDriverIT.killOurQemus();
        if (root != null) {
            try (Stream<Path> s = Files.walk(root)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Override
    protected Connection openConnection() {
        return Virt.open(QemuEmbedDriverIT.uri(root));
    }

    @Override
    protected String domainXml(String name) {
        return "<domain type='qemu'>\n"
                + "  <name>" + name + "</name>\n"
                + "  <memory unit='KiB'>65536</memory>\n"
                + "  <vcpu>1</vcpu>\n"
                + "  <os>\n"
                + "    <type arch='x86_64' machine='pc'>hvm</type>\n"
                + "  </os>\n"
                + "</domain>\n";
    }

    /**
     * The test guest, whose acpid answers the power button (the TCK's other guests have no OS and
     * sit in SeaBIOS). Without it the shutdown checks skip, or fail when CI=true.
     */
    @Override
    protected String guestOsDomainXml(String name) {
        return TestGuest.require().domainXml(name, serialLog(name));
    }

    @Override
    protected void awaitGuestOs(Domain d) throws InterruptedException {
        TestGuest.awaitReady(serialLog(d.name()), operationTimeout());
    }

    private static Path serialLog(String name) {
        return root.resolve(name + ".serial.log");
    }

    @Override
    protected String richDomainXml(String name, UUID uuid) {
        // A fresh embed root has no network 'default' (and bridges need root):
        // the same document with user-mode networking.
        return super.richDomainXml(name, uuid)
                .replace("<interface type='network'>", "<interface type='user'>")
                .replace("<source network='default'/>", "");
    }

    @Override
    protected ExpectedError wrongStateError(WrongStateCall call, String domainName) {
        return call.libvirtQemuDriver();
    }
}
