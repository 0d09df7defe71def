package io.jvirt.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventDispatcherTest {
    private final EventDispatcher<Integer> events = new EventDispatcher<>();

    @Test
    void deliversInOrderToMatchingSubscribers() throws Exception {
        BlockingQueue<Integer> all = new LinkedBlockingQueue<>();
        BlockingQueue<Integer> even = new LinkedBlockingQueue<>();
        events.subscribe(e -> true, all::add);
        events.subscribe(e -> e % 2 == 0, even::add);
        for (int i = 0; i < 100; i++) {
            events.publish(i);
        }
        for (int i = 0; i < 100; i++) {
            assertEquals(i, all.poll(5, TimeUnit.SECONDS));
        }
        for (int i = 0; i < 100; i += 2) {
            assertEquals(i, even.poll(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void aBlockedListenerDelaysOnlyItself() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        BlockingQueue<Integer> fast = new LinkedBlockingQueue<>();
        events.subscribe(e -> true, e -> {
            try {
                release.await();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        });
        events.subscribe(e -> true, fast::add);
        long start = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            events.publish(i); // must not block although the first listener is stuck
        }
        assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) < 5);
        for (int i = 0; i < 10; i++) {
            assertEquals(i, fast.poll(5, TimeUnit.SECONDS));
        }
        release.countDown();
    }

    @Test
    void closedSubscriptionGetsNothingAndFailingListenerDoesNotStopOthers() throws Exception {
        BlockingQueue<Integer> got = new LinkedBlockingQueue<>();
        List<Integer> afterClose = new ArrayList<>();
        Subscription s = events.subscribe(e -> true, afterClose::add);
        s.close();
        events.subscribe(e -> true, e -> {
            throw new IllegalStateException("listener bug");
        });
        events.subscribe(e -> true, got::add);
        events.publish(1);
        events.publish(2);
        assertEquals(1, got.poll(5, TimeUnit.SECONDS));
        assertEquals(2, got.poll(5, TimeUnit.SECONDS));
        assertTrue(afterClose.isEmpty());
        assertNull(got.poll(50, TimeUnit.MILLISECONDS));
        assertTrue(events.hasSubscribers());
        EventDispatcher<String> none = new EventDispatcher<>();
        assertFalse(none.hasSubscribers());
    }
}
