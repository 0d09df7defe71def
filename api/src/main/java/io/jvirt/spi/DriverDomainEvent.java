package io.jvirt.spi;

import io.jvirt.DomainEventDetail;
import io.jvirt.DomainEventType;

/** A domain lifecycle event as a driver emits it; the API layer turns the ref into a handle. */
public record DriverDomainEvent(DomainRef domain, DomainEventType type, DomainEventDetail detail) {
    public DriverDomainEvent(DomainRef domain, DomainEventDetail detail) {
        this(domain, detail.type(), detail);
    }
}
