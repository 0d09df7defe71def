package io.jvirt;

/**
 * An event listener's registration; closing it stops the deliveries. Closing twice is harmless.
 */
public interface Subscription extends AutoCloseable {
    /** Stops delivering events to the listener. */
    @Override
    void close();
}
