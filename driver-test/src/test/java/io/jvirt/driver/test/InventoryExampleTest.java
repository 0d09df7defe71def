package io.jvirt.driver.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jvirt.Connection;
import io.jvirt.Domain;
import io.jvirt.ErrorCode;
import io.jvirt.ListDomainsFlag;
import io.jvirt.VirtException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The README's "Testing your code on the test driver" example, as it is printed there. */
@ExtendWith(TestDriverExtension.class)
class InventoryExampleTest {
    static class Inventory {
        private final Connection conn;

        Inventory(Connection conn) {
            this.conn = conn;
        }

        List<String> runningNames() {
            return conn.listAllDomains(ListDomainsFlag.RUNNING).stream().map(Domain::name).toList();
        }
    }

    @Test
    void listsRunningGuests(Connection conn) {
        assertEquals(List.of("test"), new Inventory(conn).runningNames());
    }

    @Test
    void copesWithACrash(Connection conn, TestHostControl control) {
        control.crash("test");
        assertEquals(List.of(), new Inventory(conn).runningNames());
    }

    @Test
    void copesWithFailures(Domain test, TestHostControl control) {
        control.failNext("virDomainSuspend", ErrorCode.OPERATION_FAILED, 1);
        assertThrows(VirtException.class, test::suspend);
        test.suspend();
    }
}
