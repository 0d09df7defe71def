package io.jvirt.driver.kvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.Connection;
import io.jvirt.Domain;
import io.jvirt.ErrorCode;
import io.jvirt.ListStoragePoolsFlag;
import io.jvirt.StoragePool;
import io.jvirt.StoragePoolCreateFlag;
import io.jvirt.StoragePoolEventType;
import io.jvirt.StoragePoolLifecycleEvent;
import io.jvirt.StoragePoolState;
import io.jvirt.StorageVolume;
import io.jvirt.StorageVolumeInfo;
import io.jvirt.StorageVolumeResizeFlag;
import io.jvirt.Virt;
import io.jvirt.VirtException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Directory pools and qemu-img volumes of {@code qemu:///embed}, checked against the files and qemu-img. */
class QemuStorageIT {
    private static final long MIB = 1 << 20;

    @TempDir
    Path root;
    @TempDir
    Path storage;

    private Path poolDir;
    private final List<Connection> connections = new ArrayList<>();
    private final BlockingQueue<StoragePoolLifecycleEvent> events = new LinkedBlockingQueue<>();
    private Connection conn;

    @BeforeAll
    static void needQemu() {
        InstalledQemu.require();
    }

    @BeforeEach
    void setUp() {
        poolDir = storage.resolve("images");
        conn = connect();
        conn.onStoragePoolEvent(events::add);
    }

    private Connection connect() {
        Connection c = Virt.open("qemu:///embed?root=" + root);
        connections.add(c);
        return c;
    }

    @AfterEach
    void close() {
        for (Connection c : connections) {
            try {
                for (Domain d : c.listAllDomains()) {
                    if (d.isActive()) {
                        d.destroy();
                    }
                }
                c.close();
            } catch (RuntimeException ignored) {
                // closed already
            }
        }
    }

    private String poolXml(String name) {
        return "<pool type='dir'><name>" + name + "</name><target><path>" + poolDir + "/</path></target></pool>";
    }

    private static String volXml(String name, long capacity, long allocation, String format) {
        return "<volume><name>" + name + "</name><capacity unit='bytes'>" + capacity + "</capacity>"
                + "<allocation unit='bytes'>" + allocation + "</allocation>"
                + "<target><format type='" + format + "'/></target></volume>";
    }

    private StoragePool startedPool() {
        StoragePool p = conn.defineStoragePool(poolXml("images"));
        p.build();
        p.start();
        return p;
    }

    private static void expect(ErrorCode code, Executable call) {
        VirtException e = assertThrows(VirtException.class, call);
        assertEquals(code, e.code(), e.getMessage());
    }

    /** The next events, delivered asynchronously: each awaited up to 10 s. */
    private void expectEvents(StoragePoolEventType... types) throws InterruptedException {
        for (StoragePoolEventType type : types) {
            StoragePoolLifecycleEvent e = events.poll(10, TimeUnit.SECONDS);
            assertEquals(type, e == null ? null : e.type());
        }
    }

    /** What the file system says a file occupies: st_blocks × 512, read with stat(1). */
    private static long statBlocksBytes(Path f) throws Exception {
        Process p = new ProcessBuilder("stat", "-c", "%b %B", f.toString()).start();
        String[] out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim().split(" ");
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        return Long.parseLong(out[0]) * Long.parseLong(out[1]);
    }

    private static String qemuImgInfo(Path f, boolean forceShare) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("qemu-img", "info", "--output=json"));
        if (forceShare) {
            cmd.add("-U");
        }
        cmd.add(f.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return p.exitValue() + " " + out;
    }

    @Test
    void poolLifecycleIsPersistedAndSeenByTheNextConnection() throws Exception {
        StoragePool p = conn.defineStoragePool(poolXml("images"));
        assertTrue(Files.exists(root.resolve("etc/storage/images.xml")));
        assertFalse(p.isActive());
        expect(ErrorCode.SYSTEM_ERROR, p::start); // no directory yet
        assertFalse(p.isActive());

        p.build();
        assertTrue(Files.isDirectory(poolDir));
        assertEquals("rwx--x--x", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(poolDir)));
        p.start();
        assertTrue(p.isActive());
        assertEquals(StoragePoolState.RUNNING, p.info().state());
        assertEquals(Files.getFileStore(poolDir).getTotalSpace(), p.info().capacity());
        String xml = p.xml(false);
        assertTrue(xml.contains("<path>" + poolDir + "</path>"), xml);
        assertTrue(xml.contains("<mode>0711</mode>"), xml);
        assertTrue(xml.matches("(?s).*<capacity unit='bytes'>[1-9][0-9]*</capacity>.*"), xml);
        expectEvents(StoragePoolEventType.DEFINED, StoragePoolEventType.CREATED, StoragePoolEventType.STARTED);
        p.setAutostart(true);
        assertTrue(Files.isSymbolicLink(root.resolve("etc/storage/autostart/images.xml")));

        conn.close();
        conn = connect();
        StoragePool again = conn.lookupStoragePoolByName("images");
        assertTrue(again.isActive() && again.isPersistent() && again.autostart());
        assertEquals(List.of("images"), conn.listAllStoragePools(ListStoragePoolsFlag.ACTIVE).stream()
                .map(StoragePool::name).toList());

        again.destroy();
        assertFalse(Files.exists(root.resolve("run/storage/images.xml")), "state file removed");
        again.delete();
        assertFalse(Files.exists(poolDir));
        again.undefine();
        assertFalse(Files.exists(root.resolve("etc/storage/images.xml")));
        assertFalse(Files.exists(root.resolve("etc/storage/autostart/images.xml"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        expect(ErrorCode.NO_STORAGE_POOL, () -> conn.lookupStoragePoolByName("images"));
    }

    @Test
    void aTransientPoolGoesAwayWhenDestroyed() {
        StoragePool p = conn.createStoragePool(poolXml("scratch"), StoragePoolCreateFlag.WITH_BUILD);
        assertTrue(p.isActive());
        assertFalse(p.isPersistent());
        expect(ErrorCode.OPERATION_INVALID, () -> p.setAutostart(true));
        p.destroy();
        expect(ErrorCode.NO_STORAGE_POOL, () -> conn.lookupStoragePoolByName("scratch"));
        assertTrue(Files.isDirectory(poolDir), "destroy keeps the directory");
    }

    @Test
    void volumesAreQemuImgImagesWithLibvirtsSizes() throws Exception {
        StoragePool p = startedPool();
        StorageVolume full = p.createVolume(volXml("full.img", MIB, MIB, "raw"));
        Path fullFile = poolDir.resolve("full.img");
        assertEquals(fullFile.toString(), full.path());
        assertEquals(fullFile.toString(), full.key());
        StorageVolumeInfo info = full.info();
        assertEquals(MIB, info.capacity());
        assertEquals(statBlocksBytes(fullFile), info.allocation(), "allocation is st_blocks * 512");
        assertTrue(info.allocation() >= MIB, "fully allocated: " + info.allocation());

        StorageVolume base = p.createVolume(volXml("base.qcow2", 64 * MIB, 0, "qcow2"));
        String baseXml = base.xml();
        assertTrue(baseXml.contains("<format type='qcow2'/>"), baseXml);
        assertTrue(baseXml.contains("<capacity unit='bytes'>67108864</capacity>"), baseXml);
        assertTrue(baseXml.contains("<compat>1.1</compat>"), baseXml);
        assertEquals(statBlocksBytes(poolDir.resolve("base.qcow2")), base.info().allocation());

        StorageVolume overlay = p.createVolume("<volume><name>top.qcow2</name><capacity unit='M'>64</capacity>"
                + "<target><format type='qcow2'/></target><backingStore><path>" + base.path()
                + "</path><format type='qcow2'/></backingStore></volume>");
        String topXml = overlay.xml();
        assertTrue(topXml.contains("<backingStore><path>" + base.path() + "</path><format type='qcow2'/>")
                || topXml.replaceAll("\\s+", "").contains("<backingStore><path>" + base.path()
                        + "</path><formattype='qcow2'/>"), topXml);
        assertTrue(qemuImgInfo(poolDir.resolve("top.qcow2"), false).contains("\"backing-filename\": \""
                + base.path() + "\""));

        assertEquals(List.of("base.qcow2", "full.img", "top.qcow2"),
                p.listAllVolumes().stream().map(StorageVolume::name).toList());
        assertEquals("top.qcow2", conn.lookupStorageVolumeByPath(overlay.path()).name());
    }

    @Test
    void resizeWipeCloneAndDelete() throws Exception {
        StoragePool p = startedPool();
        StorageVolume raw = p.createVolume(volXml("disk.raw", MIB, 0, "raw"));
        raw.resize(2 * MIB);
        assertEquals(2 * MIB, raw.info().capacity());
        assertEquals(2 * MIB, Files.size(Path.of(raw.path())));
        expect(ErrorCode.INVALID_ARG, () -> raw.resize(MIB));
        assertEquals(2 * MIB, raw.info().capacity(), "nothing changed");
        raw.resize(MIB, StorageVolumeResizeFlag.SHRINK);
        assertEquals(MIB, raw.info().capacity());

        byte[] data = "secret data that a wipe must remove".getBytes(StandardCharsets.US_ASCII);
        Files.write(Path.of(raw.path()), data, java.nio.file.StandardOpenOption.WRITE);
        raw.wipe();
        byte[] after = Files.readAllBytes(Path.of(raw.path()));
        assertEquals(MIB, after.length);
        assertArrayEquals(new byte[(int) MIB], after);

        StorageVolume q = p.createVolume(volXml("disk.qcow2", 8 * MIB, 0, "qcow2"));
        q.wipe();
        assertTrue(q.xml().contains("<format type='qcow2'/>"), "still an image after a wipe");
        assertEquals(8 * MIB, q.info().capacity());

        StorageVolume clone = p.createVolumeFrom(volXml("clone.qcow2", MIB, 0, "qcow2"), raw);
        assertTrue(qemuImgInfo(Path.of(clone.path()), false).contains("\"format\": \"qcow2\""));
        assertEquals(MIB, clone.info().capacity());

        clone.delete();
        assertFalse(Files.exists(poolDir.resolve("clone.qcow2")));
        expect(ErrorCode.NO_STORAGE_VOL, () -> p.lookupVolumeByName("clone.qcow2"));
    }

    @Test
    void aRunningGuestsImageIsStillReadable() throws Exception {
        StoragePool p = startedPool();
        StorageVolume disk = p.createVolume(volXml("guest.qcow2", 16 * MIB, 0, "qcow2"));
        Domain d = conn.defineDomain("<domain type='qemu'><name>busy</name><memory unit='MiB'>64</memory>"
                + "<os><type machine='pc'>hvm</type></os><devices><disk type='file' device='disk'>"
                + "<driver name='qemu' type='qcow2'/><source file='" + disk.path() + "'/>"
                + "<target dev='vda' bus='virtio'/></disk></devices></domain>");
        d.start();
        // QEMU holds the image's lock: plain qemu-img info is refused, the driver's -U is not.
        String locked = qemuImgInfo(Path.of(disk.path()), false);
        assertTrue(locked.startsWith("1 ") && locked.contains("lock"), locked);
        assertEquals(16 * MIB, disk.info().capacity());
        d.destroy();
    }

    @Test
    void badInputIsRefusedAndChangesNothing() throws Exception {
        expect(ErrorCode.CONFIG_UNSUPPORTED, () -> conn.defineStoragePool(
                "<pool type='logical'><name>vg</name><target><path>/dev/vg</path></target></pool>"));
        expect(ErrorCode.XML_ERROR, () -> conn.defineStoragePool("<pool type='dir'><name>x</name></pool>"));
        expect(ErrorCode.XML_ERROR, () -> conn.defineStoragePool(
                "<pool type='dir'><name>x</name><target><path>rel</path></target></pool>"));
        expect(ErrorCode.XML_ERROR, () -> conn.defineStoragePool("<pool type='dir'><name>x</name"));
        assertEquals(List.of(), conn.listAllStoragePools());

        StoragePool p = startedPool();
        expect(ErrorCode.OPERATION_INVALID, p::undefine);
        expect(ErrorCode.CONFIG_UNSUPPORTED, () -> p.createVolume(volXml("a.vmdk", MIB, 0, "vmdk")));
        expect(ErrorCode.CONFIG_UNSUPPORTED, () -> p.createVolume("<volume><name>b.raw</name><capacity>1</capacity>"
                + "<backingStore><path>/etc/hostname</path></backingStore></volume>"));
        expect(ErrorCode.INVALID_ARG, () -> p.createVolume("<volume><name>c.qcow2</name><capacity>1</capacity>"
                + "<target><format type='qcow2'/></target><backingStore><path>" + poolDir.resolve("nothere")
                + "</path></backingStore></volume>"));
        expect(ErrorCode.INVALID_ARG, () -> p.createVolume(volXml("../escape", MIB, 0, "raw")));
        try (var s = Files.list(poolDir)) {
            assertEquals(0, s.count(), "no file left behind");
        }
        p.createVolume(volXml("once.raw", MIB, 0, "raw"));
        expect(ErrorCode.STORAGE_VOL_EXIST, () -> p.createVolume(volXml("once.raw", 2 * MIB, 0, "raw")));
        assertEquals(MIB, p.lookupVolumeByName("once.raw").info().capacity());
        StorageVolume v = p.lookupVolumeByName("once.raw");
        p.destroy();
        expect(ErrorCode.OPERATION_INVALID, v::info);
        expect(ErrorCode.OPERATION_INVALID, p::listAllVolumes);
    }
}
