package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;

/**
 * A storage {@code <volume>}. Sizes are {@link ScaledValue}s whose default unit is bytes
 * ({@link ScaledValue#toBytes()}).
 */
@XmlRootElement(name = "volume")
public class StorageVolumeDef extends ExtensibleElement {
    @XmlAttribute(name = "type")
    private String type;

    @XmlElement(name = "name")
    private String name;

    @XmlElement(name = "key")
    private String key;

    @XmlElement(name = "capacity")
    private ScaledValue capacity;

    @XmlElement(name = "allocation")
    private ScaledValue allocation;

    @XmlElement(name = "physical")
    private ScaledValue physical;

    @XmlElement(name = "target")
    private VolumeTargetDef target;

    @XmlElement(name = "backingStore")
    private VolumeTargetDef backingStore;

    public StorageVolumeDef() {
    }

    public StorageVolumeDef(String name) {
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

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
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

    public ScaledValue getPhysical() {
        return physical;
    }

    public void setPhysical(ScaledValue physical) {
        this.physical = physical;
    }

    public VolumeTargetDef getTarget() {
        return target;
    }

    public void setTarget(VolumeTargetDef target) {
        this.target = target;
    }

    public VolumeTargetDef getBackingStore() {
        return backingStore;
    }

    public void setBackingStore(VolumeTargetDef backingStore) {
        this.backingStore = backingStore;
    }
}
