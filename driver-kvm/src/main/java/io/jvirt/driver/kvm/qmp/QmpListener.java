package io.jvirt.driver.kvm.qmp;

/**
 * Receives what QEMU says unprompted. Calls arrive one at a time, in the order QEMU sent the
 * events, on a thread of the client's own (never the socket reader's), so a listener may call
 * {@link QmpClient#execute} without deadlocking.
 */
public interface QmpListener {
    /** An event arrived. */
    default void onEvent(QmpEvent event) {
    }

    /**
     * QEMU closed the monitor (end of file or connection reset): QEMU quit or died. Called once,
     * after every event read before the close. Not called when the client itself was closed.
     */
    default void onMonitorClosed() {
    }
}
