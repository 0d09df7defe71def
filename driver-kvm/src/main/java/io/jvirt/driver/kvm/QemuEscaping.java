package io.jvirt.driver.kvm;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import java.nio.file.Path;

/**
 * QEMU's option syntax: {@code key=value,key=value}, where a comma inside a value is written
 * twice. Everything the user controls (names, paths, command lines) goes through here.
 */
final class QemuEscaping {
    private QemuEscaping() {
    }

    /** The value with each {@code ,} doubled, as QEMU's option parser expects. */
    static String escape(String value) {
        return value.replace(",", ",,");
    }

    /**
     * A host path as QEMU gets it: absolute, normalised and without control characters, which
     * would corrupt logs and status files and never name a real image. Escaped for an option value.
     */
    static String path(String what, String path) {
        return escape(checkPath(what, path));
    }

    /** As {@link #path} without escaping, for options that take a whole argument ({@code -kernel}). */
    static String checkPath(String what, String path) {
        if (path == null || path.isEmpty()) {
            throw unsupported(what + " has no path");
        }
        requirePrintable(what, path);
        Path p = Path.of(path);
        if (!p.isAbsolute() || !p.normalize().toString().equals(path.replaceAll("/+$", ""))) {
            throw unsupported(what + " path '" + path + "' must be absolute and normalised");
        }
        return path;
    }

    /** Rejects NUL, newlines and other control characters in a value headed for QEMU. */
    static String requirePrintable(String what, String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw unsupported(what + " contains a control character");
            }
        }
        return value;
    }

    static VirtException unsupported(String detail) {
        return new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU, detail);
    }
}
