/**
 * jvirt's public API: virtual machines, networks and storage on any hypervisor, in libvirt's
 * terms and XML formats, without native libvirt.
 *
 * <h2>Connecting</h2>
 * {@link io.jvirt.Virt#open(String)} returns a {@link io.jvirt.Connection} to the hypervisor a
 * URI names: {@code test:///default} (libvirt's in-memory test host, for tests and trying things
 * out), {@code qemu:///system} or {@code qemu:///embed?root=DIR} (QEMU/KVM),
 * {@code xen:///system} (Xen). {@link io.jvirt.Virt#openReadOnly(String)} gives a connection that
 * refuses every change. Connections are thread-safe; close them when done.
 *
 * <h2>Objects</h2>
 * A connection hands out handles: {@link io.jvirt.Domain} (a virtual machine),
 * {@link io.jvirt.Network}, {@link io.jvirt.StoragePool} and {@link io.jvirt.StorageVolume},
 * {@link io.jvirt.HostInterface}, {@link io.jvirt.NodeDevice}. Handles are cheap names; every
 * call asks the hypervisor afresh. Objects are defined from libvirt's XML and describe themselves
 * in it ({@link io.jvirt.Domain#xml}); {@code io.jvirt.xml} binds that XML to Java objects for
 * code that builds or inspects it.
 *
 * <pre>{@code
 * try (Connection conn = Virt.open("test:///default")) {
 *     Domain web = conn.defineDomain(xml);       // shut off, persistent
 *     web.start();                               // running (booted)
 *     conn.onDomainEvent(e -> System.out.println(e));  // event 'lifecycle' for domain 'web': ...
 *     web.destroy();                             // shut off (destroyed)
 * }
 * }</pre>
 *
 * <h2>States, events, errors</h2>
 * States and their reasons ({@link io.jvirt.DomainStateInfo}), lifecycle events
 * ({@link io.jvirt.DomainLifecycleEvent}) and errors ({@link io.jvirt.VirtException} with an
 * {@link io.jvirt.ErrorCode} and {@link io.jvirt.ErrorDomain}) carry libvirt's names, numbers and
 * wording, so knowledge of libvirt and virsh carries over. A call in the wrong state fails and
 * changes nothing; a driver that lacks a call answers {@link io.jvirt.ErrorCode#NO_SUPPORT}.
 *
 * <h2>Testing code that uses jvirt</h2>
 * Every type here that code depends on is an interface or a record, so Mockito can stand in for
 * it; or run the code for real against {@code test:///default} with the jvirt-driver-test
 * module's JUnit 5 extension.
 */
package io.jvirt;
