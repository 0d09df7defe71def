package io.jvirt.driver.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jvirt.Connection;
import io.jvirt.Domain;
import io.jvirt.DomainEventDetail;
import io.jvirt.DomainLifecycleEvent;
import io.jvirt.ErrorCode;
import io.jvirt.VirtException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestDriverExtension.class)
class TestDriverExtensionTest {
    @Test
    void eachTestGetsAPristineDefaultHost(Connection conn, Domain test) {
        assertEquals("test", test.name());
        test.destroy(); // would break every other test if the host were shared
        assertEquals(1, conn.listAllDomains().size());
    }

    @Test
    void andAnotherOne(Connection conn, @DomainName("test") Domain test) {
        assertEquals("running (unknown)", test.state().toString());
        assertEquals(1, test.id());
    }

    @Test
    @NodeFile("nodes/custom.xml")
    void orOneFromANodeFile(@DomainName("run1") Domain run1, Connection conn) {
        assertEquals(2, run1.id());
        assertEquals(4, conn.nodeInfo().cpus());
    }

    @Test
    void failNextFailsExactlyThatManyCallsAndChangesNothing(Domain test, TestHostControl control) {
        test.destroy();
        control.failNext("virDomainCreateWithFlags", ErrorCode.OPERATION_FAILED, 2);
        for (int i = 0; i < 2; i++) {
            VirtException e = assertThrows(VirtException.class, test::start);
            assertEquals(ErrorCode.OPERATION_FAILED, e.code());
            assertEquals("shut off (destroyed)", test.state().toString());
        }
        test.start();
        assertEquals("running (booted)", test.state().toString());
    }

    @Test
    void randomFaultsRepeatWithTheSeed(Connection conn, TestHostControl control) {
        String first = pattern(conn, control, 42);
        String again = pattern(conn, control, 42);
        assertEquals(first, again);
        assertEquals(true, first.contains("x") && first.contains("."), first);
    }

    private static String pattern(Connection conn, TestHostControl control, long seed) {
        control.clearFaults();
        control.failRandomly("virConnectGetHostname", ErrorCode.INTERNAL_ERROR, 0.5, seed);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            try {
                conn.hostname();
                sb.append('.');
            } catch (VirtException e) {
                sb.append('x');
            }
        }
        control.clearFaults();
        return sb.toString();
    }

    @Test
    void delaysSlowCallsDown(Connection conn, TestHostControl control) {
        control.delay("virNodeGetInfo", Duration.ofMillis(30));
        long start = System.nanoTime();
        conn.nodeInfo();
        assertEquals(true, System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(30));
    }

    @Test
    void crashStopsTheDomainWithAnEvent(Connection conn, Domain test, TestHostControl control) throws Exception {
        BlockingQueue<DomainLifecycleEvent> events = new LinkedBlockingQueue<>();
        conn.onDomainEvent(events::add);
        control.crash("test");
        assertEquals("shut off (crashed)", test.state().toString());
        DomainLifecycleEvent e = events.poll(5, TimeUnit.SECONDS);
        assertEquals(DomainEventDetail.Stopped.CRASHED, e.detail());
        assertEquals("test", e.domain().name());
    }
}
