package io.jvirt.spi;

import com.google.common.util.concurrent.MoreExecutors;
import com.google.common.util.concurrent.ThreadFactoryBuilder;
import io.jvirt.Subscription;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Delivers a driver's events to subscribers asynchronously. {@link #publish} only queues: it is
 * safe to call under driver locks, and costs next to nothing with no subscribers. Each
 * subscriber has its own ordered queue, drained on a shared pool of daemon threads, so a slow
 * or failing listener delays only itself and never the driver (libvirt delivers from its event
 * loop for the same reason).
 *
 * @param <E> the event type
 */
public final class EventDispatcher<E> {
    /** The delivery threads, made when someone first subscribes (many processes never do). */
    private static final class Pool {
        static final ExecutorService INSTANCE = Executors.newCachedThreadPool(
                new ThreadFactoryBuilder().setDaemon(true).setNameFormat("jvirt-events-%d").build());
    }

    private final CopyOnWriteArrayList<Subscriber<E>> subscribers = new CopyOnWriteArrayList<>();

    /** Delivers events passing {@code filter} to {@code listener}, in publish order, until closed. */
    public Subscription subscribe(Predicate<? super E> filter, Consumer<? super E> listener) {
        Subscriber<E> s = new Subscriber<>(filter, listener, MoreExecutors.newSequentialExecutor(Pool.INSTANCE));
        subscribers.add(s);
        return () -> {
            s.closed = true;
            subscribers.remove(s);
        };
    }

    /** Queues {@code event} for every subscriber whose filter accepts it. */
    public void publish(E event) {
        for (Subscriber<E> s : subscribers) {
            if (s.filter.test(event)) {
                s.queue.execute(() -> s.deliver(event));
            }
        }
    }

    /** True if anyone listens (lets a driver skip building events nobody wants). */
    public boolean hasSubscribers() {
        return !subscribers.isEmpty();
    }

    private static final class Subscriber<E> {
        final Predicate<? super E> filter;
        final Consumer<? super E> listener;
        final Executor queue;
        volatile boolean closed;

        Subscriber(Predicate<? super E> filter, Consumer<? super E> listener, Executor queue) {
            this.filter = filter;
            this.listener = listener;
            this.queue = queue;
        }

        void deliver(E event) {
            if (closed) {
                return;
            }
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                // A listener's failure is its own; the stream of events goes on.
                // Looked up only now: starting the logging system costs a short-lived process dearly.
                System.getLogger(EventDispatcher.class.getName())
                        .log(System.Logger.Level.WARNING, "event listener failed", e);
            }
        }
    }
}
