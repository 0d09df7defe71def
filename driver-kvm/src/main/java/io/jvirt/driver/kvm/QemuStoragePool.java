package io.jvirt.driver.kvm;

import io.jvirt.spi.HostObject;
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
final class QemuStoragePool extends HostObject {
    final StoragePoolRef ref;
    StoragePoolDef def;
    final TreeMap<String, Path> volumes = new TreeMap<>();

    QemuStoragePool(StoragePoolDef def, boolean persistent) {
        super(def.getName(), UUID.fromString(def.getUuid()), persistent);
        this.def = def;
        this.ref = new StoragePoolRef(name(), uuid());
    }

    Path target() {
        return Path.of(def.getTarget().getPath());
    }
}
