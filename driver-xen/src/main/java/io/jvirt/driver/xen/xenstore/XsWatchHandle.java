package io.jvirt.driver.xen.xenstore;

/**
 * A watch set by {@link XenstoreClient#watch}; closing it removes the watch. After
 * {@link #close()} returns, its listener is not called again.
 *
 * @since 0.1
 */
public final class XsWatchHandle implements AutoCloseable {
    private final XenstoreClient client;
    private final String path;
    private final String token;
    private final XsWatchListener listener;
    private volatile boolean closed;

    XsWatchHandle(XenstoreClient client, String path, String token, XsWatchListener listener) {
        this.client = client;
        this.path = path;
        this.token = token;
        this.listener = listener;
    }

    public String path() {
        return path;
    }

    public String token() {
        return token;
    }

    void deliver(String eventPath) {
        if (!closed) {
            listener.onEvent(eventPath, token);
        }
    }

    void markClosed() {
        closed = true;
    }

    /** Removes the watch (UNWATCH); a watch the daemon already dropped is not an error. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        client.unwatch(this);
    }
}
