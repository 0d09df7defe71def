package io.jvirt.driver.kvm;

import io.jvirt.xml.CharDeviceDef;
import io.jvirt.xml.DiskDef;
import io.jvirt.xml.DomainDef;
import io.jvirt.xml.DomainInterfaceDef;
import io.jvirt.xml.InterfaceTargetDef;
import io.jvirt.xml.GraphicsDef;
import io.jvirt.xml.OsDef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.w3c.dom.Element;

/**
 * The host files a libvirt fixture names (disk images, kernels, serial logs, sockets) exist on
 * libvirt's test machine, not here. This moves each path the argv builder passes to QEMU into a
 * per-fixture directory, keeping its file name (commas and all, so escaping is still exercised),
 * and creates there what QEMU needs to open it at start-up: an image in the declared format, a
 * file with a Linux boot header for a kernel, a listening socket for a client chardev. Block
 * devices are lent loop devices; VNC servers and taps get loopback, free ports and names of
 * this run's own.
 *
 * <p>Nothing in the guest runs (QEMU stays paused with {@code -S}), so content beyond what QEMU
 * checks while starting is irrelevant. A path this class does not know stays as the fixture
 * wrote it, and QEMU failing to open it fails the test loudly.
 */
final class FixtureHostResources implements AutoCloseable {
    private static final AtomicInteger NEXT_VNC_PORT = new AtomicInteger(6900);
    private static final AtomicInteger NEXT_TAP = new AtomicInteger();

    private final Path dir;
    private final LoopDevices loops;
    private final List<ServerSocketChannel> listeners = new ArrayList<>();
    private List<Path> borrowed = List.of();
    private int next;

    /** {@code loops}: block devices to lend to {@code type='block'} disks, or null if there are none. */
    FixtureHostResources(Path dir, LoopDevices loops) {
        this.dir = dir;
        this.loops = loops;
    }

    /** A fixture needs what this host cannot give it (block devices without losetup). */
    static final class Unavailable extends Exception {
        Unavailable(String what) {
            super(what);
        }
    }

    /** Rewrites {@code def}'s host paths into this directory and creates what they name. */
    void relocate(DomainDef def) throws IOException, InterruptedException, Unavailable {
        OsDef os = def.getOs();
        if (os != null && os.getKernel() != null) {
            os.setKernel(kernel(moved(os.getKernel())));
        }
        if (os != null && os.getInitrd() != null) {
            Path initrd = moved(os.getInitrd());
            Files.write(initrd, new byte[512]);
            os.setInitrd(initrd.toString());
        }
        if (os != null && os.getLoader() != null && os.getLoader().getText() != null) {
            // Firmware is mapped, not run, while QEMU is paused: zeros of a size QEMU takes
            // (a BIOS ROM in 64 KiB steps, flash in 4 KiB sectors) stand in for SeaBIOS or OVMF.
            boolean flash = "pflash".equals(os.getLoader().getType());
            os.getLoader().setText(zeros(moved(os.getLoader().getText().strip()), flash ? 2 << 20 : 256 << 10));
        }
        if (os != null && os.getNvram() != null && os.getNvram().getText() != null) {
            os.getNvram().setText(zeros(moved(os.getNvram().getText().strip()), 128 << 10));
        }
        if (def.getDevices() == null) {
            return;
        }
        List<DiskDef> blockDisks = def.getDevices().getDisks().stream()
                .filter(d -> d.getSource() != null && d.getSource().getDev() != null).toList();
        if (!blockDisks.isEmpty()) {
            if (loops == null || blockDisks.size() > loops.size()) {
                throw new Unavailable(blockDisks.size() + " host block device(s)");
            }
            borrowed = loops.take(blockDisks.size());
            for (int i = 0; i < blockDisks.size(); i++) {
                DiskDef disk = blockDisks.get(i);
                Path dev = borrowed.get(i);
                if (disk.getDriver() != null && "qcow2".equals(disk.getDriver().getType())) {
                    overwrite(dev, qcow2Image());
                }
                disk.getSource().setDev(dev.toString());
            }
        }
        for (DiskDef disk : def.getDevices().getDisks()) {
            if (disk.getSource() != null && disk.getSource().getFile() != null) {
                String format = disk.getDriver() == null || disk.getDriver().getType() == null
                        ? "raw" : disk.getDriver().getType();
                Path image = moved(disk.getSource().getFile());
                image(image, format);
                disk.getSource().setFile(image.toString());
            }
        }
        for (GraphicsDef g : def.getDevices().getGraphics()) {
            vnc(g);
        }
        for (DomainInterfaceDef nic : def.getDevices().getInterfaces()) {
            tap(nic);
        }
        List<CharDeviceDef> chardevs = new ArrayList<>(def.getDevices().getSerials());
        chardevs.addAll(def.getDevices().getConsoles());
        chardevs.addAll(def.getDevices().getChannels());
        for (CharDeviceDef c : chardevs) {
            if (c.getSource() != null && c.getSource().getPath() != null) {
                Path moved = moved(c.getSource().getPath());
                if ("unix".equals(c.getType()) && !"bind".equals(c.getSource().getMode())) {
                    listen(moved); // QEMU connects at start-up
                }
                c.getSource().setPath(moved.toString());
            }
        }
    }

    /**
     * A VNC server binds the fixture's address and port: an address of libvirt's test host
     * (2001:1:2:3:…) becomes loopback, a fixed port a free one, so parallel fixtures and other
     * programs on this machine never collide with it.
     */
    private static void vnc(GraphicsDef g) throws IOException {
        if (g.getListen() != null) {
            g.setListen("127.0.0.1");
        }
        for (Element listen : g.getExtraElements("listen")) {
            if (listen.hasAttribute("address")) {
                listen.setAttribute("address", "127.0.0.1");
            }
        }
        if (g.getPort() != null && !g.getPort().equals("-1") && !"yes".equals(g.getAutoport())) {
            g.setPort(Integer.toString(freeVncPort()));
        }
    }

    /**
     * A bridged NIC is a tap QEMU creates by name (the driver puts it on its bridge; the argv
     * alone leaves it unattached): a name of this run's, so fixtures never take another
     * program's tap. Creating one needs /dev/net/tun writable, i.e. root.
     */
    private static void tap(DomainInterfaceDef nic) throws Unavailable {
        if (!"bridge".equals(nic.getType()) && !"network".equals(nic.getType())) {
            return;
        }
        if (!Files.isWritable(Path.of("/dev/net/tun"))) {
            throw new Unavailable("a tap device (/dev/net/tun is not writable)");
        }
        if (nic.getTarget() == null) {
            nic.setTarget(new InterfaceTargetDef());
        }
        nic.getTarget().setDev("jvct" + ProcessHandle.current().pid() % 1000 + "x" + NEXT_TAP.getAndIncrement());
    }

    /**
     * A port from 5900 up that nothing listens on now (QEMU binds it moments later), never one
     * handed out before in this run, so two fixtures started together cannot get the same one.
     */
    private static int freeVncPort() throws IOException {
        for (int port = NEXT_VNC_PORT.getAndIncrement(); port < 65536; port = NEXT_VNC_PORT.getAndIncrement()) {
            try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return probe.getLocalPort();
            } catch (BindException busy) {
                // next one
            }
        }
        throw new IOException("no free TCP port from 5900 up");
    }

    /** A fresh short name here: unix socket paths must stay under 108 bytes. */
    private Path moved(String original) {
        String name = Path.of(original).getFileName() == null ? "root" : Path.of(original).getFileName().toString();
        if (name.length() > 40) {
            name = name.substring(name.length() - 40);
        }
        return dir.resolve(next++ + "-" + name);
    }

    /**
     * The smallest file QEMU's x86 loader takes for a Linux kernel: one setup sector with the
     * "HdrS" signature, boot protocol 2.02 (so an initrd and a command line are accepted) and
     * the loaded-high flag. QEMU copies it into guest memory; the paused guest never runs it.
     */
    private static String kernel(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(4096).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put(0x1f1, (byte) 1);          // setup_sects
        b.putInt(0x202, 0x53726448);     // "HdrS"
        b.putShort(0x206, (short) 0x0202);
        b.put(0x211, (byte) 0x01);       // loadflags: LOADED_HIGH
        Files.write(file, b.array());
        return file.toString();
    }

    private static String zeros(Path file, int size) throws IOException {
        Files.write(file, new byte[size]);
        return file.toString();
    }

    private static void image(Path file, String format) throws IOException, InterruptedException {
        if (format.equals("raw")) {
            try (var f = new java.io.RandomAccessFile(file.toFile(), "rw")) {
                f.setLength(1 << 20);
            }
            return;
        }
        Process p = new ProcessBuilder("qemu-img", "create", "-q", "-f", format, file.toString(), "1M")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("qemu-img create -f " + format + " failed: " + out);
        }
    }

    /** A fresh empty qcow2 image's bytes, to lay onto a lent block device. */
    private byte[] qcow2Image() throws IOException, InterruptedException {
        Path template = dir.resolve(next++ + "-template.qcow2");
        image(template, "qcow2");
        return Files.readAllBytes(template);
    }

    private static void overwrite(Path device, byte[] content) throws IOException {
        try (FileChannel ch = FileChannel.open(device, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(content));
        }
    }

    private void listen(Path socket) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        listeners.add(server);
    }

    @Override
    public void close() {
        if (!borrowed.isEmpty()) {
            loops.give(borrowed);
            borrowed = List.of();
        }
        for (ServerSocketChannel s : listeners) {
            try {
                s.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
