package io.jvirt;

/**
 * A snapshot of a domain's resources, libvirt's {@code virDomainInfo}.
 *
 * @param state      the domain's state
 * @param maxMemory  the most memory the guest may have, in KiB
 * @param memory     the memory the guest has now, in KiB
 * @param vcpus      the number of virtual CPUs
 * @param cpuTimeNs  CPU time used, in nanoseconds
 */
public record DomainInfo(DomainState state, long maxMemory, long memory, int vcpus, long cpuTimeNs) {
}
