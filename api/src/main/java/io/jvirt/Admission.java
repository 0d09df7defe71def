package io.jvirt;

import io.jvirt.capacity.AdmissionPolicy;
import java.util.StringJoiner;
import java.util.function.Supplier;

/**
 * Admission control of one connection: its {@link AdmissionPolicy} and the lock that makes the
 * check and the start it guards one step among this connection's calls. With
 * {@link AdmissionPolicy#none()} it only runs the action.
 */
final class Admission {
    static final Admission NONE = new Admission(AdmissionPolicy.none());

    private final AdmissionPolicy policy;
    private final Object lock = new Object();

    private Admission(AdmissionPolicy policy) {
        this.policy = policy;
    }

    /** The policy of a connection: the options' when they name one, else the URI's. */
    static Admission of(ConnectUri uri, ConnectOptions options) {
        AdmissionPolicy p = options.admission().isEnabled() ? options.admission() : AdmissionPolicy.fromUri(uri);
        return p.isEnabled() ? new Admission(p) : NONE;
    }

    /** {@code uri} without the admission parameters, which are the API layer's, not the driver's. */
    static ConnectUri forDriver(ConnectUri uri) {
        int q = uri.text().indexOf('?');
        if (q < 0 || uri.params().keySet().stream().noneMatch(Admission::isAdmissionParam)) {
            return uri;
        }
        StringJoiner kept = new StringJoiner("&");
        for (String pair : uri.text().substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (!pair.isEmpty() && !isAdmissionParam(eq < 0 ? pair : pair.substring(0, eq))) {
                kept.add(pair);
            }
        }
        String base = uri.text().substring(0, q);
        return ConnectUri.parse(kept.length() == 0 ? base : base + "?" + kept);
    }

    private static boolean isAdmissionParam(String key) {
        return key.equals("admission") || key.startsWith("admission_");
    }

    AdmissionPolicy policy() {
        return policy;
    }

    /** Runs {@code create} after checking that creating {@code xml} keeps the policy. */
    <T> T create(Connection conn, String xml, Supplier<T> create) {
        if (!policy.isEnabled()) {
            return create.get();
        }
        synchronized (lock) {
            policy.checkCreate(conn, xml);
            return create.get();
        }
    }

    /** Runs {@code start} after checking that starting {@code domain} keeps the policy. */
    void start(Domain domain, Runnable start) {
        if (!policy.isEnabled()) {
            start.run();
            return;
        }
        synchronized (lock) {
            policy.checkStart(domain);
            start.run();
        }
    }
}
