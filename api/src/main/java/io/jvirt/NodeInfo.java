package io.jvirt;

/**
 * The host's processors and memory, libvirt's {@code virNodeInfo}.
 *
 * @param model   the CPU model ("x86_64")
 * @param memory  memory size in KiB
 * @param cpus    number of active logical CPUs
 * @param mhz     expected CPU frequency in MHz
 * @param nodes   number of NUMA cells
 * @param sockets CPU sockets per NUMA cell
 * @param cores   cores per socket
 * @param threads threads per core
 */
public record NodeInfo(String model, long memory, int cpus, int mhz, int nodes, int sockets,
        int cores, int threads) {
}
