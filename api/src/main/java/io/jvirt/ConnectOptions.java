package io.jvirt;

import io.jvirt.capacity.AdmissionPolicy;
import java.util.Objects;

/**
 * How {@link Virt#open(String, ConnectOptions)} opens a connection: read-only or not, who
 * answers credential questions, and whether starting domains passes admission control
 * ({@link AdmissionPolicy}; none by default, as libvirt).
 */
public record ConnectOptions(boolean readOnly, Credentials credentials, AdmissionPolicy admission) {
    public ConnectOptions {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(admission, "admission");
    }

    /** Read-only or not, with these credentials, and no admission control. */
    public ConnectOptions(boolean readOnly, Credentials credentials) {
        this(readOnly, credentials, AdmissionPolicy.none());
    }

    /** Read-write, no credentials, no admission control. */
    public static ConnectOptions defaults() {
        return new ConnectOptions(false, Credentials.none());
    }

    /** The same options, read-only. */
    public ConnectOptions readOnly(boolean ro) {
        return new ConnectOptions(ro, credentials, admission);
    }

    /** The same options with this credential provider. */
    public ConnectOptions withCredentials(Credentials provider) {
        return new ConnectOptions(readOnly, provider, admission);
    }

    /**
     * The same options with this admission policy: starting or creating a domain that would
     * break it fails with {@link ErrorCode#OPERATION_INVALID}. It wins over the URI's
     * {@code admission} parameters.
     */
    public ConnectOptions withAdmission(AdmissionPolicy policy) {
        return new ConnectOptions(readOnly, credentials, policy);
    }
}
