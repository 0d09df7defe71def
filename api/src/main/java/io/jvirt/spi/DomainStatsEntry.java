package io.jvirt.spi;

import java.util.Map;

/** One domain's statistics as they cross the SPI; the API layer turns it into a {@code DomainStatsRecord}. */
public record DomainStatsEntry(DomainRef domain, Map<String, Object> stats) {
}
