package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * The domain's {@code <maxMemory slots='N'>}: the memory hot-plug ceiling and slot count.
 */
public class MaxMemoryDef extends ScaledValue {
    @XmlAttribute(name = "slots")
    private String slots;

    public MaxMemoryDef() {
    }

    public MaxMemoryDef(String value, String unit, String slots) {
        super(value, unit);
        this.slots = slots;
    }

    public String getSlots() {
        return slots;
    }

    public void setSlots(String slots) {
        this.slots = slots;
    }
}
