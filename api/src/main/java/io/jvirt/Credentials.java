package io.jvirt;

/**
 * Answers a driver's questions while a connection opens (libvirt's {@code virConnectAuth}
 * callback): a user name, a passphrase. Returns null when it has no answer, and the open
 * then fails with {@link ErrorCode#AUTH_FAILED}.
 *
 * <pre>{@code
 * Connection c = Virt.open("test:///path/with-auth.xml", ConnectOptions.defaults()
 *         .withCredentials((type, prompt) -> type == CredentialType.USERNAME ? "alice" : "secret"));
 * }</pre>
 */
@FunctionalInterface
public interface Credentials {
    /** The answer to one question, or null. */
    String ask(CredentialType type, String prompt);

    /** A provider that answers nothing. */
    static Credentials none() {
        return (type, prompt) -> null;
    }
}
