package io.jvirt.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ObjectRegistryTest {
    record Obj(String name, UUID uuid) {
    }

    private final ObjectRegistry<Obj> reg = new ObjectRegistry<>(Obj::name, Obj::uuid);

    @Test
    void addRefusesTakenNameOrUuid() {
        Obj a = new Obj("a", UUID.randomUUID());
        assertEquals(ObjectRegistry.Conflict.NONE, reg.add(a));
        assertEquals(ObjectRegistry.Conflict.NAME, reg.add(new Obj("a", UUID.randomUUID())));
        assertEquals(ObjectRegistry.Conflict.UUID, reg.add(new Obj("b", a.uuid())));
        assertEquals(1, reg.size());
        assertSame(a, reg.byName("a").orElseThrow());
        assertSame(a, reg.byUuid(a.uuid()).orElseThrow());
        assertTrue(reg.byName("b").isEmpty());
    }

    @Test
    void idsFollowStartAndStop() {
        Obj a = new Obj("a", UUID.randomUUID());
        reg.add(a);
        reg.setId(a, -1, 7);
        assertSame(a, reg.byId(7).orElseThrow());
        reg.setId(a, 7, -1);
        assertTrue(reg.byId(7).isEmpty());
        reg.setId(a, -1, 8);
        assertTrue(reg.remove(a));
        assertTrue(reg.byId(8).isEmpty());
        assertTrue(reg.byName("a").isEmpty());
        assertFalse(reg.remove(a));
    }

    @Test
    void replaceRenamesAndKeepsId() {
        Obj a = new Obj("a", UUID.randomUUID());
        Obj other = new Obj("other", UUID.randomUUID());
        reg.add(a);
        reg.add(other);
        reg.setId(a, -1, 3);
        Obj renamed = new Obj("b", a.uuid());
        assertTrue(reg.replace(a, renamed));
        assertTrue(reg.byName("a").isEmpty());
        assertSame(renamed, reg.byName("b").orElseThrow());
        assertSame(renamed, reg.byId(3).orElseThrow());
        assertFalse(reg.replace(renamed, new Obj("other", a.uuid())), "name held by another object");
        assertFalse(reg.replace(a, new Obj("c", a.uuid())), "a is no longer registered");
    }

    @Test
    void concurrentAddsOfTheSameNamesNeverDuplicate() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> wins = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            wins.add(pool.submit(() -> {
                go.await();
                int won = 0;
                for (int i = 0; i < 1000; i++) {
                    if (reg.add(new Obj("n" + i, UUID.randomUUID())) == ObjectRegistry.Conflict.NONE) {
                        won++;
                    }
                }
                return won;
            }));
        }
        go.countDown();
        int total = 0;
        for (Future<Integer> f : wins) {
            total += f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(1000, total);
        assertEquals(1000, reg.size());
        Set<String> names = new HashSet<>();
        reg.all().forEach(o -> assertTrue(names.add(o.name())));
    }
}
