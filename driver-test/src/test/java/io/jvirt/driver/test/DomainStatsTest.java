package io.jvirt.driver.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jvirt.Connection;
import io.jvirt.Domain;
import io.jvirt.DomainStatsFlag;
import io.jvirt.DomainStatsGroup;
import io.jvirt.DomainStatsRecord;
import io.jvirt.ErrorCode;
import io.jvirt.Virt;
import io.jvirt.VirtException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Domain statistics as libvirt 9.0's test driver answers virConnectGetAllDomainStats (virsh domstats). */
class DomainStatsTest {
    private Connection conn;

    @BeforeEach
    void open() {
        conn = Virt.open("test:///default?instance=" + UUID.randomUUID());
    }

    @AfterEach
    void close() {
        conn.close();
    }

    private static String names(List<DomainStatsRecord> records) {
        StringBuilder sb = new StringBuilder();
        records.forEach(r -> sb.append(r.domain().name()).append(' '));
        return sb.toString().trim();
    }

    @Test
    void everySupportedGroupWhenNoneIsAsked() {
        conn.defineDomain(Fixtures.DEMO);

        List<DomainStatsRecord> all = conn.allDomainStats(Set.of());

        assertEquals("demo test", names(all));
        assertEquals(Map.of("state.state", 5L, "state.reason", 0L), all.get(0).stats());
        assertEquals(List.of("state.state", "state.reason"), List.copyOf(all.get(1).stats().keySet()));
        assertEquals(1L, all.get(1).stats().get("state.state"));
        assertEquals(all.get(1).stats(), conn.lookupDomainByName("test").stats());
    }

    @Test
    void unsupportedGroupsAreLeftOutOrWithEnforceRefusedByTheirBits() {
        List<DomainStatsRecord> cpu = conn.allDomainStats(Set.of(DomainStatsGroup.CPU_TOTAL));
        assertEquals("test", names(cpu));
        assertEquals(Map.of(), cpu.get(0).stats());
        assertEquals(Map.of(), conn.allDomainStats(Set.of(DomainStatsGroup.IOTHREAD),
                DomainStatsFlag.ENFORCE_STATS).get(0).stats(), "iothread is supported, and empty");

        VirtException e = assertThrows(VirtException.class, () -> conn.allDomainStats(
                Set.of(DomainStatsGroup.STATE, DomainStatsGroup.CPU_TOTAL, DomainStatsGroup.VM),
                DomainStatsFlag.ENFORCE_STATS));
        assertEquals(ErrorCode.ARGUMENT_UNSUPPORTED, e.code());
        assertEquals("argument unsupported: Stats types bits 0x402 are not supported by this daemon", e.getMessage());
    }

    @Test
    void flagsFilterTheDomainsListedOrGiven() {
        Domain demo = conn.defineDomain(Fixtures.DEMO);
        Domain test = conn.lookupDomainByName("test");
        Set<DomainStatsGroup> state = Set.of(DomainStatsGroup.STATE);

        assertEquals("demo", names(conn.allDomainStats(state, DomainStatsFlag.INACTIVE)));
        assertEquals("test", names(conn.allDomainStats(state, DomainStatsFlag.RUNNING, DomainStatsFlag.PAUSED)));
        assertEquals("", names(conn.allDomainStats(state, DomainStatsFlag.TRANSIENT)));
        assertEquals("test demo test", names(conn.domainListStats(List.of(test, demo, test), state)));
        assertEquals("demo", names(conn.domainListStats(List.of(test, demo), state, DomainStatsFlag.SHUTOFF)));

        demo.undefine();
        assertEquals("test", names(conn.domainListStats(List.of(demo, test), state)), "a domain gone is skipped");
        assertThrows(VirtException.class, demo::stats);
    }

    @Test
    void theDomainListMustBeNonEmptyAndOfThisConnection() {
        VirtException empty = assertThrows(VirtException.class, () -> conn.domainListStats(List.of(), Set.of()));
        assertEquals(ErrorCode.INVALID_ARG, empty.code());
        try (Connection other = Virt.open("test:///default?instance=" + UUID.randomUUID())) {
            Domain foreign = other.lookupDomainByName("test");
            VirtException e = assertThrows(VirtException.class, () -> conn.domainListStats(List.of(foreign), Set.of()));
            assertEquals("invalid argument: domains in 'doms' array must belong to a single connection", e.getMessage());
        }
    }
}
