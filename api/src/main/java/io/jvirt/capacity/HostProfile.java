package io.jvirt.capacity;

import java.util.List;
import java.util.Locale;

/**
 * The rules a plan follows (how many vCPUs share a logical processor, the memory overhead of
 * each VM and the memory the host keeps for itself, NIC speed) and the ceilings of one
 * hypervisor, which a plan must stay under.
 *
 * <pre>{@code
 * HostProfile p = HostProfile.named("xen-4.17")     // or HostProfile.XEN_4_17
 *         .withVcpusPerLogicalProcessor(4)          // every number can be overridden
 *         .withReserveBytes(1L << 30);
 * }</pre>
 *
 * <p>Profiles shipped (a ceiling not listed is {@link #UNLIMITED}):
 * <table>
 * <caption>Shipped profiles</caption>
 * <tr><th>name</th><th>vCPUs per logical processor (plan)</th><th>ceilings</th></tr>
 * <tr><td>{@code generic} (the default)</td><td>1</td><td>none</td></tr>
 * <tr><td>{@code kvm}</td><td>1</td><td>8192 logical processors (Linux x86-64's largest
 *     NR_CPUS); 288 vCPUs per VM (QEMU 7.2's q35 machine; KVM itself takes 1024); 64 TiB of
 *     host memory (x86-64 with 4-level paging, 46 physical address bits)</td></tr>
 * <tr><td>{@code xen-4.17}</td><td>1</td><td>256 logical processors (CONFIG_NR_CPUS of x86
 *     builds); 128 vCPUs per VM (HVM and PVH; PV guests take up to 8192); 8 TiB per VM and
 *     12 TiB per host (the limits Xen 4.17's SUPPORT.md states for x86)</td></tr>
 * <tr><td>{@code hyperv-2008r2}</td><td>8</td><td>the Windows Server 2008 R2 Hyper-V maximums:
 *     64 logical processors, 8 virtual processors per logical processor, 384 running virtual
 *     processors, 384 running VMs, 4 virtual processors and 64 GiB per VM, 1 TiB per host</td></tr>
 * </table>
 *
 * <p>All profiles plan 32 MiB of overhead per VM, a 512 MiB host reserve, 1 Gbit/s NICs and no
 * VMs-per-NIC rule. Rules and limits must be at least 1 (sizes more than 0): a zero would make
 * the plan's arithmetic meaningless, so it is refused with {@code INVALID_ARG}.
 *
 * @param name                        the profile's name, shown in the plan
 * @param vcpusPerLogicalProcessor    the overcommit ratio the plan uses
 * @param overheadBytes               memory the hypervisor needs per VM
 * @param reserveBytes                memory the host keeps for itself
 * @param nicBitsPerSecond            the speed of one NIC
 * @param vmsPerNic                   the most VMs one NIC serves ({@link #UNLIMITED}: no rule)
 * @param maxLogicalProcessors        ceiling: logical processors of a host
 * @param maxVcpusPerLogicalProcessor ceiling: the overcommit ratio
 * @param maxRunningVcpus             ceiling: vCPUs running on a host
 * @param maxRunningVms               ceiling: VMs running on a host
 * @param maxVcpusPerVm               ceiling: vCPUs of one VM
 * @param maxMemoryPerVm              ceiling: memory of one VM, bytes
 * @param maxHostMemory               ceiling: memory of a host, bytes
 */
public record HostProfile(String name, long vcpusPerLogicalProcessor, long overheadBytes,
        long reserveBytes, long nicBitsPerSecond, long vmsPerNic, long maxLogicalProcessors,
        long maxVcpusPerLogicalProcessor, long maxRunningVcpus, long maxRunningVms,
        long maxVcpusPerVm, long maxMemoryPerVm, long maxHostMemory) {

    /** A ceiling that does not apply. */
    public static final long UNLIMITED = Long.MAX_VALUE;

    private static final long MIB = 1L << 20;
    private static final long GIB = 1L << 30;
    private static final long TIB = 1L << 40;

    /** No ceilings; 1 vCPU per logical processor. */
    public static final HostProfile GENERIC = base("generic", 1);

    /** QEMU/KVM on Linux x86-64 (QEMU 7.2, Linux 6.1 as in Debian 12). */
    public static final HostProfile KVM = base("kvm", 1)
            .withMaxLogicalProcessors(8192).withMaxVcpusPerVm(288).withMaxHostMemory(64 * TIB);

    /** Xen 4.17 on x86-64. */
    public static final HostProfile XEN_4_17 = base("xen-4.17", 1)
            .withMaxLogicalProcessors(256).withMaxVcpusPerVm(128)
            .withMaxMemoryPerVm(8 * TIB).withMaxHostMemory(12 * TIB);

    /** Windows Server 2008 R2 Hyper-V's supported maximums, the classic sizing example. */
    public static final HostProfile HYPERV_2008R2 = base("hyperv-2008r2", 8)
            .withMaxLogicalProcessors(64).withMaxVcpusPerLogicalProcessor(8).withMaxRunningVcpus(384)
            .withMaxRunningVms(384).withMaxVcpusPerVm(4).withMaxMemoryPerVm(64 * GIB)
            .withMaxHostMemory(TIB);

    /** Every shipped profile, {@link #GENERIC} first. */
    public static final List<HostProfile> SHIPPED = List.of(GENERIC, KVM, XEN_4_17, HYPERV_2008R2);

    /** @throws io.jvirt.VirtException {@code INVALID_ARG} naming the rule or limit below 1 */
    public HostProfile {
        if (name == null || name.isBlank()) {
            throw Quantities.invalid("a profile needs a name");
        }
        VmShape.atLeastOne("vCPUs per logical processor", vcpusPerLogicalProcessor);
        VmShape.atLeastOne("overhead per VM", overheadBytes);
        VmShape.atLeastOne("host reserve", reserveBytes);
        VmShape.atLeastOne("NIC speed", nicBitsPerSecond);
        VmShape.atLeastOne("VMs per NIC", vmsPerNic);
        VmShape.atLeastOne("the limit of logical processors", maxLogicalProcessors);
        VmShape.atLeastOne("the limit of vCPUs per logical processor", maxVcpusPerLogicalProcessor);
        VmShape.atLeastOne("the limit of running vCPUs", maxRunningVcpus);
        VmShape.atLeastOne("the limit of running VMs", maxRunningVms);
        VmShape.atLeastOne("the limit of vCPUs per VM", maxVcpusPerVm);
        VmShape.atLeastOne("the limit of memory per VM", maxMemoryPerVm);
        VmShape.atLeastOne("the limit of host memory", maxHostMemory);
    }

    private static HostProfile base(String name, long ratio) {
        return new HostProfile(name, ratio, 32 * MIB, 512 * MIB, 1_000_000_000L, UNLIMITED,
                UNLIMITED, UNLIMITED, UNLIMITED, UNLIMITED, UNLIMITED, UNLIMITED, UNLIMITED);
    }

    /**
     * The shipped profile called {@code name} (case-insensitive): {@code generic}, {@code kvm},
     * {@code xen-4.17}, {@code hyperv-2008r2}.
     *
     * @throws io.jvirt.VirtException {@code INVALID_ARG} naming the known profiles
     */
    public static HostProfile named(String name) {
        for (HostProfile p : SHIPPED) {
            if (p.name.equals(name == null ? null : name.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw Quantities.invalid("unknown profile '" + name + "' (known: generic, kvm, xen-4.17, hyperv-2008r2)");
    }

    /** The same profile under another name. */
    public HostProfile withName(String n) {
        return new HostProfile(n, vcpusPerLogicalProcessor, overheadBytes, reserveBytes, nicBitsPerSecond,
                vmsPerNic, maxLogicalProcessors, maxVcpusPerLogicalProcessor, maxRunningVcpus, maxRunningVms,
                maxVcpusPerVm, maxMemoryPerVm, maxHostMemory);
    }

    /** The same profile planning {@code ratio} vCPUs per logical processor. */
    public HostProfile withVcpusPerLogicalProcessor(long ratio) {
        return new HostProfile(name, ratio, overheadBytes, reserveBytes, nicBitsPerSecond,
                vmsPerNic, maxLogicalProcessors, maxVcpusPerLogicalProcessor, maxRunningVcpus, maxRunningVms,
                maxVcpusPerVm, maxMemoryPerVm, maxHostMemory);
    }

    /** The same profile with {@code bytes} of memory overhead per VM. */
    public HostProfile withOverheadBytes(long bytes) {
        return new HostProfile(name, vcpusPerLogicalProcessor, bytes, reserveBytes, nicBitsPerSecond,
                vmsPerNic, maxLogicalProcessors, maxVcpusPerLogicalProcessor, maxRunningVcpus, maxRunningVms,
                maxVcpusPerVm, maxMemoryPerVm, maxHostMemory);
    }

    /** The same profile keeping {@code bytes} of memory for the host. */
    public HostProfile withReserveBytes(long bytes) {
        return new HostProfile(name, vcpusPerLogicalProcessor, overheadBytes, bytes, nicBitsPerSecond,
                vmsPerNic, maxLogicalProcessors, maxVcpusPerLogicalProcessor, maxRunningVcpus, maxRunningVms,
                maxVcpusPerVm, maxMemoryPerVm, maxHostMemory);
    }

    /** The same profile with NICs of {@code bitsPerSecond}. */
    public HostProfile withNicBitsPerSecond(long bitsPerSecond) {
        return new HostProfile(name, vcpusPerLogicalProcessor, overheadBytes, reserveBytes, bitsPerSecond,
                vmsPerNic, maxLogicalProcessors, maxVcpusPerLogicalProcessor, maxRunningVcpus, maxRunningVms,
                maxVcpusPerVm, maxMemoryPerVm, maxHostMemory);
    }

    /** The same profile with at most {@code vms} VMs per NIC. */
    public HostProfile withVmsPerNic(long vms) {
        return new HostProfile(name, vcpusPerLogicalProcessor, overheadBytes, reserveBytes, nicBitsPerSecond,
                vms, maxLogicalProcessors, maxVcpusPerLogicalProcessor, maxRunningVcpus, maxRunningVms,
                maxVcpusPerVm, maxMemoryPerVm, maxHostMemory);
    }

    /** The same profile with this ceiling of logical processors. */
    public HostProfile withMaxLogicalProcessors(long max) {
        return new HostProfile(name, vcpusPerLogicalProcessor, overheadBytes, reserveBytes, nicBitsPerSecond,
                vmsPerNic, max, maxVcpusPerLogicalProcessor, maxRunningVcpus, maxRunningVms,
                maxVcpusPerVm, maxMemoryPerVm, maxHostMemory);
    }

    /** The same profile with this ceiling of vCPUs per logical processor. */
    public HostProfile withMaxVcpusPerLogicalProcessor(long max) {
        return new HostProfile(name, vcpusPerLogicalProcessor, overheadBytes, reserveBytes, nicBitsPerSecond,
                vmsPerNic, maxLogicalProcessors, max, maxRunningVcpus, maxRunningVms,
                maxVcpusPerVm, maxMemoryPerVm, maxHostMemory);
    }

    /** The same profile with this ceiling of running vCPUs per host. */
    public HostProfile withMaxRunningVcpus(long max) {
        return new HostProfile(name, vcpusPerLogicalProcessor, overheadBytes, reserveBytes, nicBitsPerSecond,
                vmsPerNic, maxLogicalProcessors, maxVcpusPerLogicalProcessor, max, maxRunningVms,
                maxVcpusPerVm, maxMemoryPerVm, maxHostMemory);
    }

    /** The same profile with this ceiling of running VMs per host. */
    public HostProfile withMaxRunningVms(long max) {
        return new HostProfile(name, vcpusPerLogicalProcessor, overheadBytes, reserveBytes, nicBitsPerSecond,
                vmsPerNic, maxLogicalProcessors, maxVcpusPerLogicalProcessor, maxRunningVcpus, max,
                maxVcpusPerVm, maxMemoryPerVm, maxHostMemory);
    }

    /** The same profile with this ceiling of vCPUs per VM. */
    public HostProfile withMaxVcpusPerVm(long max) {
        return new HostProfile(name, vcpusPerLogicalProcessor, overheadBytes, reserveBytes, nicBitsPerSecond,
                vmsPerNic, maxLogicalProcessors, maxVcpusPerLogicalProcessor, maxRunningVcpus, maxRunningVms,
                max, maxMemoryPerVm, maxHostMemory);
    }

    /** The same profile with this ceiling of memory per VM, in bytes. */
    public HostProfile withMaxMemoryPerVm(long max) {
        return new HostProfile(name, vcpusPerLogicalProcessor, overheadBytes, reserveBytes, nicBitsPerSecond,
                vmsPerNic, maxLogicalProcessors, maxVcpusPerLogicalProcessor, maxRunningVcpus, maxRunningVms,
                maxVcpusPerVm, max, maxHostMemory);
    }

    /** The same profile with this ceiling of host memory, in bytes. */
    public HostProfile withMaxHostMemory(long max) {
        return new HostProfile(name, vcpusPerLogicalProcessor, overheadBytes, reserveBytes, nicBitsPerSecond,
                vmsPerNic, maxLogicalProcessors, maxVcpusPerLogicalProcessor, maxRunningVcpus, maxRunningVms,
                maxVcpusPerVm, maxMemoryPerVm, max);
    }
}
