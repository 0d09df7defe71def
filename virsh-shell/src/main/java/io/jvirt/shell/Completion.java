package io.jvirt.shell;

/** What tab completion offers for an option's value. */
enum Completion {
    NONE,
    DOMAIN,
    NETWORK,
    POOL,
    VOLUME,
    INTERFACE,
    FILE,
    SHUTDOWN_MODE,
    EVENT_NAME,
    POOL_EVENT_NAME,
    COMMAND
}
