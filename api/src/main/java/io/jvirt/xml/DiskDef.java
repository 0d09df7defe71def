package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;

/**
 * A {@code <disk type='file' device='disk'>}: a file, block device, directory, storage volume or
 * network export given to the guest as a disk, CD-ROM, floppy or LUN.
 *
 * <pre>{@code
 * DiskDef disk = new DiskDef("file", "disk");
 * disk.setSource(new DiskSourceDef());
 * disk.getSource().setFile("/var/lib/images/vm.qcow2");
 * disk.setTarget(new DiskTargetDef("vda", "virtio"));
 * }</pre>
 */
public class DiskDef extends DeviceDef {
    @XmlAttribute(name = "type")
    private String type;

    @XmlAttribute(name = "device")
    private String device;

    @XmlElement(name = "driver")
    private DiskDriverDef driver;

    @XmlElement(name = "source")
    private DiskSourceDef source;

    @XmlElement(name = "target")
    private DiskTargetDef target;

    @XmlElement(name = "readonly")
    private FlagDef readonly;

    @XmlElement(name = "shareable")
    private FlagDef shareable;

    @XmlElement(name = "serial")
    private String serial;

    @XmlElement(name = "boot")
    private BootOrderDef boot;

    public DiskDef() {
    }

    public DiskDef(String type, String device) {
        this.type = type;
        this.device = device;
    }

    /**
     * What libvirt calls the disk's source (virDomainDiskGetSource): the file, device or directory
     * path, or the export name of a network disk; null when there is none (e.g. an empty CD-ROM).
     */
    public String getSourcePath() {
        if (source == null) {
            return null;
        }
        for (String path : new String[] {source.getFile(), source.getDev(), source.getDir(),
                source.getName()}) {
            if (path != null) {
                return path;
            }
        }
        return null;
    }

    /** The target device name ({@code vda}), or null. */
    public String getTargetDev() {
        return target == null ? null : target.getDev();
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getDevice() {
        return device;
    }

    public void setDevice(String device) {
        this.device = device;
    }

    public DiskDriverDef getDriver() {
        return driver;
    }

    public void setDriver(DiskDriverDef driver) {
        this.driver = driver;
    }

    public DiskSourceDef getSource() {
        return source;
    }

    public void setSource(DiskSourceDef source) {
        this.source = source;
    }

    public DiskTargetDef getTarget() {
        return target;
    }

    public void setTarget(DiskTargetDef target) {
        this.target = target;
    }

    /** Whether {@code <readonly/>} is present. */
    public boolean isReadonly() {
        return readonly != null;
    }

    public void setReadonly(boolean readonly) {
        this.readonly = readonly ? (this.readonly != null ? this.readonly : new FlagDef()) : null;
    }

    /** Whether {@code <shareable/>} is present. */
    public boolean isShareable() {
        return shareable != null;
    }

    public void setShareable(boolean shareable) {
        this.shareable = shareable ? (this.shareable != null ? this.shareable : new FlagDef()) : null;
    }

    public String getSerial() {
        return serial;
    }

    public void setSerial(String serial) {
        this.serial = serial;
    }

    public BootOrderDef getBoot() {
        return boot;
    }

    public void setBoot(BootOrderDef boot) {
        this.boot = boot;
    }
}
