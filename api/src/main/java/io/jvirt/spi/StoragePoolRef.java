package io.jvirt.spi;

import java.util.UUID;

/** A storage pool as it crosses the SPI. */
public record StoragePoolRef(String name, UUID uuid) {
}
