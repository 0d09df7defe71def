package io.jvirt.shell;

import static io.jvirt.shell.CommandSpec.cmd;
import static io.jvirt.shell.OptionSpec.bool;
import static io.jvirt.shell.OptionSpec.integer;
import static io.jvirt.shell.OptionSpec.string;

import io.jvirt.Domain;
import io.jvirt.DomainLifecycleEvent;
import io.jvirt.Subscription;
import java.util.List;
import java.util.function.Consumer;

/** virsh's "Domain Events" group: {@code event}, which waits for and prints domain events. */
final class DomainEventCommands {
    /** virsh's domain event names, in libvirt's order ({@code event --list}). */
    static final List<String> EVENT_NAMES = List.of("lifecycle", "reboot", "rtc-change", "watchdog",
            "io-error", "graphics", "io-error-reason", "control-error", "block-job", "disk-change",
            "tray-change", "pm-wakeup", "pm-suspend", "balloon-change", "pm-suspend-disk",
            "device-removed", "block-job-2", "tunable", "agent-lifecycle", "device-added",
            "migration-iteration", "job-completed", "device-removal-failed", "metadata-change",
            "block-threshold", "memory-failure", "memory-device-size-change");

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
        long timeoutMs = EventLoop.timeout(inv);
        Domain dom = inv.bool("domain") ? Lookups.domain(inv) : null;

        EventLoop events = new EventLoop(inv);
        Subscription sub = null;
        // Only lifecycle events exist in jvirt's API; the other types are registered in name
        // only and never fire, as with a libvirt driver that lacks them.
        if (eventName == null || eventName.equals("lifecycle")) {
            Consumer<DomainLifecycleEvent> listener = e -> events.deliver("event 'lifecycle' for domain '"
                    + e.domain().name() + "': " + e.type().label() + " " + e.detail().label() + "\n");
            sub = dom == null ? inv.conn().onDomainEvent(listener) : inv.conn().onDomainEvent(dom, listener);
        }
        return events.await(inv, timeoutMs, sub);
    }
}
