package io.jvirt.shell;

import static io.jvirt.shell.CommandSpec.cmd;
import static io.jvirt.shell.OptionSpec.bool;
import static io.jvirt.shell.OptionSpec.integer;
import static io.jvirt.shell.OptionSpec.string;

import io.jvirt.StoragePool;
import io.jvirt.StoragePoolLifecycleEvent;
import io.jvirt.Subscription;
import java.util.List;
import java.util.function.Consumer;

/** virsh's {@code pool-event}: waits for and prints storage pool events. */
final class PoolEventCommand {
    /** virsh's storage pool event names, in libvirt's order ({@code pool-event --list}). */
    static final List<String> EVENT_NAMES = List.of("lifecycle", "refresh");

    private PoolEventCommand() {
    }

    static CommandSpec spec() {
        return cmd("pool-event", "Storage Pool Events",
                "List event types, or wait for storage pool events to occur",
                PoolEventCommand::run,
                string("pool", "filter by storage pool name or uuid", Completion.POOL),
                string("event", "which event type to wait for", Completion.POOL_EVENT_NAME),
                bool("loop", "loop until timeout or interrupt, rather than one-shot"),
                integer("timeout", "timeout seconds"),
                bool("list", "list valid event types"),
                bool("timestamp", "show timestamp for each printed event"));
    }

    static boolean run(Invocation inv) {
        if (inv.bool("list")) {
            for (String name : EVENT_NAMES) {
                inv.print(name + "\n");
            }
            return true;
        }
        String eventName = inv.string("event");
        if (eventName == null) {
            throw CommandFailure.of("either --list or --event <type> is required");
        }
        if (!EVENT_NAMES.contains(eventName)) {
            throw CommandFailure.of("unknown event type " + eventName);
        }
        EventLoop events = new EventLoop(inv);
        long timeoutMs = EventLoop.timeout(inv);
        StoragePool pool = inv.bool("pool") ? poolOrAll(inv) : null;
        Subscription sub = null;
        // jvirt's API has lifecycle events only: "refresh" is registered in name and never fires.
        if (eventName.equals("lifecycle")) {
            Consumer<StoragePoolLifecycleEvent> listener = e -> {
                // libvirt filters by pool when registering; jvirt's API has one listener for all pools.
                if (pool == null || pool.uuid().equals(e.pool().uuid())) {
                    events.deliver("event 'lifecycle' for storage pool " + e.pool().name() + ": "
                            + e.type().label() + "\n");
                }
            };
            sub = inv.conn().onStoragePoolEvent(listener);
        }
        return events.await(inv, timeoutMs, sub);
    }

    /**
     * The {@code --pool} filter. As virsh, a pool that cannot be found is reported and the wait
     * goes on for every pool; the library error is printed only if the command then fails.
     */
    private static StoragePool poolOrAll(Invocation inv) {
        try {
            return Lookups.pool(inv, "pool");
        } catch (CommandFailure f) {
            inv.shell().error(f.getMessage());
            inv.shell().setLastError(f.libvirtError());
            return null;
        }
    }
}
