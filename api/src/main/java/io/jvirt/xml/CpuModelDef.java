package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * The guest CPU {@code <model fallback='allow'>qemu64</model>}.
 */
public class CpuModelDef extends TextElement {
    @XmlAttribute(name = "fallback")
    private String fallback;

    @XmlAttribute(name = "vendor_id")
    private String vendorId;

    public CpuModelDef() {
    }

    public CpuModelDef(String model) {
        super(model);
    }

    public String getFallback() {
        return fallback;
    }

    public void setFallback(String fallback) {
        this.fallback = fallback;
    }

    public String getVendorId() {
        return vendorId;
    }

    public void setVendorId(String vendorId) {
        this.vendorId = vendorId;
    }
}
