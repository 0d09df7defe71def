package io.jvirt;

/**
 * A domain changed state: libvirt's {@code VIR_DOMAIN_EVENT_ID_LIFECYCLE} callback arguments.
 * Delivered to listeners registered with {@link Connection#onDomainEvent}.
 */
public record DomainLifecycleEvent(Domain domain, DomainEventType type, DomainEventDetail detail) {
    /** As virsh's {@code event} command prints it. */
    @Override
    public String toString() {
        return "event 'lifecycle' for domain '" + domain.name() + "': " + type.label() + " "
                + detail.label();
    }
}
