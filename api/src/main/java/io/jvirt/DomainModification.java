package io.jvirt;

/** Whether a change applies to the running guest, its persistent configuration or both, libvirt's {@code virDomainModificationImpact} plus the memory/vCPU extras. No flag means 'current': live if running, else config. */
public enum DomainModification implements Flag {
    /** Affect the running guest. */
    LIVE(1),
    /** Affect the persistent configuration. */
    CONFIG(2),
    /** Change the maximum (memory or vCPUs) rather than the current value. */
    MAXIMUM(4),
    /** vCPUs: ask the guest agent. */
    GUEST(8),
    /** vCPUs: make the new vCPUs hot-unpluggable. */
    HOTPLUGGABLE(16);

    private final int value;

    DomainModification(int value) {
        this.value = value;
    }

    @Override
    public int value() {
        return value;
    }
}
