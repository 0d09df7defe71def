package io.jvirt;

/** What happened to a network, libvirt's {@code virNetworkEventLifecycleType}. */
public enum NetworkEventType {
    DEFINED("Defined"),
    UNDEFINED("Undefined"),
    STARTED("Started"),
    STOPPED("Stopped");

    private final String label;

    NetworkEventType(String label) {
        this.label = label;
    }

    /** libvirt's number for this event. */
    public int value() {
        return ordinal();
    }

    /** virsh's word for it, as {@code net-event} prints it. */
    public String label() {
        return label;
    }
}
