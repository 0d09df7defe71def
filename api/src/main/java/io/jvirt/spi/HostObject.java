package io.jvirt.spi;

import java.util.Set;
import java.util.UUID;

/**
 * What a host's networks and storage pools have in common in every driver, as libvirt's
 * virNetworkObj and virStoragePoolObj: identity, the active/persistent/autostart flags, and
 * whether the object has left its registry (handles to it then get "not found"). Guarded by its
 * monitor: callers hold it while they read or change the flags.
 */
public abstract class HostObject {
    private final String name;
    private final UUID uuid;
    private boolean active;
    private boolean persistent;
    private boolean autostart;
    private boolean removed;

    protected HostObject(String name, UUID uuid, boolean persistent) {
        this.name = name;
        this.uuid = uuid;
        this.persistent = persistent;
    }

    public final String name() {
        return name;
    }

    public final UUID uuid() {
        return uuid;
    }

    public final boolean isActive() {
        return active;
    }

    public final void setActive(boolean active) {
        this.active = active;
    }

    public final boolean isPersistent() {
        return persistent;
    }

    public final void setPersistent(boolean persistent) {
        this.persistent = persistent;
    }

    public final boolean autostart() {
        return autostart;
    }

    public final void setAutostart(boolean autostart) {
        this.autostart = autostart;
    }

    public final boolean isRemoved() {
        return removed;
    }

    public final void markRemoved() {
        removed = true;
    }

    /**
     * Whether this object passes a listing's filter, as libvirt's virNetworkObjListExport and
     * virStoragePoolObjListExport filter: each pair of flags (active/inactive, persistent/transient,
     * autostart/no-autostart) keeps objects of either kind it names, and all when it names neither.
     */
    public final <F> boolean matches(Set<F> flags, F active, F inactive, F persistent, F transient_,
            F autostart, F noAutostart) {
        return pair(flags, active, inactive, this.active)
                && pair(flags, persistent, transient_, this.persistent)
                && pair(flags, autostart, noAutostart, this.autostart);
    }

    /** One pair of a listing's filter: {@code yes} keeps true values, {@code no} false ones, neither all. */
    public static <F> boolean pair(Set<F> flags, F yes, F no, boolean value) {
        boolean hasYes = flags.contains(yes);
        boolean hasNo = flags.contains(no);
        return (!hasYes && !hasNo) || (hasYes && value) || (hasNo && !value);
    }
}
