package io.jvirt.driver.xen.xenstore;

/**
 * A xenstore request failed: the daemon answered with an error, or the connection to it broke
 * ({@link XsError#EIO}, with the I/O failure as the cause).
 *
 * @since 0.1
 */
public class XenstoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final XsError error;

    public XenstoreException(XsError error, String message) {
        this(error, message, null);
    }

    public XenstoreException(XsError error, String message, Throwable cause) {
        super(error.name() + ": " + message, cause);
        this.error = error;
    }

    /** The xenstore error, e.g. {@link XsError#ENOENT} or {@link XsError#EAGAIN}. */
    public XsError error() {
        return error;
    }
}
