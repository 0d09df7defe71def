package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * The domain's {@code <memory>}: the maximum (boot-time) memory, plus the {@code dumpCore} switch.
 */
public class MemoryDef extends ScaledValue {
    @XmlAttribute(name = "dumpCore")
    private String dumpCore;

    public MemoryDef() {
    }

    public MemoryDef(String value, String unit) {
        super(value, unit);
    }

    public String getDumpCore() {
        return dumpCore;
    }

    public void setDumpCore(String dumpCore) {
        this.dumpCore = dumpCore;
    }
}
