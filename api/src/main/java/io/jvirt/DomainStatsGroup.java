package io.jvirt;

/**
 * The groups of statistics {@link Connection#allDomainStats} can report, libvirt's
 * {@code virDomainStatsTypes}: each group is a family of keys ({@code state.*}, {@code cpu.*},
 * ...). Asking for no group asks for every group the driver supports.
 *
 * @since 0.1
 */
public enum DomainStatsGroup implements Flag {
    /** {@code state.state}, {@code state.reason}. */
    STATE(0x1),
    /** {@code cpu.time}, {@code cpu.user}, {@code cpu.system}. */
    CPU_TOTAL(0x2),
    /** {@code balloon.current}, {@code balloon.maximum}, ... */
    BALLOON(0x4),
    /** {@code vcpu.current}, {@code vcpu.maximum}, {@code vcpu.N.*}. */
    VCPU(0x8),
    /** {@code net.count}, {@code net.N.*}. */
    INTERFACE(0x10),
    /** {@code block.count}, {@code block.N.*}. */
    BLOCK(0x20),
    /** {@code perf.*}: performance event counters. */
    PERF(0x40),
    /** {@code iothread.count}, {@code iothread.ID.*}. */
    IOTHREAD(0x80),
    /** {@code memory.*}: memory bandwidth monitoring. */
    MEMORY(0x100),
    /** {@code dirtyrate.*}: the guest's memory dirty rate. */
    DIRTYRATE(0x200),
    /** {@code vm.*}: hypervisor-specific statistics. */
    VM(0x400);

    private final int value;

    DomainStatsGroup(int value) {
        this.value = value;
    }

    @Override
    public int value() {
        return value;
    }
}
