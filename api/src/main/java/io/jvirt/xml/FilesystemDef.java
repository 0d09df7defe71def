package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;

/**
 * A {@code <filesystem type='mount' accessmode='passthrough'>} shared with the guest.
 */
public class FilesystemDef extends DeviceDef {
    @XmlAttribute(name = "type")
    private String type;

    @XmlAttribute(name = "accessmode")
    private String accessmode;

    @XmlElement(name = "source")
    private FilesystemSourceDef source;

    @XmlElement(name = "target")
    private FilesystemTargetDef target;

    @XmlElement(name = "readonly")
    private FlagDef readonly;

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getAccessmode() {
        return accessmode;
    }

    public void setAccessmode(String accessmode) {
        this.accessmode = accessmode;
    }

    public FilesystemSourceDef getSource() {
        return source;
    }

    public void setSource(FilesystemSourceDef source) {
        this.source = source;
    }

    public FilesystemTargetDef getTarget() {
        return target;
    }

    public void setTarget(FilesystemTargetDef target) {
        this.target = target;
    }

    /** Whether {@code <readonly/>} is present. */
    public boolean isReadonly() {
        return readonly != null;
    }

    public void setReadonly(boolean readonly) {
        this.readonly = readonly ? (this.readonly != null ? this.readonly : new FlagDef()) : null;
    }
}
