package io.jvirt.spi;

/** A host interface as it crosses the SPI. */
public record InterfaceRef(String name, String mac) {
}
