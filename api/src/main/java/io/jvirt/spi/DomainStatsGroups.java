package io.jvirt.spi;

import io.jvirt.DomainState;
import io.jvirt.DomainStatsFlag;
import io.jvirt.DomainStatsGroup;
import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.Flag;
import io.jvirt.ListDomainsFlag;
import io.jvirt.VirtException;
import java.util.EnumSet;
import java.util.Set;

/**
 * What drivers share for {@code virConnectGetAllDomainStats}: which of the requested groups to
 * report (as libvirt's qemuDomainGetStatsCheckSupport and its test driver's copy) and the
 * domain filters of the flags.
 */
public final class DomainStatsGroups {
    private DomainStatsGroups() {
    }

    /**
     * The groups to report: all of {@code supported} when none was asked for, else the asked-for
     * ones the driver supports; with {@link DomainStatsFlag#ENFORCE_STATS} an unsupported group
     * is an {@link ErrorCode#ARGUMENT_UNSUPPORTED} error naming the groups' bits.
     */
    public static Set<DomainStatsGroup> select(Set<DomainStatsGroup> requested, Set<DomainStatsGroup> supported,
            Set<DomainStatsFlag> flags, ErrorDomain from) {
        // EnumSet.copyOf would refuse an empty set that is not an EnumSet.
        EnumSet<DomainStatsGroup> chosen = EnumSet.noneOf(DomainStatsGroup.class);
        if (requested.isEmpty()) {
            chosen.addAll(supported);
            return chosen;
        }
        EnumSet<DomainStatsGroup> missing = EnumSet.noneOf(DomainStatsGroup.class);
        missing.addAll(requested);
        missing.removeAll(supported);
        if (!missing.isEmpty() && flags.contains(DomainStatsFlag.ENFORCE_STATS)) {
            throw new VirtException(ErrorCode.ARGUMENT_UNSUPPORTED, from, "Stats types bits 0x"
                    + Integer.toHexString(Flag.mask(missing)) + " are not supported by this daemon");
        }
        chosen.addAll(requested);
        chosen.retainAll(supported);
        return chosen;
    }

    /** The flags' domain filters, which are {@link ListDomainsFlag}'s with the same bits. */
    public static Set<ListDomainsFlag> listFilters(Set<DomainStatsFlag> flags) {
        EnumSet<ListDomainsFlag> filters = EnumSet.noneOf(ListDomainsFlag.class);
        for (DomainStatsFlag f : flags) {
            if (f.compareTo(DomainStatsFlag.OTHER) <= 0) {
                filters.add(ListDomainsFlag.valueOf(f.name()));
            }
        }
        return filters;
    }

    /** True if a domain in {@code state}, persistent or not, passes the flags' filters. */
    public static boolean passes(Set<DomainStatsFlag> flags, DomainState state, boolean persistent) {
        return DomainListFilter.matches(listFilters(flags),
                new DomainListFilter.Facts(state, persistent, false, false, false, false));
    }
}
