package io.jvirt.driver.kvm.qmp;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;

/**
 * QEMU answered a command with {@code {"error": {"class": ..., "desc": ...}}}. Worded as libvirt's
 * {@code qemuMonitorJSONCheckError}: "internal error: unable to execute QEMU command 'X': DESC".
 */
public final class QmpException extends VirtException {
    private static final long serialVersionUID = 1L;

    private final String errorClass;
    private final String description;

    QmpException(String command, String errorClass, String description) {
        super(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                "unable to execute QEMU command '" + command + "': " + description);
        this.errorClass = errorClass;
        this.description = description;
    }

    /** QEMU's error class, e.g. {@code CommandNotFound}, {@code GenericError}, {@code DeviceNotActive}. */
    public String errorClass() {
        return errorClass;
    }

    /** QEMU's human-readable description. */
    public String description() {
        return description;
    }
}
