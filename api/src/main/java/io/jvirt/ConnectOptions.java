package io.jvirt;

import java.util.Objects;

/**
 * How {@link Virt#open(String, ConnectOptions)} opens a connection: read-only or not, and who
 * answers credential questions.
 */
public record ConnectOptions(boolean readOnly, Credentials credentials) {
    public ConnectOptions {
        Objects.requireNonNull(credentials, "credentials");
    }

    /** Read-write, no credentials. */
    public static ConnectOptions defaults() {
        return new ConnectOptions(false, Credentials.none());
    }

    /** The same options, read-only. */
    public ConnectOptions readOnly(boolean ro) {
        return new ConnectOptions(ro, credentials);
    }

    /** The same options with this credential provider. */
    public ConnectOptions withCredentials(Credentials provider) {
        return new ConnectOptions(readOnly, provider);
    }
}
