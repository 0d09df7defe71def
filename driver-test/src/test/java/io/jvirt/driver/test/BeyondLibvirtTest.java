package io.jvirt.driver.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.Connection;
import io.jvirt.Domain;
import io.jvirt.DomainModification;
import io.jvirt.DomainXmlFlag;
import io.jvirt.ErrorCode;
import io.jvirt.NetworkEventType;
import io.jvirt.NetworkLifecycleEvent;
import io.jvirt.StoragePool;
import io.jvirt.StoragePoolEventType;
import io.jvirt.StoragePoolLifecycleEvent;
import io.jvirt.StorageVolume;
import io.jvirt.StorageVolumeResizeFlag;
import io.jvirt.VirtException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What libvirt's test driver lacks and ours does in memory (issue 3): device hot-plug, volume
 * resize and wipe; plus network and pool events, which libvirt's has.
 */
@ExtendWith(TestDriverExtension.class)
class BeyondLibvirtTest {
    static final String DISK = "<disk type='file' device='disk'><source file='/guest/extra.img'/>"
            + "<target dev='vdb' bus='virtio'/></disk>";

    @Test
    void attachAndDetachADiskLiveAndInConfig(Domain test) {
        test.attachDevice(DISK, DomainModification.LIVE, DomainModification.CONFIG);
        assertTrue(test.xml().contains("<target dev='vdb' bus='virtio'/>"));
        assertTrue(test.xml(DomainXmlFlag.INACTIVE).contains("<target dev='vdb' bus='virtio'/>"));

        VirtException dup = assertThrows(VirtException.class, () -> test.attachDevice(DISK));
        assertEquals(ErrorCode.OPERATION_FAILED, dup.code());
        assertEquals("operation failed: target vdb already exists", dup.getMessage());

        test.detachDevice(DISK, DomainModification.LIVE);
        assertFalse(test.xml().contains("vdb"));
        assertTrue(test.xml(DomainXmlFlag.INACTIVE).contains("vdb"), "config keeps it");
        VirtException missing = assertThrows(VirtException.class,
                () -> test.detachDevice(DISK, DomainModification.LIVE));
        assertEquals(ErrorCode.DEVICE_MISSING, missing.code());
        assertEquals("device not found: disk vdb not found", missing.getMessage());
    }

    @Test
    void aFailedAttachChangesNeitherDefinition(Domain test) {
        String live = test.xml();
        String config = test.xml(DomainXmlFlag.INACTIVE);
        String clash = "<disk type='file' device='disk'><source file='/x.img'/><target dev='vda' bus='virtio'/></disk>";
        assertThrows(VirtException.class,
                () -> test.attachDevice(clash, DomainModification.LIVE, DomainModification.CONFIG));
        assertEquals(live, test.xml());
        assertEquals(config, test.xml(DomainXmlFlag.INACTIVE));
        VirtException bad = assertThrows(VirtException.class, () -> test.attachDevice("<disk"));
        assertEquals(ErrorCode.XML_ERROR, bad.code());
    }

    @Test
    void nicsGetTheNextFreeTestnetName(Domain test) {
        test.attachDevice("<interface type='network'><mac address='52:54:00:aa:bb:cc'/>"
                + "<source network='default'/></interface>");
        assertTrue(test.xml().contains("<target dev='testnet1'/>"), test.xml());
        test.detachDevice("<interface type='network'><mac address='52:54:00:aa:bb:cc'/></interface>");
        assertFalse(test.xml().contains("52:54:00:aa:bb:cc"));
    }

    @Test
    void volumesResizeAndWipe(Connection conn) {
        StoragePool pool = conn.lookupStoragePoolByName("default-pool");
        StorageVolume v = pool.createVolume("v1", 1L << 30, "raw");
        v.resize(2L << 30);
        assertEquals(2L << 30, v.info().capacity());
        VirtException shrink = assertThrows(VirtException.class, () -> v.resize(1L << 20));
        assertEquals(ErrorCode.INVALID_ARG, shrink.code());
        v.resize(1L << 30, StorageVolumeResizeFlag.SHRINK);
        assertEquals(1L << 30, v.info().capacity());
        v.resize(1L << 30, StorageVolumeResizeFlag.DELTA, StorageVolumeResizeFlag.ALLOCATE);
        assertEquals(2L << 30, v.info().allocation());
        assertEquals(2L << 30, pool.info().allocation());
        VirtException tooBig = assertThrows(VirtException.class, () -> v.resize(200L << 30, StorageVolumeResizeFlag.ALLOCATE));
        assertEquals(ErrorCode.INVALID_ARG, tooBig.code());
        assertEquals(2L << 30, v.info().capacity(), "nothing changed");
        v.wipe();
        v.delete();
        assertThrows(VirtException.class, v::wipe);
        assertEquals(0, pool.info().allocation());
    }

    @Test
    void networkAndPoolEvents(Connection conn) throws Exception {
        BlockingQueue<NetworkLifecycleEvent> nets = new LinkedBlockingQueue<>();
        BlockingQueue<StoragePoolLifecycleEvent> pools = new LinkedBlockingQueue<>();
        conn.onNetworkEvent(nets::add);
        conn.onStoragePoolEvent(pools::add);
        conn.lookupNetworkByName("default").destroy();
        conn.lookupNetworkByName("default").start();
        StoragePool pool = conn.lookupStoragePoolByName("default-pool");
        pool.destroy();
        pool.build();
        pool.start();
        assertEquals(NetworkEventType.STOPPED, nets.poll(5, TimeUnit.SECONDS).type());
        assertEquals(NetworkEventType.STARTED, nets.poll(5, TimeUnit.SECONDS).type());
        assertEquals(StoragePoolEventType.STOPPED, pools.poll(5, TimeUnit.SECONDS).type());
        assertEquals(StoragePoolEventType.CREATED, pools.poll(5, TimeUnit.SECONDS).type());
        StoragePoolLifecycleEvent started = pools.poll(5, TimeUnit.SECONDS);
        assertEquals(StoragePoolEventType.STARTED, started.type());
        assertEquals("default-pool", started.pool().name());
    }
}
