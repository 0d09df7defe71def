package io.jvirt.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.jvirt.Connection;
import io.jvirt.StoragePool;
import io.jvirt.StoragePoolEventType;
import io.jvirt.StoragePoolLifecycleEvent;
import io.jvirt.Subscription;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** {@code pool-event}: what it prints for delivered pool events, per pool and in a loop. */
class PoolEventCommandTest {
    private static StoragePool pool(Connection conn, String name) {
        StoragePool p = mock(StoragePool.class);
        when(p.name()).thenReturn(name);
        when(p.uuid()).thenReturn(UUID.nameUUIDFromBytes(name.getBytes()));
        when(conn.lookupStoragePoolByName(name)).thenReturn(p);
        return p;
    }

    /** A connection whose listener at once sees: other started, tank started, tank stopped. */
    @SuppressWarnings("unchecked")
    private static Connection deliveringThreeEvents(Subscription sub) {
        Connection conn = mock(Connection.class);
        when(conn.isAlive()).thenReturn(true);
        StoragePool other = pool(conn, "other");
        StoragePool tank = pool(conn, "tank");
        when(conn.onStoragePoolEvent(any(Consumer.class))).thenAnswer(a -> {
            Consumer<StoragePoolLifecycleEvent> listener = a.getArgument(0);
            listener.accept(new StoragePoolLifecycleEvent(other, StoragePoolEventType.STARTED));
            listener.accept(new StoragePoolLifecycleEvent(tank, StoragePoolEventType.STARTED));
            listener.accept(new StoragePoolLifecycleEvent(tank, StoragePoolEventType.STOPPED));
            return sub;
        });
        return conn;
    }

    @Test
    void oneShotPrintsTheFirstEventAndUnsubscribes() {
        Subscription sub = mock(Subscription.class);
        ShellRunner.Result r = ShellRunner.run(deliveringThreeEvents(sub), "pool-event", "--event", "lifecycle");
        assertEquals("event 'lifecycle' for storage pool other: Started\nevents received: 1\n\n", r.out());
        assertEquals(0, r.status());
        verify(sub).close();
    }

    @Test
    void thePoolOptionKeepsThatPoolsEventsOnly() {
        ShellRunner.Result r = ShellRunner.run(deliveringThreeEvents(mock(Subscription.class)),
                "pool-event", "--event", "lifecycle", "--pool", "tank", "--loop", "--timeout", "1");
        assertEquals("event 'lifecycle' for storage pool tank: Started\n"
                + "event 'lifecycle' for storage pool tank: Stopped\n"
                + "event loop timed out\n"
                + "events received: 2\n\n", r.out());
        assertEquals(0, r.status());
    }

    @Test
    void aPoolNotFoundIsReportedAndEveryPoolIsWatched() {
        ShellRunner.Result r = ShellRunner.run(deliveringThreeEvents(mock(Subscription.class)),
                "pool-event", "--event", "lifecycle", "--pool", "nosuch");
        assertEquals("error: failed to get pool 'nosuch'\n", r.err());
        assertEquals("event 'lifecycle' for storage pool other: Started\nevents received: 1\n\n", r.out());
        assertEquals(0, r.status());
    }
}
