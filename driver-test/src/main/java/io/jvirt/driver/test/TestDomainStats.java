package io.jvirt.driver.test;

import io.jvirt.DomainStateInfo;
import io.jvirt.DomainStatsGroup;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code virsh domstats} on the test driver, as libvirt 9.0's testConnectGetAllDomainStats: its
 * workers cover the state and IOThread groups only. The IOThread worker reports the IOThreads
 * added while the domain runs (virDomainAddIOThread), never those of the XML; jvirt has no such
 * call, so the group is supported and always empty, as it is in libvirt for a domain no
 * IOThread was added to.
 */
final class TestDomainStats {
    static final Set<DomainStatsGroup> SUPPORTED = Collections.unmodifiableSet(
            EnumSet.of(DomainStatsGroup.STATE, DomainStatsGroup.IOTHREAD));

    private TestDomainStats() {
    }

    /** The record of {@code d}, locked by the caller, with the {@code groups} chosen from {@link #SUPPORTED}. */
    static Map<String, Object> of(TestDomain d, Set<DomainStatsGroup> groups) {
        Map<String, Object> stats = new LinkedHashMap<>();
        if (groups.contains(DomainStatsGroup.STATE)) {
            DomainStateInfo state = d.state();
            stats.put("state.state", (long) state.state().value());
            stats.put("state.reason", (long) state.reason().value());
        }
        return Collections.unmodifiableMap(stats);
    }
}
