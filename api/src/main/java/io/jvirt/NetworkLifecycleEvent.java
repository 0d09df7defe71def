package io.jvirt;

/** A network changed state: libvirt's network lifecycle event. */
public record NetworkLifecycleEvent(Network network, NetworkEventType type) {
}
