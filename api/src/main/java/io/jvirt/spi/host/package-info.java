/**
 * Host networking that drivers share: Linux bridges and tap devices, as libvirt's
 * virnetdevbridge.c and virnetdevtap.c manage them, so that the QEMU and Xen drivers attach
 * guests to networks the same way.
 *
 * <p>Changes go through iproute2's {@code ip} command, run with an explicit argv (never a shell),
 * rather than netlink from Java: the JDK has no netlink sockets and {@code ip} is on every host
 * that has bridges. Reads come from sysfs ({@code /sys/class/net}). Changing links needs root
 * (CAP_NET_ADMIN); without it the calls fail with {@code ip}'s own "Operation not permitted".
 */
package io.jvirt.spi.host;
