package io.jvirt.driver.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.Connection;
import io.jvirt.StoragePool;
import io.jvirt.Virt;
import io.jvirt.VirtException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Defining a pool that exists (same name and UUID), as libvirt's virStoragePoolObjListAdd. */
class PoolRedefinitionTest {
    private static final String POOL = "<pool type='dir'><name>p</name>"
            + "<uuid>33333333-4444-5555-6666-777777777777</uuid><target><path>%s</path></target></pool>";

    @Test
    void anInactivePoolIsRedefinedAnActiveOneKeepsItsDefinition() {
        try (Connection c = Virt.open("test:///default?instance=" + UUID.randomUUID())) {
            StoragePool p = c.defineStoragePool(POOL.formatted("/one"));
            c.defineStoragePool(POOL.formatted("/two"));
            assertTrue(p.xml(false).contains("<path>/two</path>"), p.xml(false));

            p.start();
            c.defineStoragePool(POOL.formatted("/three"));
            assertTrue(p.xml(false).contains("<path>/two</path>"), "libvirt's test driver never applies newDef");

            VirtException renamed = assertThrows(VirtException.class,
                    () -> c.defineStoragePool(POOL.formatted("/x").replace("<name>p</name>", "<name>q</name>")));
            assertEquals("operation failed: pool 'p' is already defined with uuid 33333333-4444-5555-6666-777777777777",
                    renamed.getMessage());
        }
    }

    @Test
    void definingATransientPoolMakesItPersistent() {
        try (Connection c = Virt.open("test:///default?instance=" + UUID.randomUUID())) {
            StoragePool p = c.createStoragePool(POOL.formatted("/t"));
            assertEquals(false, p.isPersistent());
            c.defineStoragePool(POOL.formatted("/t"));
            assertEquals(true, p.isPersistent());
        }
    }
}
