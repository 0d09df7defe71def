package io.jvirt.spi;

import java.util.UUID;

/** A network as it crosses the SPI. */
public record NetworkRef(String name, UUID uuid) {
}
