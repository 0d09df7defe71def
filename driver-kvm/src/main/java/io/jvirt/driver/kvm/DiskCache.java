package io.jvirt.driver.kvm;

import static io.jvirt.driver.kvm.QemuEscaping.unsupported;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A disk's {@code <driver cache=…>} as libvirt 9 gives it to QEMU: the guest-visible write cache
 * on the device ({@code write-cache}), host page-cache bypass ({@code cache.direct}) and ignored
 * flushes ({@code cache.no-flush}) on each block node.
 */
enum DiskCache {
    /** No cache attribute: QEMU's defaults, nothing on the command line. */
    DEFAULT(null, false, false),
    NONE(true, true, false),
    WRITETHROUGH(false, false, false),
    WRITEBACK(true, false, false),
    DIRECTSYNC(false, true, false),
    UNSAFE(true, false, true);

    private final Boolean writeCache;
    private final boolean direct;
    private final boolean noFlush;

    DiskCache(Boolean writeCache, boolean direct, boolean noFlush) {
        this.writeCache = writeCache;
        this.direct = direct;
        this.noFlush = noFlush;
    }

    static DiskCache of(String mode) {
        if (mode == null || mode.equals("default")) {
            return DEFAULT;
        }
        return switch (mode) {
            case "none" -> NONE;
            case "writethrough" -> WRITETHROUGH;
            case "writeback" -> WRITEBACK;
            case "directsync" -> DIRECTSYNC;
            case "unsafe" -> UNSAFE;
            default -> throw unsupported("disk cache mode '" + mode + "'");
        };
    }

    void blockdev(ObjectNode node) {
        if (this != DEFAULT) {
            node.putObject("cache").put("direct", direct).put("no-flush", noFlush);
        }
    }

    void device(StringBuilder device) {
        if (writeCache != null) {
            device.append(",write-cache=").append(writeCache ? "on" : "off");
        }
    }
}
