package io.jvirt.shell;

import static io.jvirt.shell.CommandSpec.cmd;
import static io.jvirt.shell.OptionSpec.bool;
import static io.jvirt.shell.OptionSpec.integer;
import static io.jvirt.shell.OptionSpec.string;

import io.jvirt.Domain;
import io.jvirt.DomainLifecycleEvent;
import io.jvirt.Subscription;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** virsh's "Domain Events" group: {@code event}, which waits for and prints domain events. */
final class DomainEventCommands {
    /** virsh's domain event names, in libvirt's order ({@code event --list}). */
    static final List<String> EVENT_NAMES = List.of("lifecycle", "reboot", "rtc-change", "watchdog",
            "io-error", "graphics", "io-error-reason", "control-error", "block-job", "disk-change",
            "tray-change", "pm-wakeup", "pm-suspend", "balloon-change", "pm-suspend-disk",
            "device-removed", "block-job-2", "tunable", "agent-lifecycle", "device-added",
            "migration-iteration", "job-completed", "device-removal-failed", "metadata-change",
            "block-threshold", "memory-failure", "memory-device-size-change");

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private DomainEventCommands() {
    }

    static List<CommandSpec> commands() {
        return List.of(
        cmd("event", "Domain Events",
                "List event types, or wait for domain events to occur",
                DomainEventCommands::event,
                string("domain", "filter by domain name, id or uuid", Completion.DOMAIN),
                string("event", "which event type to wait for", Completion.EVENT_NAME),
                bool("all", "wait for all events instead of just one type"),
                bool("loop", "loop until timeout or interrupt, rather than one-shot"),
                integer("timeout", "timeout seconds"),
                bool("list", "list valid event types"),
                bool("timestamp", "show timestamp for each printed event")));
    }

    static boolean event(Invocation inv) {
        boolean all = inv.bool("all");
        boolean loop = inv.bool("loop");
        boolean timestamp = inv.bool("timestamp");
        inv.exclusive("all", "event");
        inv.exclusive("list", "all");
        inv.exclusive("list", "event");
        if (inv.bool("list")) {
            for (String name : EVENT_NAMES) {
                inv.print(name + "\n");
            }
            return true;
        }
        String eventName = inv.string("event");
        if (eventName == null && !all) {
            throw CommandFailure.of("one of --list, --all, or --event <type> is required");
        }
        if (eventName != null && !EVENT_NAMES.contains(eventName)) {
            throw CommandFailure.of("unknown event type " + eventName);
        }
        long timeoutMs = timeout(inv);
        Domain dom = inv.bool("domain") ? Lookups.domain(inv) : null;

        Shell shell = inv.shell();
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger count = new AtomicInteger();
        Subscription sub = null;
        // Only lifecycle events exist in jvirt's API; the other types are registered in name
        // only and never fire, as with a libvirt driver that lacks them.
        if (eventName == null || eventName.equals("lifecycle")) {
            java.util.function.Consumer<DomainLifecycleEvent> listener = e -> {
                synchronized (shell) {
                    if (!loop && count.get() > 0) {
                        return;
                    }
                    String line = "event 'lifecycle' for domain '" + e.domain().name() + "': "
                            + e.type().label() + " " + e.detail().label() + "\n";
                    if (timestamp) {
                        line = ZonedDateTime.now(ZoneOffset.UTC).format(TIMESTAMP) + "+0000: " + line;
                    }
                    shell.print(line);
                    shell.flush();
                    count.incrementAndGet();
                    if (!loop) {
                        done.countDown();
                    }
                }
            };
            sub = dom == null ? inv.conn().onDomainEvent(listener) : inv.conn().onDomainEvent(dom, listener);
        }
        String outcome;
        try (Interrupts.Scope interrupt = Interrupts.onInterrupt(done::countDown)) {
            boolean finished = timeoutMs > 0 ? done.await(timeoutMs, TimeUnit.MILLISECONDS) : awaitForever(done);
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

    private static boolean awaitForever(CountDownLatch latch) throws InterruptedException {
        latch.await();
        return true;
    }

    /** vshCommandOptTimeoutToMs: seconds, at least 1, as milliseconds; 0 when absent. */
    private static long timeout(Invocation inv) {
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
