package io.jvirt;

/** Filters for {@link Connection#listAllNetworks}, libvirt's {@code virConnectListAllNetworksFlags}. */
public enum ListNetworksFlag implements Flag {
    /** Inactive networks. */
    INACTIVE(1),
    /** Active networks. */
    ACTIVE(2),
    /** Persistent networks. */
    PERSISTENT(4),
    /** Transient networks. */
    TRANSIENT(8),
    /** Networks marked for autostart. */
    AUTOSTART(16),
    /** Networks not marked for autostart. */
    NO_AUTOSTART(32);

    private final int value;

    ListNetworksFlag(int value) {
        this.value = value;
    }

    @Override
    public int value() {
        return value;
    }
}
