package io.jvirt.driver.test;

import io.jvirt.spi.HostObject;
import io.jvirt.spi.StoragePoolRef;
import io.jvirt.xml.ScaledValue;
import io.jvirt.xml.StoragePoolDef;
import io.jvirt.xml.StorageVolumeDef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A storage pool of a test host with its volumes, as libvirt's virStoragePoolObj. Sizes live in
 * the definition, as libvirt's test driver keeps them. Guarded by its monitor.
 */
final class TestPool extends HostObject {
    /** libvirt's defaultPoolCap: every test pool holds 100 GiB. */
    static final long DEFAULT_CAPACITY = 100L << 30;

    private final StoragePoolRef ref;
    private StoragePoolDef def;
    private final Map<String, StorageVolumeDef> volumes = new LinkedHashMap<>();

    TestPool(StoragePoolDef def, boolean persistent) {
        super(def.getName(), UUID.fromString(def.getUuid()), persistent);
        this.def = def;
        this.ref = new StoragePoolRef(name(), uuid());
        setSizes(DEFAULT_CAPACITY, 0);
    }

    StoragePoolRef ref() {
        return ref;
    }

    StoragePoolDef def() {
        return def;
    }

    /**
     * A new definition for this inactive pool (same name and UUID), with the test driver's
     * default sizes, as testStoragePoolObjSetDefaults leaves every defined pool.
     */
    void redefine(StoragePoolDef newDef) {
        this.def = newDef;
        setSizes(DEFAULT_CAPACITY, 0);
    }

    String targetPath() {
        return def.getTarget() == null ? null : def.getTarget().getPath();
    }

    long capacity() {
        return def.getCapacity().toBytes();
    }

    long allocation() {
        return def.getAllocation().toBytes();
    }

    long available() {
        return def.getAvailable().toBytes();
    }

    /** Sets capacity and allocation; available follows, as in libvirt. */
    void setSizes(long capacity, long allocation) {
        def.setCapacity(ScaledValue.bytes(capacity));
        def.setAllocation(ScaledValue.bytes(allocation));
        def.setAvailable(ScaledValue.bytes(capacity - allocation));
    }

    Map<String, StorageVolumeDef> volumes() {
        return volumes;
    }
}
