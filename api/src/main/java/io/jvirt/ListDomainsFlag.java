package io.jvirt;

/** Filters for {@link Connection#listAllDomains}, libvirt's {@code virConnectListAllDomainsFlags}. No flag lists every domain; flags of one group (active/inactive, persistent/transient, ...) are ORed, groups are ANDed. */
public enum ListDomainsFlag implements Flag {
    /** Running, paused or otherwise active domains. */
    ACTIVE(1),
    /** Shut-off (defined, not running) domains. */
    INACTIVE(2),
    /** Domains with a persistent configuration. */
    PERSISTENT(4),
    /** Domains that exist only while running. */
    TRANSIENT(8),
    /** State running. */
    RUNNING(16),
    /** State paused. */
    PAUSED(32),
    /** State shut off. */
    SHUTOFF(64),
    /** Any other state. */
    OTHER(128),
    /** Domains with a managed save image. */
    MANAGEDSAVE(256),
    /** Domains without a managed save image. */
    NO_MANAGEDSAVE(512),
    /** Domains marked for autostart. */
    AUTOSTART(1024),
    /** Domains not marked for autostart. */
    NO_AUTOSTART(2048),
    /** Domains with snapshots. */
    HAS_SNAPSHOT(4096),
    /** Domains without snapshots. */
    NO_SNAPSHOT(8192),
    /** Domains with checkpoints. */
    HAS_CHECKPOINT(16384),
    /** Domains without checkpoints. */
    NO_CHECKPOINT(32768);

    private final int value;

    ListDomainsFlag(int value) {
        this.value = value;
    }

    @Override
    public int value() {
        return value;
    }
}
