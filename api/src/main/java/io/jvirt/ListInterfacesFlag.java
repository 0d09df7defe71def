package io.jvirt;

/** Filters for {@link Connection#listAllInterfaces}, libvirt's {@code virConnectListAllInterfacesFlags}. */
public enum ListInterfacesFlag implements Flag {
    /** Inactive interfaces. */
    INACTIVE(1),
    /** Active interfaces. */
    ACTIVE(2);

    private final int value;

    ListInterfacesFlag(int value) {
        this.value = value;
    }

    @Override
    public int value() {
        return value;
    }
}
