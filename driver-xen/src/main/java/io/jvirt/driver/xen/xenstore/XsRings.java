package io.jvirt.driver.xen.xenstore;

import java.io.IOException;

/** How connections get and lose their channels: the daemon's business, seen by the handlers. */
interface XsRings {
    /** A fresh ring for an introduced domain, with a connection serving it. */
    XsConnection open(XsDomain domain) throws IOException;

    /** Stops serving a connection and closes its channels. */
    void close(XsConnection conn);
}
