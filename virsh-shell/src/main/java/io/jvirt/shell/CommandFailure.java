package io.jvirt.shell;

import io.jvirt.VirtException;

/**
 * A command failed. virsh prints {@code error: <message>} (its own context, when there is
 * one) and then {@code error: <libvirt message>} (the library error, when there is one), in
 * that order, on stderr.
 */
final class CommandFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient VirtException libvirtError;

    private CommandFailure(String message, VirtException libvirtError) {
        super(message, null, false, false);
        this.libvirtError = libvirtError;
    }

    /** virsh's own message, with no library error after it. */
    static CommandFailure of(String message) {
        return new CommandFailure(message, null);
    }

    /** virsh's context line, then the library error. */
    static CommandFailure of(String message, VirtException libvirtError) {
        return new CommandFailure(message, libvirtError);
    }

    /** Only the library error (virsh returns false without a context line). */
    static CommandFailure of(VirtException libvirtError) {
        return new CommandFailure(null, libvirtError);
    }

    /** A failure that prints nothing (virsh's silent {@code return false}). */
    static CommandFailure silent() {
        return new CommandFailure(null, null);
    }

    VirtException libvirtError() {
        return libvirtError;
    }
}
