package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlElement;

/**
 * A volume's {@code <target>} (and, with the same content, its {@code <backingStore>}): path,
 * format, permissions and qcow2 {@code compat}; timestamps, encryption and features stay untyped.
 */
public class VolumeTargetDef extends ExtensibleElement {
    @XmlElement(name = "path")
    private String path;

    @XmlElement(name = "format")
    private StorageFormatDef format;

    @XmlElement(name = "permissions")
    private PermissionsDef permissions;

    @XmlElement(name = "compat")
    private String compat;

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public StorageFormatDef getFormat() {
        return format;
    }

    public void setFormat(StorageFormatDef format) {
        this.format = format;
    }

    public PermissionsDef getPermissions() {
        return permissions;
    }

    public void setPermissions(PermissionsDef permissions) {
        this.permissions = permissions;
    }

    public String getCompat() {
        return compat;
    }

    public void setCompat(String compat) {
        this.compat = compat;
    }
}
