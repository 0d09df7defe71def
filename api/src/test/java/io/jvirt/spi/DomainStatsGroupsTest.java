package io.jvirt.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jvirt.DomainStatsFlag;
import io.jvirt.DomainStatsGroup;
import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.ListDomainsFlag;
import io.jvirt.VirtException;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The stats groups a driver reports, as libvirt's qemuDomainGetStatsCheckSupport chooses them. */
class DomainStatsGroupsTest {
    private static final Set<DomainStatsGroup> STATE_AND_BLOCK = Set.of(DomainStatsGroup.STATE, DomainStatsGroup.BLOCK);

    @Test
    void noGroupAskedMeansEverySupportedOne() {
        assertEquals(STATE_AND_BLOCK, DomainStatsGroups.select(Set.of(), STATE_AND_BLOCK, Set.of(), ErrorDomain.QEMU));
        assertEquals(Set.of(), DomainStatsGroups.select(Set.of(), Set.of(), Set.of(), ErrorDomain.QEMU));
    }

    @Test
    void unsupportedGroupsAreDroppedOrWithEnforceRefused() {
        Set<DomainStatsGroup> asked = Set.of(DomainStatsGroup.BLOCK, DomainStatsGroup.VCPU, DomainStatsGroup.VM);
        assertEquals(Set.of(DomainStatsGroup.BLOCK),
                DomainStatsGroups.select(asked, STATE_AND_BLOCK, Set.of(), ErrorDomain.QEMU));
        VirtException e = assertThrows(VirtException.class, () -> DomainStatsGroups.select(asked, STATE_AND_BLOCK,
                Set.of(DomainStatsFlag.ENFORCE_STATS), ErrorDomain.QEMU));
        assertEquals(ErrorCode.ARGUMENT_UNSUPPORTED, e.code());
        assertEquals("argument unsupported: Stats types bits 0x408 are not supported by this daemon", e.getMessage());
    }

    @Test
    void theListFiltersAreListDomainsFlagsAndTheRestIsNot() {
        assertEquals(Set.of(ListDomainsFlag.RUNNING, ListDomainsFlag.PERSISTENT), DomainStatsGroups.listFilters(
                Set.of(DomainStatsFlag.RUNNING, DomainStatsFlag.PERSISTENT, DomainStatsFlag.BACKING,
                        DomainStatsFlag.ENFORCE_STATS)));
    }
}
