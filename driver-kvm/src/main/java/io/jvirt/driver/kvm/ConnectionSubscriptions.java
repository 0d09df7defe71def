package io.jvirt.driver.kvm;

import io.jvirt.Subscription;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** One connection's event subscriptions, so that closing the connection silences its listeners. */
final class ConnectionSubscriptions {
    private final List<Subscription> open = new CopyOnWriteArrayList<>();

    /** {@code inner}, remembered until it or the connection is closed. */
    Subscription track(Subscription inner) {
        Subscription[] self = new Subscription[1];
        self[0] = () -> {
            inner.close();
            open.remove(self[0]);
        };
        open.add(self[0]);
        return self[0];
    }

    /** Closes every subscription still open. */
    void closeAll() {
        for (Subscription s : open) {
            s.close();
        }
    }
}
