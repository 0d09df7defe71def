package io.jvirt.spi;

/** A node device as it crosses the SPI. */
public record NodeDeviceRef(String name) {
}
