package io.jvirt.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.jvirt.Connection;
import io.jvirt.Domain;
import io.jvirt.DomainEventDetail;
import io.jvirt.DomainEventType;
import io.jvirt.DomainLifecycleEvent;
import io.jvirt.Subscription;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** {@code event}: what it prints for delivered lifecycle events, and how it ends. */
class EventCommandTest {

    @SuppressWarnings("unchecked")
    private static Connection deliveringTwoEvents(Subscription sub) {
        Connection conn = mock(Connection.class);
        when(conn.isAlive()).thenReturn(true);
        Domain demo = mock(Domain.class);
        when(demo.name()).thenReturn("demo");
        when(conn.onDomainEvent(any(Consumer.class))).thenAnswer(a -> {
            Consumer<DomainLifecycleEvent> listener = a.getArgument(0);
            listener.accept(new DomainLifecycleEvent(demo, DomainEventType.STARTED, DomainEventDetail.Started.BOOTED));
            listener.accept(new DomainLifecycleEvent(demo, DomainEventType.STOPPED, DomainEventDetail.Stopped.DESTROYED));
            return sub;
        });
        return conn;
    }

    @Test
    void oneShotPrintsTheFirstEventOnly() {
        Subscription sub = mock(Subscription.class);
        ShellRunner.Result r = ShellRunner.run(deliveringTwoEvents(sub), "event", "--event", "lifecycle");
        assertEquals("event 'lifecycle' for domain 'demo': Started Booted\nevents received: 1\n\n", r.out());
        assertEquals(0, r.status());
        verify(sub).close();
    }

    @Test
    void loopPrintsEveryEventUntilTheTimeout() {
        ShellRunner.Result r = ShellRunner.run(deliveringTwoEvents(mock(Subscription.class)),
                "event", "--all", "--loop", "--timeout", "1");
        assertEquals("event 'lifecycle' for domain 'demo': Started Booted\n"
                + "event 'lifecycle' for domain 'demo': Stopped Destroyed\n"
                + "event loop timed out\n"
                + "events received: 2\n\n", r.out());
    }

    @Test
    void timestampsAreUtcWithMilliseconds() {
        ShellRunner.Result r = ShellRunner.run(deliveringTwoEvents(mock(Subscription.class)),
                "event", "--all", "--timestamp");
        assertTrue(r.out().matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000: event 'lifecycle' "
                + "for domain 'demo': Started Booted\nevents received: 1\n\n"), r.out());
    }

    @Test
    void noEventBeforeTheTimeoutFails() {
        Connection conn = mock(Connection.class);
        when(conn.isAlive()).thenReturn(true);
        ShellRunner.Result r = ShellRunner.run(conn, "event", "--event", "tunable", "--timeout", "1");
        assertEquals("event loop timed out\nevents received: 0\n\n", r.out());
        assertEquals(1, r.status());
    }
}
