package io.jvirt.tck;

import io.jvirt.ErrorCode;

/**
 * A lifecycle call made in a state that does not allow it. libvirt's drivers disagree on the
 * error: its test driver reports most of these as {@code INTERNAL_ERROR} in its own words,
 * while the QEMU and libxl drivers say {@code OPERATION_INVALID}. {@link DriverTck#wrongStateError}
 * chooses per driver; the two profiles below are libvirt 9.0's answers, verbatim.
 */
public enum WrongStateCall {
    /** {@code start} of a running domain. */
    START_RUNNING,
    /** {@code suspend} of a shut-off domain. */
    SUSPEND_SHUT_OFF,
    /** {@code resume} of a running (not paused) domain. */
    RESUME_RUNNING,
    /** {@code resume} of a shut-off domain. */
    RESUME_SHUT_OFF,
    /** {@code shutdown} of a shut-off domain. */
    SHUTDOWN_SHUT_OFF,
    /** {@code destroy} of a shut-off domain. */
    DESTROY_SHUT_OFF;

    private static final String NOT_VALID = "Requested operation is not valid: ";

    /** What libvirt 9.0's test driver ({@code src/test/test_driver.c}) answers for domain {@code name}. */
    public ExpectedError libvirtTestDriver(String name) {
        return switch (this) {
            case START_RUNNING -> ExpectedError.of(ErrorCode.INTERNAL_ERROR,
                    "internal error: Domain '" + name + "' is already running");
            case SUSPEND_SHUT_OFF, SHUTDOWN_SHUT_OFF -> ExpectedError.of(ErrorCode.INTERNAL_ERROR,
                    "internal error: domain '" + name + "' not running");
            case RESUME_RUNNING, RESUME_SHUT_OFF -> ExpectedError.of(ErrorCode.INTERNAL_ERROR,
                    "internal error: domain '" + name + "' not paused");
            case DESTROY_SHUT_OFF -> ExpectedError.of(ErrorCode.OPERATION_INVALID,
                    NOT_VALID + "domain is not running");
        };
    }

    /** What libvirt 9.0's QEMU driver ({@code src/qemu/qemu_driver.c}) answers. */
    public ExpectedError libvirtQemuDriver() {
        return switch (this) {
            case START_RUNNING, RESUME_RUNNING -> ExpectedError.of(ErrorCode.OPERATION_INVALID,
                    NOT_VALID + "domain is already running");
            case SUSPEND_SHUT_OFF, RESUME_SHUT_OFF, SHUTDOWN_SHUT_OFF, DESTROY_SHUT_OFF ->
                    ExpectedError.of(ErrorCode.OPERATION_INVALID, NOT_VALID + "domain is not running");
        };
    }
}
