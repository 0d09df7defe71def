package io.jvirt.spi.host;

import java.nio.file.Files;
import java.nio.file.Path;

/** Linux bridges, as libvirt's virnetdevbridge.c makes them for a virtual network. */
public final class Bridges {
    private Bridges() {
    }

    /** Whether {@code name} exists and is a bridge. */
    public static boolean isBridge(String name) {
        return Files.isDirectory(Path.of("/sys/class/net", NetDevices.checkName(name), "bridge"));
    }

    /**
     * Creates bridge {@code name} with STP on or off and the forward delay in seconds (the kernel
     * keeps a delay between 2 and 30 s while STP is on). Fails if a device of that name exists.
     */
    public static void create(String name, boolean stp, int forwardDelaySeconds) {
        NetDevices.checkName(name);
        IpCommand.run("Unable to create bridge " + name, "link", "add", "name", name, "type", "bridge",
                "forward_delay", Integer.toString(forwardDelaySeconds * 100), "stp_state", stp ? "1" : "0");
    }

    /** Adds {@code address/prefix} (IPv4 or IPv6) to the bridge. */
    public static void addAddress(String name, String address, int prefix) {
        IpCommand.run("Failed to add IP address " + address + "/" + prefix + " to " + name,
                "addr", "add", address + "/" + prefix, "dev", NetDevices.checkName(name));
    }

    /** Brings the bridge up. */
    public static void up(String name) {
        IpCommand.run("Failed to bring up bridge " + name, "link", "set", "dev", NetDevices.checkName(name), "up");
    }

    /** Deletes the bridge; its ports are released, not deleted. */
    public static void delete(String name) {
        IpCommand.run("Unable to delete bridge " + name, "link", "del", "dev", NetDevices.checkName(name));
    }
}
