package io.jvirt.capacity;

import io.jvirt.Domain;
import io.jvirt.DomainInfo;
import io.jvirt.ErrorCode;
import io.jvirt.VirtException;
import io.jvirt.xml.DomainDef;
import io.jvirt.xml.LibvirtXml;
import io.jvirt.xml.Units;

/**
 * What one domain asks of its host: the vCPUs it runs (the current count) and the memory it
 * may hold (its maximum, {@code <memory>}: a guest can balloon up to it).
 */
record DomainDemand(String name, long vcpus, long memoryBytes, boolean active) {

    /** A defined or running domain, from libvirt's domain info; null if it vanished meanwhile. */
    static DomainDemand of(Domain d) {
        try {
            DomainInfo info = d.info();
            return new DomainDemand(d.name(), info.vcpus(), Totals.times("memory", info.maxMemory(), Units.KIB),
                    info.state().isActive());
        } catch (VirtException e) {
            if (e.code() == ErrorCode.NO_DOMAIN) {
                return null;
            }
            throw e;
        }
    }

    /** A domain about to be created or started, from its XML; null if the XML does not parse or names none. */
    static DomainDemand of(String xml) {
        try {
            DomainDef def = LibvirtXml.parseDomain(xml);
            if (def.getName() == null) {
                return null;
            }
            long vcpus = def.getVcpuCount();
            String current = def.getVcpu() == null ? null : def.getVcpu().getCurrent();
            if (current != null && current.strip().matches("[0-9]{1,9}")) {
                vcpus = Math.min(vcpus, Long.parseLong(current.strip()));
            }
            long kib = def.getMemoryKiB() > 0 ? def.getMemoryKiB() : def.getCurrentMemoryKiB();
            return new DomainDemand(def.getName(), vcpus, Totals.times("memory", kib, Units.KIB), false);
        } catch (VirtException e) {
            return null;
        }
    }
}
