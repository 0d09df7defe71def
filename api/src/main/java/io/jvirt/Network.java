package io.jvirt;

import java.util.UUID;

/** A virtual network (libvirt's {@code virNetworkPtr}): a cheap handle naming one network. */
public interface Network {
    /** The connection this handle belongs to. */
    Connection connection();

    /** The network's name. */
    String name();

    /** The network's UUID. */
    UUID uuid();

    /** The network's XML; {@code inactive} for the persistent definition. */
    String xml(boolean inactive);

    /** Starts an inactive network. */
    void start();

    /** Stops an active network; a transient network disappears. */
    void destroy();

    /** Removes the persistent definition. */
    void undefine();

    /** True if the network starts with the host. */
    boolean autostart();

    /** Marks the network to start with the host, or not. */
    void setAutostart(boolean autostart);

    /** True while the network runs. */
    boolean isActive();

    /** True if the network has a persistent definition. */
    boolean isPersistent();

    /** The name of the host bridge the network uses. */
    String bridgeName();
}
