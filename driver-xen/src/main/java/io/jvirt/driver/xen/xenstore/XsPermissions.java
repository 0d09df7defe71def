package io.jvirt.driver.xen.xenstore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * A node's permission list as xenstored keeps it: the entries, plus for each the
 * {@code XS_PERM_IGNORE} mark that disables an entry naming a domain that no longer exists
 * (or did not exist when the entry was written), so that a new domain reusing the domid does
 * not inherit access. Immutable.
 */
final class XsPermissions {
    static final int READ = 1;
    static final int WRITE = 2;
    static final int OWNER = 8;
    static final int ALL = READ | WRITE | OWNER;

    /** What a fresh store and the special watch paths start with: owned by Dom0, no access. */
    static final XsPermissions DOM0_ONLY = of(List.of(new XsPermission(XsPermission.Access.NONE, 0)));

    private final XsPermission[] entries;
    private final boolean[] ignored;

    private XsPermissions(XsPermission[] entries, boolean[] ignored) {
        this.entries = entries;
        this.ignored = ignored;
    }

    static XsPermissions of(List<XsPermission> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a permission list needs an owner");
        }
        XsPermission[] e = entries.toArray(new XsPermission[0]);
        return new XsPermissions(e, new boolean[e.length]);
    }

    int size() {
        return entries.length;
    }

    int owner() {
        return entries[0].domid();
    }

    List<XsPermission> entries() {
        return List.of(entries);
    }

    boolean ignored(int i) {
        return ignored[i];
    }

    /**
     * What a connection may do ({@code perm_for_conn}): privileged connections, the owner and a
     * domain whose target owns the node get everything; otherwise the first live later entry
     * naming the domain (or its target) decides; otherwise the owner entry's letter applies.
     */
    int accessFor(int domid, boolean unprivileged, Integer targetDomid) {
        if (!unprivileged || entries[0].domid() == domid
                || (targetDomid != null && entries[0].domid() == targetDomid)) {
            return ALL;
        }
        for (int i = 1; i < entries.length; i++) {
            int id = entries[i].domid();
            if (!ignored[i] && (id == domid || (targetDomid != null && id == targetDomid))) {
                return entries[i].access().bits;
            }
        }
        return entries[0].access().bits;
    }

    /** Marks the non-owner entries {@code dead} selects as ignored; this if nothing changes. */
    XsPermissions ignoring(IntPredicate dead) {
        return ignoring(dead, 1);
    }

    /** Like {@link #ignoring(IntPredicate)} but the owner entry may be marked too. */
    XsPermissions ignoringAll(IntPredicate dead) {
        return ignoring(dead, 0);
    }

    private XsPermissions ignoring(IntPredicate dead, int from) {
        boolean[] next = null;
        for (int i = from; i < entries.length; i++) {
            if (!ignored[i] && dead.test(entries[i].domid())) {
                if (next == null) {
                    next = ignored.clone();
                }
                next[i] = true;
            }
        }
        return next == null ? this : new XsPermissions(entries, next);
    }

    /** Same list, owner replaced (what an unprivileged creator does to inherited permissions). */
    XsPermissions withOwner(int domid) {
        if (entries[0].domid() == domid) {
            return this;
        }
        XsPermission[] e = entries.clone();
        e[0] = new XsPermission(e[0].access(), domid);
        return new XsPermissions(e, ignored);
    }

    /**
     * The list with a vanished domain removed ({@code remove_domid_from_perm}): as owner it is
     * replaced by {@code newOwner}, later entries naming it are dropped.
     */
    XsPermissions withoutDomain(int domid, int newOwner) {
        List<XsPermission> e = new ArrayList<>();
        List<Boolean> ig = new ArrayList<>();
        e.add(entries[0].domid() == domid ? new XsPermission(entries[0].access(), newOwner) : entries[0]);
        ig.add(ignored[0]);
        for (int i = 1; i < entries.length; i++) {
            if (entries[i].domid() != domid) {
                e.add(entries[i]);
                ig.add(ignored[i]);
            }
        }
        boolean[] flags = new boolean[e.size()];
        for (int i = 0; i < flags.length; i++) {
            flags[i] = ig.get(i);
        }
        return new XsPermissions(e.toArray(new XsPermission[0]), flags);
    }

    /** GET_PERMS payload: each entry and a NUL (ignored entries are listed too, as in C). */
    byte[] toWire() {
        List<String> s = new ArrayList<>(entries.length);
        for (XsPermission p : entries) {
            s.add(p.toString());
        }
        return XsPayload.join(s);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof XsPermissions p && Arrays.equals(entries, p.entries)
                && Arrays.equals(ignored, p.ignored);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(entries) * 31 + Arrays.hashCode(ignored);
    }

    @Override
    public String toString() {
        return Arrays.toString(entries);
    }
}
