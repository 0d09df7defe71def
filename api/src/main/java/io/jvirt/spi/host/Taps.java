package io.jvirt.spi.host;

import java.util.Locale;

/**
 * Tap devices of guests' NICs, as libvirt's virnetdevtap.c handles them: the tap gets the
 * guest's MAC with its first byte changed to 0xFE (0xFA when it already was 0xFE), so that the
 * bridge, which takes the lowest MAC of its ports, never takes a guest's, and joins the bridge.
 */
public final class Taps {
    private Taps() {
    }

    /** The MAC libvirt gives the host side of a guest NIC with MAC {@code guestMac}. */
    public static String hostSideMac(String guestMac) {
        String mac = guestMac.toLowerCase(Locale.ROOT);
        return (mac.startsWith("fe:") ? "fa" : "fe") + mac.substring(2);
    }

    /** Creates a persistent tap {@code name} (one that outlives the process that opens it). */
    public static void create(String name) {
        IpCommand.run("Unable to create tap device " + name, "tuntap", "add", "dev",
                NetDevices.checkName(name), "mode", "tap");
    }

    /** Sets the tap's MAC to {@link #hostSideMac}, enslaves it to {@code bridge}, brings it up. */
    public static void attach(String tap, String bridge, String guestMac) {
        NetDevices.checkName(tap);
        NetDevices.checkName(bridge);
        IpCommand.run("Failed to set MAC of " + tap, "link", "set", "dev", tap, "address", hostSideMac(guestMac));
        IpCommand.run("Unable to add bridge " + bridge + " port " + tap, "link", "set", "dev", tap, "master", bridge);
        IpCommand.run("Failed to bring up " + tap, "link", "set", "dev", tap, "up");
    }

    /** Deletes the tap. */
    public static void delete(String tap) {
        IpCommand.run("Unable to delete tap device " + tap, "link", "del", "dev", NetDevices.checkName(tap));
    }
}
