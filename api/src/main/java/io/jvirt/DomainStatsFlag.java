package io.jvirt;

/**
 * Flags of {@link Connection#allDomainStats} and {@link Connection#domainListStats}, libvirt's
 * {@code virConnectGetAllDomainStatsFlags}. The domain filters have the values and the meaning
 * of {@link ListDomainsFlag}'s: flags of one group are ORed, groups are ANDed.
 *
 * @since 0.1
 */
public enum DomainStatsFlag implements Flag {
    /** Only active domains. */
    ACTIVE(1),
    /** Only inactive domains. */
    INACTIVE(2),
    /** Only persistent domains. */
    PERSISTENT(4),
    /** Only transient domains. */
    TRANSIENT(8),
    /** Only running domains. */
    RUNNING(16),
    /** Only paused domains. */
    PAUSED(32),
    /** Only shut-off domains. */
    SHUTOFF(64),
    /** Only domains in other states. */
    OTHER(128),
    /** Report only what can be had without waiting for a busy domain. */
    NOWAIT(1 << 29),
    /** Add the backing chain of each disk to the block group. */
    BACKING(1 << 30),
    /** Fail with {@link ErrorCode#ARGUMENT_UNSUPPORTED} if a requested group is not supported. */
    ENFORCE_STATS(1 << 31);

    private final int value;

    DomainStatsFlag(int value) {
        this.value = value;
    }

    @Override
    public int value() {
        return value;
    }
}
