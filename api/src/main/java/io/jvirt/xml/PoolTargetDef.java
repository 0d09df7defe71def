package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlElement;

/**
 * A storage pool's {@code <target>}: its path and permissions.
 */
public class PoolTargetDef extends ExtensibleElement {
    @XmlElement(name = "path")
    private String path;

    @XmlElement(name = "permissions")
    private PermissionsDef permissions;

    public PoolTargetDef() {
    }

    public PoolTargetDef(String path) {
        this.path = path;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public PermissionsDef getPermissions() {
        return permissions;
    }

    public void setPermissions(PermissionsDef permissions) {
        this.permissions = permissions;
    }
}
