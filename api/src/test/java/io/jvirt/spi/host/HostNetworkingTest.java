package io.jvirt.spi.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.ErrorCode;
import io.jvirt.VirtException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Names and MACs everywhere; bridges and taps in the real kernel when running as root. */
class HostNetworkingTest {
    private final String suffix = HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
    private final String bridge = "jvhb" + suffix;
    private final String tap = "jvht" + suffix;

    @AfterEach
    void cleanUp() {
        for (String dev : new String[] {tap, bridge}) {
            if (NetDevices.exists(dev)) {
                try {
                    IpCommand.run("test clean-up", "link", "del", "dev", dev);
                } catch (VirtException ignored) {
                    // reported by the test itself
                }
            }
        }
    }

    private static void requireRoot() throws Exception {
        long uid = ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
        if (uid != 0 || !Files.exists(Path.of("/dev/net/tun"))) {
            System.err.println("SKIPPED: bridges and taps need root and /dev/net/tun (uid " + uid + ")");
            Assumptions.abort("needs root and /dev/net/tun");
        }
    }

    @Test
    void theHostSideOfAGuestNicGetsLibvirtsMac() {
        assertEquals("fe:54:00:12:34:56", Taps.hostSideMac("52:54:00:12:34:56"));
        assertEquals("fa:54:00:12:34:56", Taps.hostSideMac("FE:54:00:12:34:56"));
    }

    @Test
    void namesTheKernelWouldRefuseAreInvalidArguments() {
        for (String bad : new String[] {"", "sixteen-chars-xx", "a/b", "a b", "a:1", "..", null}) {
            VirtException e = assertThrows(VirtException.class, () -> NetDevices.checkName(bad), String.valueOf(bad));
            assertEquals(ErrorCode.INVALID_ARG, e.code());
        }
        assertEquals("vnet0", NetDevices.checkName("vnet0"));
        assertTrue(NetDevices.exists("lo"));
        assertFalse(Bridges.isBridge("lo"));
    }

    @Test
    void aTapJoinsABridgeAndBothGoAway() throws Exception {
        requireRoot();
        Bridges.create(bridge, false, 0);
        Bridges.addAddress(bridge, "192.168.214.1", 24);
        Bridges.up(bridge);
        assertTrue(Bridges.isBridge(bridge));
        VirtException twice = assertThrows(VirtException.class, () -> Bridges.create(bridge, false, 0));
        assertEquals(ErrorCode.SYSTEM_ERROR, twice.code());
        assertTrue(twice.getMessage().contains("exists"), twice.getMessage());

        Taps.create(tap);
        Taps.attach(tap, bridge, "52:54:00:01:02:03");
        assertEquals(Optional.of(bridge), NetDevices.master(tap));
        assertEquals("fe:54:00:01:02:03", Files.readString(Path.of("/sys/class/net", tap, "address")).strip());

        Taps.delete(tap);
        assertFalse(NetDevices.exists(tap));
        Bridges.delete(bridge);
        assertFalse(NetDevices.exists(bridge));
    }
}
