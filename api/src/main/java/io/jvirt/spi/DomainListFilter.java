package io.jvirt.spi;

import io.jvirt.DomainState;
import io.jvirt.ListDomainsFlag;
import java.util.Set;

/**
 * libvirt's {@code virConnectListAllDomains} filter semantics, shared by drivers: flags of one
 * group (active/inactive, persistent/transient, state, managed save, autostart, snapshot,
 * checkpoint) are ORed; a group with no flag set passes everything; groups are ANDed.
 */
public final class DomainListFilter {
    private DomainListFilter() {
    }

    /** What the filter looks at, for one domain. */
    public record Facts(DomainState state, boolean persistent, boolean managedSave,
            boolean autostart, boolean snapshots, boolean checkpoints) {
    }

    /** True if a domain with {@code facts} passes {@code flags}. */
    public static boolean matches(Set<ListDomainsFlag> flags, Facts facts) {
        if (flags.isEmpty()) {
            return true;
        }
        boolean active = facts.state() != DomainState.SHUTOFF;
        return group(flags, ListDomainsFlag.ACTIVE, active, ListDomainsFlag.INACTIVE, !active)
                && group(flags, ListDomainsFlag.PERSISTENT, facts.persistent(),
                        ListDomainsFlag.TRANSIENT, !facts.persistent())
                && stateGroup(flags, facts.state())
                && group(flags, ListDomainsFlag.MANAGEDSAVE, facts.managedSave(),
                        ListDomainsFlag.NO_MANAGEDSAVE, !facts.managedSave())
                && group(flags, ListDomainsFlag.AUTOSTART, facts.autostart(),
                        ListDomainsFlag.NO_AUTOSTART, !facts.autostart())
                && group(flags, ListDomainsFlag.HAS_SNAPSHOT, facts.snapshots(),
                        ListDomainsFlag.NO_SNAPSHOT, !facts.snapshots())
                && group(flags, ListDomainsFlag.HAS_CHECKPOINT, facts.checkpoints(),
                        ListDomainsFlag.NO_CHECKPOINT, !facts.checkpoints());
    }

    private static boolean group(Set<ListDomainsFlag> flags, ListDomainsFlag a, boolean isA,
            ListDomainsFlag b, boolean isB) {
        boolean hasA = flags.contains(a);
        boolean hasB = flags.contains(b);
        if (!hasA && !hasB) {
            return true;
        }
        return (hasA && isA) || (hasB && isB);
    }

    private static boolean stateGroup(Set<ListDomainsFlag> flags, DomainState state) {
        boolean running = flags.contains(ListDomainsFlag.RUNNING);
        boolean paused = flags.contains(ListDomainsFlag.PAUSED);
        boolean shutoff = flags.contains(ListDomainsFlag.SHUTOFF);
        boolean other = flags.contains(ListDomainsFlag.OTHER);
        if (!running && !paused && !shutoff && !other) {
            return true;
        }
        return switch (state) {
            case RUNNING -> running;
            case PAUSED -> paused;
            case SHUTOFF -> shutoff;
            default -> other;
        };
    }
}
