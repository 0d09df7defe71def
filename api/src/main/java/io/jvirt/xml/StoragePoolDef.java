package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;

/**
 * A storage {@code <pool type='dir'>}.
 *
 * <p>{@link #getVolumes()} is only for the test driver's {@code <node>} file, where a pool may
 * hold its {@code <volume>}s inline; libvirt's own pool XML never contains volumes.
 */
@XmlRootElement(name = "pool")
public class StoragePoolDef extends ExtensibleElement {
    @XmlAttribute(name = "type")
    private String type;

    @XmlElement(name = "name")
    private String name;

    @XmlElement(name = "uuid")
    private String uuid;

    @XmlElement(name = "capacity")
    private ScaledValue capacity;

    @XmlElement(name = "allocation")
    private ScaledValue allocation;

    @XmlElement(name = "available")
    private ScaledValue available;

    @XmlElement(name = "source")
    private PoolSourceDef source;

    @XmlElement(name = "target")
    private PoolTargetDef target;

    @XmlElement(name = "volume")
    private List<StorageVolumeDef> volumes = new ArrayList<>();

    public StoragePoolDef() {
    }

    public StoragePoolDef(String type, String name) {
        this.type = type;
        this.name = name;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getUuid() {
        return uuid;
    }

    public void setUuid(String uuid) {
        this.uuid = uuid;
    }

    public ScaledValue getCapacity() {
        return capacity;
    }

    public void setCapacity(ScaledValue capacity) {
        this.capacity = capacity;
    }

    public ScaledValue getAllocation() {
        return allocation;
    }

    public void setAllocation(ScaledValue allocation) {
        this.allocation = allocation;
    }

    public ScaledValue getAvailable() {
        return available;
    }

    public void setAvailable(ScaledValue available) {
        this.available = available;
    }

    public PoolSourceDef getSource() {
        return source;
    }

    public void setSource(PoolSourceDef source) {
        this.source = source;
    }

    public PoolTargetDef getTarget() {
        return target;
    }

    public void setTarget(PoolTargetDef target) {
        this.target = target;
    }

    /** The {@code <volume>} children, in document order. Live, mutable. */
    public List<StorageVolumeDef> getVolumes() {
        return volumes;
    }
}
