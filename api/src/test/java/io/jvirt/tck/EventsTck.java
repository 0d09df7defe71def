package io.jvirt.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.jvirt.Connection;
import io.jvirt.Domain;
import io.jvirt.DomainEventDetail;
import io.jvirt.DomainEventDetail.Defined;
import io.jvirt.DomainEventDetail.Resumed;
import io.jvirt.DomainEventDetail.Started;
import io.jvirt.DomainEventDetail.Stopped;
import io.jvirt.DomainEventDetail.Suspended;
import io.jvirt.DomainEventDetail.Undefined;
import io.jvirt.DomainLifecycleEvent;
import io.jvirt.DomainState;
import io.jvirt.DomainStateReason;
import io.jvirt.DomainXmlFlag;
import io.jvirt.Subscription;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Lifecycle events: for each transition the (type, detail) libvirt emits (reference libvirt.md
 * §3.7, §6), in order, exactly once; subscriptions that stop; per-domain filters; and events
 * seen across connections that share state.
 */
public abstract class EventsTck extends TckSupport {

    protected EventsTck(DriverTck tck) {
        super(tck);
    }

    /** Defines and undefines a throw-away domain: a marker that earlier events have all arrived. */
    private Runnable sentinel(String name) {
        return () -> conn.defineDomain(tck.domainXml(name)).undefine();
    }

    @Test
    void eachTransitionEmitsLibvirtsEventInOrder() throws Exception {
        EventRecorder events = record();
        String name = name("events");

        Domain d = conn.defineDomain(tck.domainXml(name));
        d.start();
        d.suspend();
        d.resume();
        d.destroy();
        d.undefine();

        assertEquals(List.of(Defined.ADDED, Started.BOOTED, Suspended.PAUSED, Resumed.UNPAUSED,
                Stopped.DESTROYED, Undefined.REMOVED), events.details(name, 6));
        events.assertNoMoreFor(name, name("sentinel"), sentinel(name("sentinel")));
    }

    @Test
    void eventsNameTheirDomainOnTheListenersConnection() throws Exception {
        EventRecorder events = record();
        Domain d = defineNew("eventhandle");

        DomainLifecycleEvent e = events.await(d.name(), 1).get(0);

        assertEquals(DomainEventDetail.Defined.ADDED, e.detail());
        assertEquals(d.uuid(), e.domain().uuid());
        assertSame(conn, e.domain().connection(), "the event's handle belongs to the listener's connection");
        assertEquals("event 'lifecycle' for domain '" + d.name() + "': Defined Added", e.toString());
    }

    @Test
    void redefiningEmitsDefinedUpdated() throws Exception {
        EventRecorder events = record();
        Domain d = defineNew("updated");
        conn.defineDomain(d.xml(DomainXmlFlag.INACTIVE));

        assertEquals(List.of(Defined.ADDED, Defined.UPDATED), events.details(d.name(), 2));
    }

    @Test
    void aTransientDomainStartsAndStopsWithoutDefinedOrUndefined() throws Exception {
        EventRecorder events = record();
        String name = name("transientevents");
        Domain d = conn.createDomain(tck.domainXml(name));
        d.destroy();

        assertEquals(List.of(Started.BOOTED, Stopped.DESTROYED), events.details(name, 2));
        events.assertNoMoreFor(name, name("sentinel"), sentinel(name("sentinel")));
    }

    @Test
    void saveAndRestoreEmitStoppedSavedAndStartedRestored() throws Exception {
        Domain d = startNew("saveevents");
        EventRecorder events = record();
        Path file = tmp.resolve("events.save");

        d.save(file);
        conn.restoreDomain(file);

        assertEquals(List.of(Stopped.SAVED, Started.RESTORED), events.details(d.name(), 2));
    }

    @Test
    void managedSaveEmitsStoppedSavedAndStartEmitsStarted() throws Exception {
        Domain d = startNew("msevents");
        EventRecorder events = record();

        d.managedSave();
        d.start();

        DomainEventDetail started = tck.managedSaveStartReason() == DomainStateReason.Running.RESTORED
                ? Started.RESTORED : Started.BOOTED;
        assertEquals(List.of(Stopped.SAVED, started), events.details(d.name(), 2));
    }

    @Test
    void shutdownEmitsStoppedShutdown() throws Exception {
        Domain d = startNewWithGuestOs("shutdownevents");
        EventRecorder events = record();

        d.shutdown();
        awaitState(d, DomainState.SHUTOFF);

        // libvirt's QEMU driver first reports that the guest shut down (a SHUTDOWN event: guest
        // or host, from QEMU's own SHUTDOWN); libvirt's test driver goes straight to STOPPED.
        List<DomainEventDetail> details = events.details(d.name(), 1);
        if (details.get(0) instanceof DomainEventDetail.Shutdown) {
            details = events.details(d.name(), 1);
        }
        assertEquals(List.of(Stopped.SHUTDOWN), details);
    }

    @Test
    void undefiningARunningDomainEmitsUndefinedAndDestroyStopped() throws Exception {
        Domain d = startNew("undefinerunningevents");
        EventRecorder events = record();

        d.undefine();
        d.destroy();

        assertEquals(List.of(Undefined.REMOVED, Stopped.DESTROYED), events.details(d.name(), 2));
        events.assertNoMoreFor(d.name(), name("sentinel"), sentinel(name("sentinel")));
    }

    @Test
    void failedCallsEmitNothing() throws Exception {
        Domain d = defineNew("failedevents");
        EventRecorder events = record();

        for (Runnable call : List.<Runnable>of(d::suspend, d::resume, () -> d.destroy())) {
            try {
                call.run();
            } catch (RuntimeException expected) {
                // refused: the domain is shut off
            }
        }

        events.assertNoMoreFor(d.name(), name("sentinel"), sentinel(name("sentinel")));
    }

    @Test
    void closingTheSubscriptionStopsDeliveries() throws Exception {
        EventRecorder closed = new EventRecorder(eventTimeout());
        Subscription s = closeLater(conn.onDomainEvent(closed));
        EventRecorder open = record();

        Domain d = defineNew("closesub");
        closed.await(d.name(), 1); // it was live
        s.close();
        s.close(); // closing twice is harmless

        d.start();
        d.destroy();

        assertEquals(List.of(Defined.ADDED, Started.BOOTED, Stopped.DESTROYED), open.details(d.name(), 3));
        closed.assertNothingWithin(tck.quietPeriod());
    }

    @Test
    void aDomainFilterDeliversThatDomainsEventsOnly() throws Exception {
        Domain a = defineNew("filtera");
        Domain b = defineNew("filterb");
        EventRecorder onlyA = new EventRecorder(eventTimeout());
        closeLater(conn.onDomainEvent(a, onlyA));

        b.start();
        a.start();
        b.destroy();
        a.destroy();

        assertEquals(List.of(Started.BOOTED, Stopped.DESTROYED), onlyA.details(a.name(), 2));
        // b's events happened before a's last one; one listener's events arrive in order.
        List<DomainLifecycleEvent> rest = onlyA.drain();
        assertEquals(List.of(), rest, "events of other domains through a filtered subscription");
    }

    @Test
    void anotherConnectionToTheSameStateSeesTheEvents() throws Exception {
        Assumptions.assumeTrue(tck.connectionsShareState(), "the driver's connections do not share state");
        Connection second = closeLater(tck.openSecondConnection(conn));
        EventRecorder there = new EventRecorder(eventTimeout());
        closeLater(second.onDomainEvent(there));

        Domain d = defineNew("crossconn");
        d.start();
        d.destroy();
        d.undefine();

        List<DomainLifecycleEvent> got = there.await(d.name(), 4);
        assertEquals(List.of(Defined.ADDED, Started.BOOTED, Stopped.DESTROYED, Undefined.REMOVED),
                got.stream().map(DomainLifecycleEvent::detail).toList());
        assertSame(second, got.get(0).domain().connection(), "handles belong to the listening connection");
    }

    @Test
    void anotherConnectionToTheSameStateSeesTheDomains() {
        Assumptions.assumeTrue(tck.connectionsShareState(), "the driver's connections do not share state");
        Connection second = closeLater(tck.openSecondConnection(conn));

        Domain d = startNew("crossstate");

        Domain there = second.lookupDomainByName(d.name());
        assertEquals(d.uuid(), there.uuid());
        assertEquals(d.state(), there.state());
        assertEquals(d.id(), there.id());
        there.destroy();
        assertEquals(DomainState.SHUTOFF, d.state().state());
    }
}
