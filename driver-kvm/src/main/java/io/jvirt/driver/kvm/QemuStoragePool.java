package io.jvirt.driver.kvm;

import io.jvirt.spi.StoragePoolRef;
import io.jvirt.xml.StoragePoolDef;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A directory storage pool, libvirt's virStoragePoolObj for a {@code type='dir'} pool: its
 * definition, its flags and the volumes its last refresh found (name → path; what a volume
 * holds is read from the file when asked). Guarded by its monitor.
 */
final class QemuStoragePool {
    final String name;
    final UUID uuid;
    final StoragePoolRef ref;
    StoragePoolDef def;
    boolean active;
    boolean persistent;
    boolean autostart;
    /** Left the registry: a handle to it now gets "no storage pool". */
    boolean removed;
    final TreeMap<String, Path> volumes = new TreeMap<>();

    QemuStoragePool(StoragePoolDef def, boolean persistent) {
        this.def = def;
        this.name = def.getName();
        this.uuid = UUID.fromString(def.getUuid());
        this.ref = new StoragePoolRef(name, uuid);
        this.persistent = persistent;
    }

    Path target() {
        return Path.of(def.getTarget().getPath());
    }
}
