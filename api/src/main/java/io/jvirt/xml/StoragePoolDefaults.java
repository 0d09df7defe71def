package io.jvirt.xml;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;

/** Pool XML as libvirt's pool parser leaves it: a name is required, a UUID generated when absent. */
public final class StoragePoolDefaults {
    private StoragePoolDefaults() {
    }

    /**
     * Parses pool XML as libvirt's virStoragePoolDefParseXML: the type, then what
     * {@link #complete} does, then what the type demands of the source and target.
     */
    public static StoragePoolDef parse(String xml) {
        StoragePoolDef def = LibvirtXml.parseStoragePool(xml);
        StoragePoolTypes.checkType(def);
        complete(def);
        StoragePoolTypes.checkSourceAndTarget(def);
        return def;
    }

    /** Checks the name, canonicalises or generates the UUID, adds an empty {@code <source>}. */
    public static StoragePoolDef complete(StoragePoolDef def) {
        if (def.getName() == null || def.getName().isEmpty()) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.STORAGE, "missing pool source name element");
        }
        if (def.getUuid() == null) {
            def.setUuid(Uuids.random());
        } else {
            String canonical = Uuids.canonical(def.getUuid());
            if (canonical == null) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.STORAGE, "malformed uuid element");
            }
            def.setUuid(canonical);
        }
        if (def.getSource() == null) {
            def.setSource(new PoolSourceDef()); // libvirt always writes <source>, empty or not
        }
        return def;
    }
}
