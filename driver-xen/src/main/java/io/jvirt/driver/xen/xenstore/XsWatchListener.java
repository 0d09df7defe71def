package io.jvirt.driver.xen.xenstore;

/**
 * Receives a watch's events. Calls come one at a time, in the order the daemon sent the events,
 * on the client's event thread; a listener may use the client (but should not block for long:
 * it delays the client's other events).
 *
 * @since 0.1
 */
@FunctionalInterface
public interface XsWatchListener {
    /**
     * Something at or below the watched path changed (or the watch was just set, which fires
     * once with the watched path itself). Events may be coalesced or spurious: re-read state.
     *
     * @param path  the changed node, relative if the watch's path was relative
     * @param token the watch's token
     */
    void onEvent(String path, String token);
}
