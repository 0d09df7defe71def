package io.jvirt.driver.test;

import io.jvirt.Connection;
import io.jvirt.ErrorCode;
import java.time.Duration;

/**
 * Beyond libvirt: steering a test host from a test, to see how code under test copes with
 * failures. Obtain it from any connection to the test driver:
 *
 * <pre>{@code
 * TestHostControl control = conn.unwrap(TestHostControl.class);
 * control.failNext("virDomainCreateWithFlags", ErrorCode.OPERATION_FAILED, 1);
 * assertThrows(VirtException.class, () -> domain.start());   // fails once
 * domain.start();                                             // then works
 * control.crash("web");                                       // shut off (crashed) + event
 * }</pre>
 *
 * <p>Operations are named by libvirt's API names, the ones in {@code NO_SUPPORT} and read-only
 * errors ({@code virDomainCreateWithFlags} is {@code Domain.start}, {@code virDomainDefineXMLFlags}
 * is {@code Connection.defineDomain}, ...), or {@code "*"} for every operation. Faults apply to
 * every connection of the host. Random faults draw from a generator seeded by the caller, so a
 * run repeats exactly when the calls do.
 */
public interface TestHostControl {
    /** The next {@code times} calls of {@code operation} fail with {@code code}, changing nothing. */
    void failNext(String operation, ErrorCode code, int times);

    /** Each call of {@code operation} fails with {@code code} with {@code probability}, drawn from {@code seed}. */
    void failRandomly(String operation, ErrorCode code, double probability, long seed);

    /** Each call of {@code operation} first waits {@code latency}. */
    void delay(String operation, Duration latency);

    /** Removes every fault and delay. */
    void clearFaults();

    /**
     * Crashes the running domain {@code name}: it is shut off with reason crashed and a
     * STOPPED/CRASHED event, as when its emulator dies; a transient domain disappears.
     */
    void crash(String name);

    /** The control of the host behind {@code conn}; {@code NO_SUPPORT} for other drivers. */
    static TestHostControl of(Connection conn) {
        return conn.unwrap(TestHostControl.class);
    }
}
