package io.jvirt.driver.xen.xenstore;

/**
 * The message types of xenstore's wire protocol, numbered as in Xen 4.17's
 * {@code xen/include/public/io/xs_wire.h}. Number 20 was {@code XS_RESTRICT}; Xen removed it and
 * kept the gap, so it is absent here and a peer sending it gets {@code ENOSYS}.
 */
enum XsMessageType {
    /** Also known as DEBUG: commands for the daemon itself. */
    CONTROL(0, true, false),
    DIRECTORY(1, false, false),
    READ(2, false, false),
    GET_PERMS(3, false, false),
    WATCH(4, false, true),
    UNWATCH(5, false, true),
    TRANSACTION_START(6, false, false),
    TRANSACTION_END(7, false, false),
    INTRODUCE(8, true, false),
    RELEASE(9, true, false),
    GET_DOMAIN_PATH(10, false, false),
    WRITE(11, false, false),
    MKDIR(12, false, false),
    RM(13, false, false),
    SET_PERMS(14, false, false),
    /** Sent by the daemon only. */
    WATCH_EVENT(15, false, false),
    /** Sent by the daemon only. */
    ERROR(16, false, false),
    IS_DOMAIN_INTRODUCED(17, true, false),
    RESUME(18, true, false),
    SET_TARGET(19, true, false),
    RESET_WATCHES(21, false, false),
    DIRECTORY_PART(22, false, false);

    /** {@code XS_TYPE_COUNT} in 4.17: every type number at or above it is unknown. */
    static final int TYPE_COUNT = 23;

    private static final XsMessageType[] BY_CODE = new XsMessageType[TYPE_COUNT];

    static {
        for (XsMessageType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    final int code;
    /** {@code XS_FLAG_PRIV}: refused with EACCES to unprivileged domains. */
    final boolean privileged;
    /** {@code XS_FLAG_NOTID}: the header's tx_id is ignored rather than looked up. */
    final boolean ignoresTransaction;

    XsMessageType(int code, boolean privileged, boolean ignoresTransaction) {
        this.code = code;
        this.privileged = privileged;
        this.ignoresTransaction = ignoresTransaction;
    }

    /** The type with this wire number, or null if 4.17 has none (including the removed 20). */
    static XsMessageType of(int code) {
        return code >= 0 && code < TYPE_COUNT ? BY_CODE[code] : null;
    }

    /** True for the types a client may send (everything but WATCH_EVENT and ERROR). */
    boolean isRequest() {
        return this != WATCH_EVENT && this != ERROR;
    }
}
