package io.jvirt;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The statistics of one domain, libvirt's {@code virDomainStatsRecord}: libvirt's keys in
 * libvirt's order ({@code state.state}, {@code cpu.time}, {@code block.0.rd.bytes}, ...), values
 * {@link Long} or {@link String}.
 *
 * @param domain the domain measured
 * @param stats  an unmodifiable map, in the driver's order
 * @since 0.1
 */
public record DomainStatsRecord(Domain domain, Map<String, Object> stats) {
    public DomainStatsRecord {
        Objects.requireNonNull(domain, "domain");
        stats = Collections.unmodifiableMap(new LinkedHashMap<>(stats));
    }
}
