package io.jvirt.spi;

import io.jvirt.NetworkEventType;

/** A network lifecycle event as a driver emits it. */
public record DriverNetworkEvent(NetworkRef network, NetworkEventType type) {
}
