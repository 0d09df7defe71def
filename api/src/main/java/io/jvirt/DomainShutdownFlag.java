package io.jvirt;

/** How {@link Domain#shutdown} and {@link Domain#reboot} ask the guest, libvirt's {@code virDomainShutdownFlagValues} (none: the driver chooses). */
public enum DomainShutdownFlag implements Flag {
    /** Press the ACPI power button. */
    ACPI_POWER_BTN(1),
    /** Ask the guest agent. */
    GUEST_AGENT(2),
    /** Use initctl (containers). */
    INITCTL(4),
    /** Send a signal (containers). */
    SIGNAL(8),
    /** Use the paravirtual shutdown channel (Xen). */
    PARAVIRT(16);

    private final int value;

    DomainShutdownFlag(int value) {
        this.value = value;
    }

    @Override
    public int value() {
        return value;
    }
}
