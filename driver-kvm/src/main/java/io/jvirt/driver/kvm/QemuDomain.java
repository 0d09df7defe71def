package io.jvirt.driver.kvm;

import com.google.common.base.Throwables;
import io.jvirt.DomainState;
import io.jvirt.DomainStateInfo;
import io.jvirt.DomainStateReason;
import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import io.jvirt.spi.DomainRef;
import io.jvirt.xml.DomainDef;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One domain of a {@link QemuHost}. Guarded by its own monitor ({@code synchronized (domain)});
 * name and UUID never change (a rename would be a new object in the registry).
 */
final class QemuDomain {
    /** libvirt's QEMU_JOB_WAIT_TIME: how long a change waits for an async job. */
    static final Duration JOB_WAIT = Duration.ofSeconds(30);
    final String name;
    final UUID uuid;
    private final DomainRef ref;

    /** The definition written in DIR/etc/qemu, once parsed; see {@link #persistentDef()}. */
    private DomainDef persistentDef;
    /** A persistent definition not parsed yet: how to parse it, and its facts meanwhile. */
    private Supplier<DomainDef> pendingDef;
    private DomainFacts pendingFacts;
    /** While active: the definition the running QEMU was built from. */
    QemuRun run;
    DomainStateInfo state = DomainStateInfo.of(DomainStateReason.Shutoff.UNKNOWN);
    boolean autostart;
    /** Set once the domain left the registry; a caller holding it looks it up again. */
    boolean removed;
    /**
     * The long job under way, as libvirt's async jobs (e.g. "save"): it lets go of the lock while
     * QEMU works, so that queries go on, and changes wait for it (see {@link #awaitNoAsyncJob}).
     */
    String asyncJob;

    /**
     * Events in the order the domain's changes made them: filled under the domain's lock,
     * emptied into the dispatcher by {@link QemuHost#flush} after it is released.
     */
    final java.util.Queue<io.jvirt.spi.DriverDomainEvent> outbox =
            new java.util.concurrent.ConcurrentLinkedQueue<>();

    QemuDomain(String name, UUID uuid) {
        this.name = name;
        this.uuid = uuid;
        this.ref = new DomainRef(name, uuid);
    }

    /** What a long job runs while the lock is let go (see {@link #runAsyncJob}). */
    interface AsyncWork {
        void run() throws IOException;
    }

    /**
     * With the lock held: runs {@code work} on a thread of its own as async job {@code job} and
     * lets go of the lock until it ends, so that queries (state, dominfo, XML) go on meanwhile and
     * changes wait; then rethrows what it threw. The caller holds the lock again on return.
     */
    void runAsyncJob(String job, AsyncWork work) throws IOException {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                work.run();
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            } finally {
                synchronized (this) {
                    notifyAll();
                }
            }
        }, "qemu-" + job + " " + name);
        worker.setDaemon(true);
        asyncJob = job;
        boolean interrupted = false;
        try {
            worker.start();
            while (!done.isDone()) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true; // the job can't be left half done: wait on, then say so
                }
            }
        } finally {
            asyncJob = null;
            notifyAll();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            done.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            Throwables.throwIfUnchecked(cause);
            throw new IllegalStateException(cause);
        }
    }

    /**
     * With the lock held: waits, letting go of the lock, until no async job runs; after libvirt's
     * 30 s (QEMU_JOB_WAIT_TIME) gives up as libvirt does.
     */
    void awaitNoAsyncJob() {
        long deadline = System.nanoTime() + JOB_WAIT.toNanos();
        boolean interrupted = false;
        try {
            while (asyncJob != null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new VirtException(ErrorCode.OPERATION_TIMEOUT, ErrorDomain.QEMU,
                            "cannot acquire state change lock (held by async job '" + asyncJob + "')");
                }
                try {
                    wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    DomainRef ref() {
        return ref;
    }

    boolean isActive() {
        return run != null;
    }

    boolean isPersistent() {
        return persistentDef != null || pendingDef != null;
    }

    /** The definition written in DIR/etc/qemu, parsed now if it was not yet; null for a transient domain. */
    DomainDef persistentDef() {
        if (pendingDef != null) {
            persistentDef = pendingDef.get();
            pendingDef = null;
            pendingFacts = null;
        }
        return persistentDef;
    }

    /** A new persistent definition, or none (null): the domain became transient. */
    void setPersistentDef(DomainDef def) {
        persistentDef = def;
        pendingDef = null;
        pendingFacts = null;
    }

    /** A persistent definition known by its facts, parsed by {@code source} on first need. */
    void setPersistentDef(DomainFacts facts, Supplier<DomainDef> source) {
        persistentDef = null;
        pendingDef = source;
        pendingFacts = facts;
    }

    DomainState stateKind() {
        return state.state();
    }

    int id() {
        return run == null ? -1 : run.id;
    }

    /** The definition that describes the domain now: the live one while active. */
    DomainDef currentDef() {
        return run != null ? run.def() : persistentDef();
    }

    /** The facts of {@link #currentDef()}, without parsing it if it wasn't yet. */
    DomainFacts currentFacts() {
        if (run != null) {
            return run.facts();
        }
        return pendingDef != null ? pendingFacts : DomainFacts.of(persistentDef);
    }
}
