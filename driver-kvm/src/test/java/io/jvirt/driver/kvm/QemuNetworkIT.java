package io.jvirt.driver.kvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.jvirt.Connection;
import io.jvirt.Domain;
import io.jvirt.DomainXmlFlag;
import io.jvirt.ErrorCode;
import io.jvirt.Network;
import io.jvirt.NetworkEventType;
import io.jvirt.NetworkLifecycleEvent;
import io.jvirt.Virt;
import io.jvirt.VirtException;
import io.jvirt.spi.host.NetDevices;
import io.jvirt.xml.DomainDef;
import io.jvirt.xml.DomainInterfaceDef;
import io.jvirt.xml.LibvirtXml;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bridge networks for real: bridges and taps in this host's kernel, guests under TCG. Needs
 * root (CAP_NET_ADMIN and /dev/net/tun); skipped, saying so, without. Every device is named
 * with a random suffix and removed after each test, passed or failed.
 */
class QemuNetworkIT {
    @TempDir
    Path root;

    private final String suffix = HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
    private final String bridge = "jvbr" + suffix;
    private final List<String> devices = new ArrayList<>(List.of(bridge));
    private final List<Connection> connections = new ArrayList<>();
    private final BlockingQueue<NetworkLifecycleEvent> events = new LinkedBlockingQueue<>();
    private Connection conn;

    @BeforeAll
    static void needRootAndQemu() throws Exception {
        InstalledQemu.require();
        long uid = ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
        String why = uid != 0 ? "bridges and taps need root (running as uid " + uid + ")"
                : !Files.exists(Path.of("/dev/net/tun")) ? "/dev/net/tun is missing" : null;
        if (why != null) {
            System.err.println("SKIPPED QemuNetworkIT: " + why);
            Assumptions.abort(why);
        }
    }

    @BeforeEach
    void setUp() {
        conn = connect();
        conn.onNetworkEvent(events::add);
    }

    private Connection connect() {
        Connection c = Virt.open("qemu:///embed?root=" + root);
        connections.add(c);
        return c;
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (Connection c : connections) {
            try {
                for (Domain d : c.listAllDomains()) {
                    if (d.isActive()) {
                        d.destroy();
                    }
                }
                for (Network n : c.listAllNetworks()) {
                    if (n.isActive()) {
                        n.destroy();
                    }
                }
                c.close();
            } catch (RuntimeException ignored) {
                // closed already
            }
        }
        for (String dev : devices) {
            if (NetDevices.exists(dev)) {
                new ProcessBuilder("ip", "link", "del", "dev", dev).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private String networkXml(String name) {
        return "<network><name>" + name + "</name><bridge name='" + bridge + "'/>"
                + "<ip address='192.168.213.1' netmask='255.255.255.0'/></network>";
    }

    private static String ip(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ip"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        return out;
    }

    private static String master(String dev) throws Exception {
        Path link = Path.of("/sys/class/net", dev, "master");
        return Files.isSymbolicLink(link) ? Files.readSymbolicLink(link).getFileName().toString() : null;
    }

    private static void expect(ErrorCode code, Executable call) {
        VirtException e = assertThrows(VirtException.class, call);
        assertEquals(code, e.code(), e.getMessage());
    }

    private static List<DomainInterfaceDef> liveNics(Domain d) {
        DomainDef live = LibvirtXml.parseDomain(d.xml());
        return live.getInterfaces();
    }

    @Test
    void aNetworkIsABridgeWithItsAddress() throws Exception {
        Network n = conn.defineNetwork(networkXml("isolated"));
        assertFalse(NetDevices.exists(bridge), "define creates nothing on the host");
        n.start();
        assertTrue(Files.isDirectory(Path.of("/sys/class/net", bridge, "bridge")));
        assertTrue(ip("-4", "addr", "show", "dev", bridge).contains("inet 192.168.213.1/24"));
        assertEquals(bridge, n.bridgeName());
        assertTrue(n.xml(false).contains("<bridge name='" + bridge + "' stp='on' delay='0'/>"), n.xml(false));
        for (NetworkEventType type : List.of(NetworkEventType.DEFINED, NetworkEventType.STARTED)) {
            NetworkLifecycleEvent e = events.poll(10, TimeUnit.SECONDS); // delivered asynchronously
            assertEquals(type, e == null ? null : e.type());
        }

        conn.close();
        conn = connect();
        Network again = conn.lookupNetworkByName("isolated");
        assertTrue(again.isActive(), "the next connection finds it active");
        again.destroy();
        assertFalse(NetDevices.exists(bridge), "destroy deletes the bridge");
        again.undefine();
        expect(ErrorCode.NO_NETWORK, () -> conn.lookupNetworkByName("isolated"));
    }

    @Test
    void aGuestsTapsJoinTheBridgeAndLeaveWithTheGuest() throws Exception {
        Network n = conn.defineNetwork(networkXml("lan"));
        n.start();
        Domain d = conn.defineDomain("<domain type='qemu'><name>nic</name><memory unit='MiB'>64</memory>"
                + "<os><type machine='pc'>hvm</type></os><devices>"
                + "<interface type='network'><mac address='52:54:00:aa:00:01'/><source network='lan'/>"
                + "<model type='virtio'/></interface>"
                + "<interface type='bridge'><mac address='52:54:00:aa:00:02'/><source bridge='" + bridge + "'/>"
                + "<model type='e1000'/></interface></devices></domain>");
        d.start();
        List<DomainInterfaceDef> nics = liveNics(d);
        List<String> taps = nics.stream().map(i -> i.getTarget().getDev()).toList();
        devices.addAll(taps);
        assertEquals(2, taps.size());
        for (int i = 0; i < 2; i++) {
            String tap = taps.get(i);
            assertTrue(tap.startsWith("vnet"), tap);
            assertEquals(bridge, master(tap), tap + " enslaved to the bridge");
            assertEquals("fe:54:00:aa:00:0" + (i + 1), Files.readString(Path.of("/sys/class/net", tap, "address")).strip());
        }
        assertEquals(bridge, nics.get(0).getSource().getBridge(), "live XML names the network's bridge");
        assertTrue(conn.lookupDomainByName("nic").xml(DomainXmlFlag.INACTIVE).contains("<source network='lan'/>"));

        d.destroy();
        for (String tap : taps) {
            assertFalse(NetDevices.exists(tap), tap + " gone with the guest");
        }

        d.start();
        String tap = liveNics(d).get(0).getTarget().getDev();
        devices.add(tap);
        ProcessHandle qemu = ProcessHandle.of(Long.parseLong(
                Files.readString(root.resolve("run/qemu/nic.pid")).strip())).orElseThrow();
        qemu.destroyForcibly();
        qemu.onExit().get(30, TimeUnit.SECONDS);
        assertFalse(NetDevices.exists(tap), "a killed QEMU's tap is gone too");

        n.destroy();
        assertFalse(NetDevices.exists(bridge));
    }

    @Test
    void aHostBridgeNetworkUsesTheBridgeAndLeavesIt() throws Exception {
        ip("link", "add", "name", bridge, "type", "bridge");
        Network n = conn.createNetwork("<network><name>host</name><forward mode='bridge'/><bridge name='"
                + bridge + "'/></network>");
        assertTrue(n.isActive());
        Domain d = conn.createDomain("<domain type='qemu'><name>onhost</name><memory unit='MiB'>64</memory>"
                + "<os><type machine='pc'>hvm</type></os><devices><interface type='network'>"
                + "<source network='host'/></interface></devices></domain>");
        String tap = liveNics(d).get(0).getTarget().getDev();
        devices.add(tap);
        assertEquals(bridge, master(tap));
        d.destroy();
        n.destroy();
        assertTrue(NetDevices.exists(bridge), "the host's bridge is not ours to delete");
        expect(ErrorCode.NO_NETWORK, () -> conn.lookupNetworkByName("host"));
    }

    @Test
    void badInputIsRefusedAndLeavesNothing() throws Exception {
        String guest = "<domain type='qemu'><name>bad</name><memory unit='MiB'>64</memory>"
                + "<os><type machine='pc'>hvm</type></os><devices>%s</devices></domain>";
        expect(ErrorCode.NO_NETWORK, () -> conn.createDomain(String.format(guest,
                "<interface type='network'><source network='nosuch'/></interface>")));
        Network n = conn.defineNetwork(networkXml("idle"));
        expect(ErrorCode.OPERATION_INVALID, () -> conn.createDomain(String.format(guest,
                "<interface type='network'><source network='idle'/></interface>")));
        expect(ErrorCode.SYSTEM_ERROR, () -> conn.createDomain(String.format(guest,
                "<interface type='bridge'><source bridge='" + bridge + "'/></interface>")));
        assertEquals(List.of(), conn.listAllDomains());

        expect(ErrorCode.CONFIG_UNSUPPORTED, () -> conn.defineNetwork(
                "<network><name>nat</name><forward mode='nat'/><ip address='10.9.9.1' prefix='24'/></network>"));
        expect(ErrorCode.CONFIG_UNSUPPORTED, () -> conn.defineNetwork("<network><name>d</name><ip address='10.9.9.1'"
                + " prefix='24'><dhcp><range start='10.9.9.2' end='10.9.9.9'/></dhcp></ip></network>"));
        expect(ErrorCode.INVALID_ARG, () -> conn.defineNetwork(
                "<network><name>long</name><bridge name='a-name-far-too-long-for-linux'/></network>"));
        expect(ErrorCode.XML_ERROR, () -> conn.defineNetwork(
                "<network><name>host</name><bridge name='x'/><ip address='example.org' prefix='24'/></network>"));

        // A device of the bridge's name exists already: start fails and leaves that device alone.
        ip("link", "add", "name", bridge, "type", "bridge");
        expect(ErrorCode.SYSTEM_ERROR, n::start);
        assertFalse(n.isActive());
        assertTrue(NetDevices.exists(bridge));
        assertFalse(ip("-4", "addr", "show", "dev", bridge).contains("192.168.213.1"));
    }

    /**
     * A bridged NIC QEMU deleted while no process held its monitor keeps its tap open (QEMU's
     * netdev holds it) until a process reconnects: that one drops the NIC from the live XML and
     * releases the netdev, and the kernel deletes the tap.
     */
    @Test
    void aBridgedNicQemuDeletedWhileNoProcessWatchedLosesItsTapOnReconnect() throws Exception {
        ip("link", "add", "name", bridge, "type", "bridge");
        Path image = root.resolve("guest.img");
        Path serial = root.resolve("guest.serial");
        PowerButtonGuest.writeImage(image, PowerButtonGuest.Answer.POWER_OFF);
        Domain d = conn.defineDomain(PowerButtonGuest.xml("tapgone", image, serial, "").replace("</devices>",
                "<interface type='bridge'><mac address='52:54:00:aa:00:03'/><source bridge='" + bridge + "'/>"
                        + "<model type='e1000'/></interface></devices>"));
        d.start();
        String tap = liveNics(d).get(0).getTarget().getDev();
        devices.add(tap);
        assertTrue(PowerButtonGuest.awaitBoots(serial, 1, Duration.ofSeconds(30)), "the guest never booted");
        Path monitor = root.resolve("run/qemu/" + d.uuid() + ".sock");
        conn.close();

        EmbeddedQemuTest.commandAndAwait(monitor, "device_del", JsonNodeFactory.instance.objectNode().put("id", "net0"),
                e -> e.name().equals("DEVICE_DELETED") && "net0".equals(e.data().path("device").asText()), 20).close();
        assertTrue(NetDevices.exists(tap), "QEMU's netdev still holds " + tap);

        conn = connect();
        Domain back = conn.lookupDomainByName("tapgone");
        assertEquals(List.of(), liveNics(back), back.xml());
        assertFalse(NetDevices.exists(tap), tap + " went with its netdev");
        assertTrue(back.isActive());
    }
}
