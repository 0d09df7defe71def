package io.jvirt;

/** A network interface of the host (libvirt's {@code virInterfacePtr}), such as eth0 or a bridge. */
public interface HostInterface {
    /** The connection this handle belongs to. */
    Connection connection();

    /** The interface's name ("eth1"). */
    String name();

    /** The interface's MAC address. */
    String mac();

    /** The interface's XML ({@code <interface>}); {@code inactive} for its configuration. */
    String xml(boolean inactive);

    /** True if the interface is up. */
    boolean isActive();
}
