package io.jvirt.spi;

/** A storage volume as it crosses the SPI: its pool's name, its own name and its key. */
public record StorageVolumeRef(String pool, String name, String key) {
}
