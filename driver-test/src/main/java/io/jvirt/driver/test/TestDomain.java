package io.jvirt.driver.test;

import io.jvirt.DomainState;
import io.jvirt.DomainStateInfo;
import io.jvirt.DomainStateReason;
import io.jvirt.spi.DomainRef;
import java.util.UUID;

/**
 * One domain of a test host, as libvirt's {@code virDomainObj}: the running (or only)
 * definition, the persistent definition pending while it runs, state, reason, id and flags.
 * Guarded by its own monitor; the driver takes it for every read-modify-write.
 *
 * <p>libvirt copies the definition when a domain starts so that live changes don't touch the
 * persistent one. We share the object instead and copy on the first write to either side,
 * which keeps start/stop cheap.
 */
final class TestDomain {
    private final UUID uuid;
    private final String name;
    private final DomainRef ref;
    /** The live definition while running, the persistent one otherwise. */
    private DomainConfig def;
    /** While running and persistent: the persistent definition (may be the same object as def). */
    private DomainConfig newDef;
    private boolean persistent;
    private DomainStateInfo state = DomainStateInfo.of(DomainStateReason.Shutoff.UNKNOWN);
    private int id = -1;
    private boolean autostart;
    private boolean hasManagedSave;
    /** Set once the domain left the host's registry; handles then get NO_DOMAIN. */
    private boolean removed;

    TestDomain(DomainConfig def) {
        this.def = def;
        this.uuid = def.uuid();
        this.name = def.name();
        this.ref = new DomainRef(name, uuid);
    }

    UUID uuid() {
        return uuid;
    }

    String name() {
        return name;
    }

    DomainRef ref() {
        return ref;
    }

    // ---- everything below: call with the monitor held ----

    DomainConfig def() {
        return def;
    }

    /** The persistent definition: pending one while running, else the only one; null if transient. */
    DomainConfig persistentDef() {
        if (!persistent) {
            return null;
        }
        return newDef != null ? newDef : def;
    }

    /** The live definition for writing, detached from the persistent one first. */
    DomainConfig liveDefForWrite() {
        if (newDef == def) {
            def = def.copy();
        }
        return def;
    }

    /** The persistent definition for writing, detached from the live one first. */
    DomainConfig persistentDefForWrite() {
        if (newDef != null) {
            if (newDef == def) {
                newDef = def.copy();
            }
            return newDef;
        }
        return persistent ? def : null;
    }

    /**
     * A new definition, as libvirt's virDomainObjAssignDef: a running domain gets it as its
     * pending persistent config; a stopped one about to run ({@code live}) keeps its persistent
     * config aside and runs the new one; otherwise it simply replaces the definition.
     */
    void assignDef(DomainConfig replacement, boolean live) {
        if (isActive()) {
            newDef = replacement;
        } else if (live) {
            if (newDef == null) {
                newDef = def;
            }
            def = replacement;
        } else {
            def = replacement;
        }
    }

    boolean isActive() {
        return state.state() != DomainState.SHUTOFF;
    }

    DomainStateInfo state() {
        return state;
    }

    void setState(DomainStateReason reason) {
        this.state = DomainStateInfo.of(reason);
    }

    int id() {
        return id;
    }

    /** Running now with {@code newId}: libvirt's testDomainStartState. */
    void started(int newId, DomainStateReason reason) {
        state = DomainStateInfo.of(reason);
        id = newId;
        if (persistent && newDef == null) {
            newDef = def; // shared until one side is written
        }
        hasManagedSave = false;
    }

    /** Shut off with {@code reason}: libvirt's testDomainShutdownState. */
    void stopped(DomainStateReason reason) {
        if (newDef != null) {
            def = newDef;
            newDef = null;
        }
        state = DomainStateInfo.of(reason);
        id = -1;
    }

    boolean isPersistent() {
        return persistent;
    }

    void setPersistent(boolean persistent) {
        this.persistent = persistent;
        if (!persistent) {
            newDef = null;
        }
    }

    boolean autostart() {
        return autostart;
    }

    void setAutostart(boolean autostart) {
        this.autostart = autostart;
    }

    boolean hasManagedSave() {
        return hasManagedSave;
    }

    void setHasManagedSave(boolean hasManagedSave) {
        this.hasManagedSave = hasManagedSave;
    }

    boolean isRemoved() {
        return removed;
    }

    void markRemoved() {
        removed = true;
    }
}
