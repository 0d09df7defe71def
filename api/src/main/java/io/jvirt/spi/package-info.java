/**
 * The driver SPI: what a hypervisor driver implements, and the helpers every driver shares.
 *
 * <p>A driver is an {@link io.jvirt.spi.Driver} registered for {@link java.util.ServiceLoader}
 * (a {@code META-INF/services/io.jvirt.spi.Driver} line). {@link io.jvirt.Virt#open} asks each
 * installed driver, in class-path order, whether it {@linkplain Driver#accepts accepts} the URI;
 * the first that does {@linkplain Driver#open opens} a {@link io.jvirt.spi.DriverConnection}.
 *
 * <p>A driver connection is a set of tables, as libvirt's {@code virConnectDriver}:
 * {@link HypervisorDriver}, {@link NetworkDriver}, {@link StorageDriver},
 * {@link InterfaceDriver}, {@link NodeDeviceDriver}. Every method has a default that throws
 * {@code NO_SUPPORT} naming libvirt's public API, so a driver implements what it supports and
 * nothing else. Objects cross the SPI as small references ({@link DomainRef}, ...); the API layer
 * wraps them in handles, checks read-only access, and turns driver events into user events.
 *
 * <p>Helpers: {@link ObjectRegistry} (objects by name, UUID and id),
 * {@link DomainTransition} (libvirt's states, reasons and events per transition),
 * {@link EventDispatcher} (asynchronous delivery that never runs listeners under driver locks),
 * {@link AtomicConfigStore} (persistent definitions written atomically), {@link HostObjectList}
 * (networks and pools: lookups, clashes, lifecycle steps and their events) and
 * {@link HostObjectFiles} (their configs, live states and autostart links). Host networking that
 * drivers share (bridges, taps) is in {@link io.jvirt.spi.host}.
 */
package io.jvirt.spi;
