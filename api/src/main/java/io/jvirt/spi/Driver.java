package io.jvirt.spi;

import io.jvirt.ConnectOptions;
import io.jvirt.ConnectUri;

/**
 * A hypervisor driver, found with {@link java.util.ServiceLoader}. Implementations must be cheap
 * to construct: {@link io.jvirt.Virt#open} instantiates every installed driver to ask it about a
 * URI; the real work happens in {@link #open}.
 */
public interface Driver {
    /** The driver's name, as listed in errors ("test", "qemu", "xen"). */
    String name();

    /** True if this driver serves {@code uri} (usually: the scheme matches). */
    boolean accepts(ConnectUri uri);

    /**
     * Opens a connection for {@code uri}. Throws {@link io.jvirt.VirtException} when the URI is
     * this driver's but can't be served (bad path, missing config file, failed authentication).
     */
    DriverConnection open(ConnectUri uri, ConnectOptions options);
}
