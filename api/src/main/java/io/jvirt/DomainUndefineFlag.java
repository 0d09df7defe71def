package io.jvirt;

/** What {@link Domain#undefine} may remove along with the definition, libvirt's {@code virDomainUndefineFlagsValues}. */
public enum DomainUndefineFlag implements Flag {
    /** Also remove a managed save image. */
    MANAGED_SAVE(1),
    /** Also remove snapshot metadata. */
    SNAPSHOTS_METADATA(2),
    /** Also remove the NVRAM file. */
    NVRAM(4),
    /** Keep the NVRAM file. */
    KEEP_NVRAM(8),
    /** Also remove checkpoint metadata. */
    CHECKPOINTS_METADATA(16),
    /** Also remove the TPM state. */
    TPM(32),
    /** Keep the TPM state. */
    KEEP_TPM(64);

    private final int value;

    DomainUndefineFlag(int value) {
        this.value = value;
    }

    @Override
    public int value() {
        return value;
    }
}
