package io.jvirt.shell;

import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.utils.Signals;

/**
 * Ctrl-C while a command waits ({@code event}): virsh catches SIGINT to end the wait rather
 * than the program. JLine's {@link Signals} reaches the JVM's signal handling without a
 * compile-time tie to {@code sun.misc}; where signals cannot be handled the wait simply cannot
 * be interrupted.
 */
final class Interrupts {
    private Interrupts() {
    }

    /** An installed handler; closing it restores the previous one. */
    interface Scope extends AutoCloseable {
        /** True once Ctrl-C was pressed. */
        boolean fired();

        @Override
        void close();
    }

    static Scope onInterrupt(Runnable action) {
        AtomicBoolean fired = new AtomicBoolean();
        Object previous = Signals.register("INT", () -> {
            fired.set(true);
            action.run();
        });
        return new Scope() {
            @Override
            public boolean fired() {
                return fired.get();
            }

            @Override
            public void close() {
                Signals.unregister("INT", previous);
            }
        };
    }
}
