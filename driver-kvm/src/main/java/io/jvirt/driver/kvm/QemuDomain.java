package io.jvirt.driver.kvm;

import io.jvirt.DomainState;
import io.jvirt.DomainStateInfo;
import io.jvirt.DomainStateReason;
import io.jvirt.spi.DomainRef;
import io.jvirt.xml.DomainDef;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One domain of a {@link QemuHost}. Guarded by its own monitor ({@code synchronized (domain)});
 * name and UUID never change (a rename would be a new object in the registry).
 */
final class QemuDomain {
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
