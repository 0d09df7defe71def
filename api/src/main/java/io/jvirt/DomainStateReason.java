package io.jvirt;

/**
 * Why a domain is in its state: one enum per {@link DomainState}, with libvirt's reason numbers
 * ({@code virDomainRunningReason}, {@code virDomainShutoffReason}, ...) and virsh's words, as
 * printed by {@code domstate --reason}.
 */
public sealed interface DomainStateReason {
    /** libvirt's number for this reason within its state. */
    int value();

    /** virsh's words for this reason ("booted"). */
    String label();

    /** The state this reason belongs to. */
    DomainState state();

    /** The reason with libvirt's numbers, {@code UNKNOWN} of the state when out of range. */
    static DomainStateReason of(DomainState state, int reason) {
        DomainStateReason[] all = switch (state) {
            case NOSTATE -> NoState.values();
            case RUNNING -> Running.values();
            case BLOCKED -> Blocked.values();
            case PAUSED -> Paused.values();
            case SHUTDOWN -> Shutdown.values();
            case SHUTOFF -> Shutoff.values();
            case CRASHED -> Crashed.values();
            case PMSUSPENDED -> PmSuspended.values();
        };
        return reason >= 0 && reason < all.length ? all[reason] : all[0];
    }

    /** Reasons for {@link DomainState#NOSTATE}. */
    enum NoState implements DomainStateReason {
        UNKNOWN("unknown");

        private final String label;

        NoState(String label) {
            this.label = label;
        }

        @Override public int value() { return ordinal(); }
        @Override public String label() { return label; }
        @Override public DomainState state() { return DomainState.NOSTATE; }
    }

    /** Reasons for {@link DomainState#RUNNING}, {@code virDomainRunningReason}. */
    enum Running implements DomainStateReason {
        UNKNOWN("unknown"), BOOTED("booted"), MIGRATED("migrated"), RESTORED("restored"),
        FROM_SNAPSHOT("from snapshot"), UNPAUSED("unpaused"),
        MIGRATION_CANCELED("migration canceled"), SAVE_CANCELED("save canceled"),
        WAKEUP("event wakeup"), CRASHED("crashed"), POSTCOPY("post-copy"),
        POSTCOPY_FAILED("post-copy failed");

        private final String label;

        Running(String label) {
            this.label = label;
        }

        @Override public int value() { return ordinal(); }
        @Override public String label() { return label; }
        @Override public DomainState state() { return DomainState.RUNNING; }
    }

    /** Reasons for {@link DomainState#BLOCKED}. */
    enum Blocked implements DomainStateReason {
        UNKNOWN("unknown");

        private final String label;

        Blocked(String label) {
            this.label = label;
        }

        @Override public int value() { return ordinal(); }
        @Override public String label() { return label; }
        @Override public DomainState state() { return DomainState.BLOCKED; }
    }

    /** Reasons for {@link DomainState#PAUSED}, {@code virDomainPausedReason}. */
    enum Paused implements DomainStateReason {
        UNKNOWN("unknown"), USER("user"), MIGRATION("migrating"), SAVE("saving"),
        DUMP("dumping"), IOERROR("I/O error"), WATCHDOG("watchdog"),
        FROM_SNAPSHOT("from snapshot"), SHUTTING_DOWN("shutting down"),
        SNAPSHOT("creating snapshot"), CRASHED("crashed"), STARTING_UP("starting up"),
        POSTCOPY("post-copy"), POSTCOPY_FAILED("post-copy failed");

        private final String label;

        Paused(String label) {
            this.label = label;
        }

        @Override public int value() { return ordinal(); }
        @Override public String label() { return label; }
        @Override public DomainState state() { return DomainState.PAUSED; }
    }

    /** Reasons for {@link DomainState#SHUTDOWN}, {@code virDomainShutdownReason}. */
    enum Shutdown implements DomainStateReason {
        UNKNOWN("unknown"), USER("user");

        private final String label;

        Shutdown(String label) {
            this.label = label;
        }

        @Override public int value() { return ordinal(); }
        @Override public String label() { return label; }
        @Override public DomainState state() { return DomainState.SHUTDOWN; }
    }

    /** Reasons for {@link DomainState#SHUTOFF}, {@code virDomainShutoffReason}. */
    enum Shutoff implements DomainStateReason {
        UNKNOWN("unknown"), SHUTDOWN("shutdown"), DESTROYED("destroyed"), CRASHED("crashed"),
        MIGRATED("migrated"), SAVED("saved"), FAILED("failed"), FROM_SNAPSHOT("from snapshot"),
        DAEMON("daemon");

        private final String label;

        Shutoff(String label) {
            this.label = label;
        }

        @Override public int value() { return ordinal(); }
        @Override public String label() { return label; }
        @Override public DomainState state() { return DomainState.SHUTOFF; }
    }

    /** Reasons for {@link DomainState#CRASHED}, {@code virDomainCrashedReason}. */
    enum Crashed implements DomainStateReason {
        UNKNOWN("unknown"), PANICKED("panicked");

        private final String label;

        Crashed(String label) {
            this.label = label;
        }

        @Override public int value() { return ordinal(); }
        @Override public String label() { return label; }
        @Override public DomainState state() { return DomainState.CRASHED; }
    }

    /** Reasons for {@link DomainState#PMSUSPENDED}. */
    enum PmSuspended implements DomainStateReason {
        UNKNOWN("unknown");

        private final String label;

        PmSuspended(String label) {
            this.label = label;
        }

        @Override public int value() { return ordinal(); }
        @Override public String label() { return label; }
        @Override public DomainState state() { return DomainState.PMSUSPENDED; }
    }
}
