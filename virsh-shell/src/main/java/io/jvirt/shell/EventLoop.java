package io.jvirt.shell;

import io.jvirt.Subscription;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The waiting shared by virsh's event commands ({@code event}, {@code pool-event}): virsh's
 * vshEventStart, vshEventWait and vshEventDone with the commands' {@code --loop},
 * {@code --timeout} and {@code --timestamp} options. Listeners call {@link #deliver}.
 */
final class EventLoop {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final Shell shell;
    private final boolean loop;
    private final boolean timestamp;
    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicInteger count = new AtomicInteger();

    EventLoop(Invocation inv) {
        this.shell = inv.shell();
        this.loop = inv.bool("loop");
        this.timestamp = inv.bool("timestamp");
    }

    /** Prints one event's line, after a UTC timestamp with {@code --timestamp}; without {@code --loop}, only the first. */
    void deliver(String line) {
        synchronized (shell) {
            if (!loop && count.get() > 0) {
                return;
            }
            shell.print(timestamp ? ZonedDateTime.now(ZoneOffset.UTC).format(TIMESTAMP) + "+0000: " + line : line);
            shell.flush();
            count.incrementAndGet();
            if (!loop) {
                done.countDown();
            }
        }
    }

    /**
     * Waits for the first event (with {@code --loop}, for the timeout or an interrupt), then
     * closes {@code sub} (null: nothing was registered) and prints how the wait ended and the
     * count. True if an event came, as virsh's commands answer.
     */
    boolean await(Invocation inv, long timeoutMs, Subscription sub) {
        String outcome;
        try (Interrupts.Scope interrupt = Interrupts.onInterrupt(done::countDown)) {
            boolean finished = timeoutMs > 0 ? done.await(timeoutMs, TimeUnit.MILLISECONDS) : awaitForever();
            if (!finished) {
                outcome = "event loop timed out\n";
            } else if (interrupt.fired()) {
                outcome = "event loop interrupted\n";
            } else {
                outcome = null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = "event loop interrupted\n";
        } finally {
            if (sub != null) {
                sub.close();
            }
        }
        synchronized (shell) {
            if (outcome != null) {
                inv.print(outcome);
            }
            inv.print("events received: " + count.get() + "\n");
        }
        return count.get() > 0;
    }

    private boolean awaitForever() throws InterruptedException {
        done.await();
        return true;
    }

    /** vshCommandOptTimeoutToMs: {@code --timeout} seconds, at least 1, as milliseconds; 0 when absent. */
    static long timeout(Invocation inv) {
        Long seconds = inv.unsigned("timeout");
        if (seconds == null) {
            return 0;
        }
        if (seconds == 0 || seconds > Integer.MAX_VALUE / 1000) {
            throw Invocation.malformed(Long.toString(seconds), "timeout");
        }
        return seconds * 1000;
    }
}
