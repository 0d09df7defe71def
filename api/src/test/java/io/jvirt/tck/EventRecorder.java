package io.jvirt.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.jvirt.DomainEventDetail;
import io.jvirt.DomainLifecycleEvent;
import io.jvirt.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A domain event listener that queues what it receives, for checks that wait on events with a
 * timeout (never a sleep). Events of other domains are kept aside, in order, until asked for.
 */
public final class EventRecorder implements Consumer<DomainLifecycleEvent> {
    private final BlockingQueue<DomainLifecycleEvent> queue = new LinkedBlockingQueue<>();
    private final List<DomainLifecycleEvent> aside = new ArrayList<>();
    private final Duration timeout;
    Subscription subscription;

    public EventRecorder(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void accept(DomainLifecycleEvent e) {
        queue.add(e);
    }

    /** The subscription feeding this recorder, if {@link TckSupport#record()} made it. */
    public Subscription subscription() {
        return subscription;
    }

    /**
     * The next {@code count} events of domain {@code name}, waiting at most the event timeout in
     * all; fails listing what did arrive.
     */
    public synchronized List<DomainLifecycleEvent> await(String name, int count) throws InterruptedException {
        List<DomainLifecycleEvent> got = new ArrayList<>();
        for (Iterator<DomainLifecycleEvent> it = aside.iterator(); it.hasNext() && got.size() < count; ) {
            DomainLifecycleEvent e = it.next();
            if (e.domain().name().equals(name)) {
                got.add(e);
                it.remove();
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (got.size() < count) {
            long left = deadline - System.nanoTime();
            DomainLifecycleEvent e = left <= 0 ? null : queue.poll(left, TimeUnit.NANOSECONDS);
            if (e == null) {
                fail("waited " + timeout + " for " + count + " event(s) of " + name + "; got "
                        + describe(got) + (aside.isEmpty() ? "" : "; other domains': " + describe(aside)));
            }
            if (e.domain().name().equals(name)) {
                got.add(e);
            } else {
                aside.add(e);
            }
        }
        return got;
    }

    /** The details (type and detail) of the next {@code count} events of {@code name}. */
    public List<DomainEventDetail> details(String name, int count) throws InterruptedException {
        List<DomainLifecycleEvent> events = await(name, count);
        for (DomainLifecycleEvent e : events) {
            assertEquals(e.detail().type(), e.type(), () -> "event type and detail disagree: " + e);
        }
        return events.stream().map(DomainLifecycleEvent::detail).collect(Collectors.toList());
    }

    /**
     * Asserts that no further event of {@code name} is pending: {@code trigger} causes an event of
     * domain {@code sentinel}; since one listener's events arrive in order, any event of
     * {@code name} caused earlier must arrive before the sentinel's.
     */
    public synchronized void assertNoMoreFor(String name, String sentinel, Runnable trigger)
            throws InterruptedException {
        trigger.run();
        await(sentinel, 1);
        List<DomainLifecycleEvent> extra = aside.stream().filter(e -> e.domain().name().equals(name))
                .collect(Collectors.toList());
        if (!extra.isEmpty()) {
            fail("unexpected further event(s) of " + name + ": " + describe(extra));
        }
    }

    /**
     * Asserts that nothing at all arrives within {@code quiet} (for a closed subscription). A
     * bounded wait for an absence; keep {@code quiet} short.
     */
    public synchronized void assertNothingWithin(Duration quiet) throws InterruptedException {
        DomainLifecycleEvent e = queue.poll(quiet.toNanos(), TimeUnit.NANOSECONDS);
        if (e != null || !aside.isEmpty()) {
            fail("expected no events, got " + (e != null ? e : aside.get(0)));
        }
    }

    /** Everything received so far and not yet consumed. */
    public synchronized List<DomainLifecycleEvent> drain() {
        List<DomainLifecycleEvent> all = new ArrayList<>(aside);
        aside.clear();
        queue.drainTo(all);
        return all;
    }

    private static String describe(List<DomainLifecycleEvent> events) {
        return events.isEmpty() ? "none" : events.stream()
                .map(e -> e.domain().name() + ":" + e.type() + "/" + e.detail())
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
