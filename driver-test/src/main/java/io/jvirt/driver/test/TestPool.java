package io.jvirt.driver.test;

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
final class TestPool {
    /** libvirt's defaultPoolCap: every test pool holds 100 GiB. */
    static final long DEFAULT_CAPACITY = 100L << 30;

    private final String name;
    private final UUID uuid;
    private final StoragePoolRef ref;
    private final StoragePoolDef def;
    private final Map<String, StorageVolumeDef> volumes = new LinkedHashMap<>();
    private boolean active;
    private boolean persistent;
    private boolean autostart;
    private boolean removed;

    TestPool(StoragePoolDef def, boolean persistent) {
        this.def = def;
        this.name = def.getName();
        this.uuid = UUID.fromString(def.getUuid());
        this.ref = new StoragePoolRef(name, uuid);
        this.persistent = persistent;
        setSizes(DEFAULT_CAPACITY, 0);
    }

    String name() {
        return name;
    }

    UUID uuid() {
        return uuid;
    }

    StoragePoolRef ref() {
        return ref;
    }

    StoragePoolDef def() {
        return def;
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

    boolean isActive() {
        return active;
    }

    void setActive(boolean active) {
        this.active = active;
    }

    boolean isPersistent() {
        return persistent;
    }

    void setPersistent(boolean persistent) {
        this.persistent = persistent;
    }

    boolean autostart() {
        return autostart;
    }

    void setAutostart(boolean autostart) {
        this.autostart = autostart;
    }

    boolean isRemoved() {
        return removed;
    }

    void markRemoved() {
        removed = true;
    }
}
