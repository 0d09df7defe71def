package io.jvirt.xml;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import java.util.Map;
import java.util.Set;

/**
 * libvirt's pool types and what its parser (virStoragePoolDefParseXML with each type's
 * {@code poolOptions.flags} in storage_conf.c) demands of each: source hosts, a source
 * directory, a device when that is the only source, and a target path unless the pool is on
 * the network; logical and zfs pools derive their target from the source name. Checked in
 * libvirt's order, with its wording. Adapter and initiator details are not checked.
 */
final class StoragePoolTypes {
    private enum Needs { HOST, DIR, DEVICE_ONLY, NETWORK, NAME }

    private static final Map<String, Set<Needs>> TYPES = Map.ofEntries(
            Map.entry("dir", Set.of()),
            Map.entry("fs", Set.of(Needs.DEVICE_ONLY)),
            Map.entry("netfs", Set.of(Needs.HOST, Needs.DIR)),
            Map.entry("logical", Set.of(Needs.NAME)),
            Map.entry("disk", Set.of(Needs.DEVICE_ONLY)),
            Map.entry("iscsi", Set.of(Needs.HOST)),
            Map.entry("iscsi-direct", Set.of(Needs.HOST, Needs.DIR, Needs.NETWORK)),
            Map.entry("scsi", Set.of()),
            Map.entry("mpath", Set.of()),
            Map.entry("rbd", Set.of(Needs.HOST, Needs.NETWORK, Needs.NAME)),
            Map.entry("sheepdog", Set.of(Needs.HOST, Needs.NETWORK, Needs.NAME)),
            Map.entry("gluster", Set.of(Needs.HOST, Needs.NETWORK, Needs.NAME)),
            Map.entry("zfs", Set.of(Needs.NAME)),
            Map.entry("vstorage", Set.of(Needs.NAME)));

    private StoragePoolTypes() {
    }

    /** The root's type attribute, checked as libvirt's virXMLPropEnum does, before anything else. */
    static void checkType(StoragePoolDef def) {
        String type = def.getType();
        if (type == null) {
            throw xmlError("Missing required attribute 'type' in element 'pool'");
        }
        if (!TYPES.containsKey(type)) {
            throw xmlError("Invalid value for attribute 'type' in element 'pool': '" + type + "'.");
        }
    }

    /** The checks after name and UUID; a logical or zfs pool gets its target path here. */
    static void checkSourceAndTarget(StoragePoolDef def) {
        Set<Needs> needs = TYPES.get(def.getType());
        PoolSourceDef source = def.getSource();
        if (needs.contains(Needs.HOST) && source.getHosts().isEmpty()) {
            throw xmlError("missing storage pool source host name");
        }
        if (needs.contains(Needs.DIR) && source.getDir() == null) {
            throw xmlError("missing storage pool source path");
        }
        if (needs.contains(Needs.NAME) && source.getName() == null) {
            source.setName(def.getName()); // the source name defaults to the pool's
        }
        if (needs.contains(Needs.DEVICE_ONLY) && source.getDevices().isEmpty()) {
            throw xmlError("missing storage pool source device name");
        }
        if (needs.contains(Needs.NETWORK)) {
            return;
        }
        if ("logical".equals(def.getType())) {
            def.setTarget(withPath(def.getTarget(), "/dev/" + source.getName()));
        } else if ("zfs".equals(def.getType())) {
            def.setTarget(withPath(def.getTarget(), "/dev/zvol/" + source.getName()));
        } else if (def.getTarget() == null || def.getTarget().getPath() == null) {
            throw xmlError("missing storage pool target path");
        }
    }

    private static PoolTargetDef withPath(PoolTargetDef target, String path) {
        PoolTargetDef t = target == null ? new PoolTargetDef() : target;
        t.setPath(path);
        return t;
    }

    private static VirtException xmlError(String detail) {
        return new VirtException(ErrorCode.XML_ERROR, ErrorDomain.STORAGE, detail);
    }
}
