package io.jvirt.driver.xen.xenstore;

/**
 * The errors xenstore puts on the wire, in the order of {@code xsd_errors[]} in Xen 4.17's
 * {@code xs_wire.h}. The wire carries the name ({@code "ENOENT\0"}), never the number; the
 * Linux errno is here for callers that map errors onto system calls.
 *
 * <p>Quota violations are {@link #ENOSPC} (nodes, node size, transactions, permissions per node,
 * nodes touched by a transaction) and {@link #E2BIG} (watches, replies over 4096 bytes):
 * xenstore has no separate quota error.
 *
 * @since 0.1
 */
public enum XsError {
    EINVAL(22),
    EACCES(13),
    EEXIST(17),
    EISDIR(21),
    ENOENT(2),
    ENOMEM(12),
    ENOSPC(28),
    EIO(5),
    ENOTEMPTY(39),
    ENOSYS(38),
    EROFS(30),
    EBUSY(16),
    EAGAIN(11),
    EISCONN(106),
    E2BIG(7),
    EPERM(1);

    private final int errno;

    XsError(int errno) {
        this.errno = errno;
    }

    /** The Linux errno value of this error. */
    public int errno() {
        return errno;
    }

    /**
     * The error named by a reply's payload. Like libxenstore's {@code get_error}, a name it does
     * not know becomes {@link #EINVAL}.
     */
    public static XsError fromWire(String name) {
        for (XsError e : values()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return EINVAL;
    }
}
