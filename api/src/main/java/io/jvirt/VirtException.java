package io.jvirt;

import java.util.Objects;

/**
 * The one exception jvirt throws: an {@link ErrorCode} (what went wrong), an
 * {@link ErrorDomain} (which part raised it) and libvirt's message wording.
 *
 * <p>Unchecked, because almost every call can fail and callers usually handle failures in one
 * place. Switch on {@link #code()} rather than parsing the message:
 *
 * <pre>{@code
 * try {
 *     conn.lookupDomainByName("web");
 * } catch (VirtException e) {
 *     if (e.code() == ErrorCode.NO_DOMAIN) { ... }
 * }
 * }</pre>
 */
public class VirtException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final ErrorDomain domain;

    /**
     * An error whose message is built from the code's template, as libvirt does:
     * {@code detail} null gives the bare template ("Domain not found"), otherwise the
     * detail template ("Domain not found: no domain with matching name 'x'").
     */
    public VirtException(ErrorCode code, ErrorDomain domain, String detail) {
        this(code, domain, detail, null);
    }

    /** As {@link #VirtException(ErrorCode, ErrorDomain, String)}, keeping the cause. */
    public VirtException(ErrorCode code, ErrorDomain domain, String detail, Throwable cause) {
        this(code, domain, Objects.requireNonNull(code, "code").format(detail), cause, true);
    }

    private VirtException(ErrorCode code, ErrorDomain domain, String message, Throwable cause,
            boolean formatted) {
        super(message, cause);
        this.code = code;
        this.domain = Objects.requireNonNull(domain, "domain");
    }

    /**
     * An error whose message is used as it is, without the code's template. libvirt raises a few
     * errors this way (argument checks such as "unsupported flags (0x1) in function ...").
     */
    public static VirtException withMessage(ErrorCode code, ErrorDomain domain, String message) {
        return new VirtException(code, domain, message, null, true);
    }

    /** What went wrong. */
    public ErrorCode code() {
        return code;
    }

    /** Which part of the stack raised the error. */
    public ErrorDomain domain() {
        return domain;
    }

    /**
     * {@code NO_SUPPORT} "this function is not supported by the connection driver: APINAME",
     * raised in {@code domain}. A driver table's missing entry points use the domain of the
     * libvirt file that defines the public API (see {@link io.jvirt.spi.HypervisorDriver}).
     */
    public static VirtException noSupport(ErrorDomain domain, String apiName) {
        return new VirtException(ErrorCode.NO_SUPPORT, domain, apiName);
    }

    /**
     * {@code NO_SUPPORT} naming {@code apiName}, e.g. "virDomainSuspend", in no particular
     * domain: for callers other than a driver table (the shell, the API layer).
     */
    public static VirtException noSupport(String apiName) {
        return noSupport(ErrorDomain.NONE, apiName);
    }

    /** {@code INVALID_ARG} "unsupported flags (0x..) in function NAME", as libvirt's virCheckFlags. */
    public static VirtException unsupportedFlags(ErrorDomain domain, long flags, String function) {
        return withMessage(ErrorCode.INVALID_ARG, domain,
                "unsupported flags (0x" + Long.toHexString(flags) + ") in function " + function);
    }

    /** Same as {@link #getMessage()}: libvirt's formatted message. */
    @Override
    public String toString() {
        return "VirtException[" + code + "/" + domain + "]: " + getMessage();
    }
}
