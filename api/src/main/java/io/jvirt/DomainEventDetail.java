package io.jvirt;

/**
 * The detail of a domain lifecycle event: one enum per {@link DomainEventType}, with libvirt's
 * numbers ({@code virDomainEventStartedDetailType}, ...) and virsh's words ("Booted").
 */
public sealed interface DomainEventDetail {
    /** libvirt's number for this detail within its event type. */
    int value();

    /** virsh's words for this detail, as {@code virsh event} prints them. */
    String label();

    /** The event type this detail belongs to. */
    DomainEventType type();

    /** Details of {@link DomainEventType#DEFINED}. */
    enum Defined implements DomainEventDetail {
        ADDED("Added"), UPDATED("Updated"), RENAMED("Renamed"), FROM_SNAPSHOT("Snapshot");

        private final String label;

        Defined(String label) {
            this.label = label;
        }

        @Override public int value() { return ordinal(); }
        @Override public String label() { return label; }
        @Override public DomainEventType type() { return DomainEventType.DEFINED; }
    }

    /** Details of {@link DomainEventType#UNDEFINED}. */
    enum Undefined implements DomainEventDetail {
        REMOVED("Removed"), RENAMED("Renamed");

        private final String label;

        Undefined(String label) {
            this.label = label;
        }

        @Override public int value() { return ordinal(); }
        @Override public String label() { return label; }
        @Override public DomainEventType type() { return DomainEventType.UNDEFINED; }
    }

    /** Details of {@link DomainEventType#STARTED}. */
    enum Started implements DomainEventDetail {
        BOOTED("Booted"), MIGRATED("Migrated"), RESTORED("Restored"),
        FROM_SNAPSHOT("Snapshot"), WAKEUP("Event wakeup");

        private final String label;

        Started(String label) {
            this.label = label;
        }

        @Override public int value() { return ordinal(); }
        @Override public String label() { return label; }
        @Override public DomainEventType type() { return DomainEventType.STARTED; }
    }

    /** Details of {@link DomainEventType#SUSPENDED}. */
    enum Suspended implements DomainEventDetail {
        PAUSED("Paused"), MIGRATED("Migrated"), IOERROR("I/O Error"), WATCHDOG("Watchdog"),
        RESTORED("Restored"), FROM_SNAPSHOT("Snapshot"), API_ERROR("API error"),
        POSTCOPY("Post-copy"), POSTCOPY_FAILED("Post-copy Error");

        private final String label;

        Suspended(String label) {
            this.label = label;
        }

        @Override public int value() { return ordinal(); }
        @Override public String label() { return label; }
        @Override public DomainEventType type() { return DomainEventType.SUSPENDED; }
    }

    /** Details of {@link DomainEventType#RESUMED}. */
    enum Resumed implements DomainEventDetail {
        UNPAUSED("Unpaused"), MIGRATED("Migrated"), FROM_SNAPSHOT("Snapshot"),
        POSTCOPY("Post-copy"), POSTCOPY_FAILED("Post-copy Error");

        private final String label;

        Resumed(String label) {
            this.label = label;
        }

        @Override public int value() { return ordinal(); }
        @Override public String label() { return label; }
        @Override public DomainEventType type() { return DomainEventType.RESUMED; }
    }

    /** Details of {@link DomainEventType#STOPPED}. */
    enum Stopped implements DomainEventDetail {
        SHUTDOWN("Shutdown"), DESTROYED("Destroyed"), CRASHED("Crashed"), MIGRATED("Migrated"),
        SAVED("Saved"), FAILED("Failed"), FROM_SNAPSHOT("Snapshot");

        private final String label;

        Stopped(String label) {
            this.label = label;
        }

        @Override public int value() { return ordinal(); }
        @Override public String label() { return label; }
        @Override public DomainEventType type() { return DomainEventType.STOPPED; }
    }

    /** Details of {@link DomainEventType#SHUTDOWN}. */
    enum Shutdown implements DomainEventDetail {
        FINISHED("Finished"), GUEST("Finished after guest request"),
        HOST("Finished after host request");

        private final String label;

        Shutdown(String label) {
            this.label = label;
        }

        @Override public int value() { return ordinal(); }
        @Override public String label() { return label; }
        @Override public DomainEventType type() { return DomainEventType.SHUTDOWN; }
    }

    /** Details of {@link DomainEventType#PMSUSPENDED}. */
    enum PmSuspended implements DomainEventDetail {
        MEMORY("Memory"), DISK("Disk");

        private final String label;

        PmSuspended(String label) {
            this.label = label;
        }

        @Override public int value() { return ordinal(); }
        @Override public String label() { return label; }
        @Override public DomainEventType type() { return DomainEventType.PMSUSPENDED; }
    }

    /** Details of {@link DomainEventType#CRASHED}. */
    enum Crashed implements DomainEventDetail {
        PANICKED("Panicked"), CRASHLOADED("Crashloaded");

        private final String label;

        Crashed(String label) {
            this.label = label;
        }

        @Override public int value() { return ordinal(); }
        @Override public String label() { return label; }
        @Override public DomainEventType type() { return DomainEventType.CRASHED; }
    }
}
