package io.jvirt.spi;

import java.util.UUID;

/** A domain as it crosses the SPI: its name and UUID (libvirt's virDomainPtr contents). */
public record DomainRef(String name, UUID uuid) {
}
