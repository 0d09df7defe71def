package io.jvirt.driver.xen.xenstore;

/**
 * Aborts the handling of one request with the error its reply carries. Thrown and caught inside
 * the daemon only, so it has no stack trace.
 */
final class XsRequestError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final XsError error;

    XsRequestError(XsError error) {
        super(error.name(), null, false, false);
        this.error = error;
    }
}
