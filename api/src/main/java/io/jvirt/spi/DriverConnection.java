package io.jvirt.spi;

/**
 * One open connection of a driver: its tables. Each table defaults to one that supports
 * nothing, so a driver without storage, say, simply doesn't override {@link #storage()}.
 */
public interface DriverConnection extends AutoCloseable {
    /** Domains and the host. */
    HypervisorDriver hypervisor();

    /** Virtual networks. */
    default NetworkDriver networks() {
        return Unsupported.NETWORKS;
    }

    /** Storage pools and volumes. */
    default StorageDriver storage() {
        return Unsupported.STORAGE;
    }

    /** Host network interfaces. */
    default InterfaceDriver interfaces() {
        return Unsupported.INTERFACES;
    }

    /** Host devices. */
    default NodeDeviceDriver nodeDevices() {
        return Unsupported.NODE_DEVICES;
    }

    /**
     * The driver's extension of type {@code type} for this connection (fault injection, say),
     * or null when it has none. Backs {@link io.jvirt.Connection#unwrap}.
     */
    default <T> T unwrap(Class<T> type) {
        return null;
    }

    /** Releases the connection's resources. Called once, by the API layer. */
    @Override
    void close();
}
