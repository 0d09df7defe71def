package io.jvirt;

/** The kind of a domain lifecycle event, libvirt's {@code virDomainEventType}, with virsh's words. */
public enum DomainEventType {
    DEFINED("Defined"),
    UNDEFINED("Undefined"),
    STARTED("Started"),
    SUSPENDED("Suspended"),
    RESUMED("Resumed"),
    STOPPED("Stopped"),
    SHUTDOWN("Shutdown"),
    PMSUSPENDED("PMSuspended"),
    CRASHED("Crashed");

    private final String label;

    DomainEventType(String label) {
        this.label = label;
    }

    /** libvirt's number for this event type. */
    public int value() {
        return ordinal();
    }

    /** virsh's word for the event ("Started"), as {@code virsh event} prints it. */
    public String label() {
        return label;
    }
}
