package io.jvirt.spi;

/** Tables that support nothing: every call answers NO_SUPPORT naming libvirt's API. */
final class Unsupported {
    static final NetworkDriver NETWORKS = new NetworkDriver() { };
    static final StorageDriver STORAGE = new StorageDriver() { };
    static final InterfaceDriver INTERFACES = new InterfaceDriver() { };
    static final NodeDeviceDriver NODE_DEVICES = new NodeDeviceDriver() { };

    private Unsupported() {
    }
}
