package io.jvirt.driver.xen.xenstore;

/**
 * What the daemon knows of one domain ({@code struct domain}): when it learnt of it (a
 * generation, against which permission entries naming the domain are judged), whether it was
 * introduced and over which ring, and the counts its quotas limit.
 */
final class XsDomain {
    final int domid;
    /** The global generation count when the daemon first heard of this domain. */
    final long generation;
    boolean introduced;
    /** The event channel INTRODUCE named (kept for the record; nothing is bound to it). */
    int port;
    boolean shutdown;
    /** Nodes this domain owns. */
    int entries;
    /** Watches its connection holds. */
    int watches;
    /** Its ring's connection, once introduced. */
    XsConnection conn;
    /** The in-process stand-in for its ring. */
    XsGuestPipe ring;

    XsDomain(int domid, long generation) {
        this.domid = domid;
        this.generation = generation;
    }
}
