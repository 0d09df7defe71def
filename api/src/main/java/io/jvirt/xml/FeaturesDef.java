package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlElement;

/**
 * The domain's {@code <features>}. ACPI, APIC, PAE, HAP and Viridian are typed; every other
 * feature ({@code <hyperv>}, {@code <kvm>}, {@code <vmport state='off'/>}, ...) stays as an
 * element in {@link #getExtraElements()} and is written in libvirt's order.
 */
public class FeaturesDef extends ExtensibleElement {
    @XmlElement(name = "acpi")
    private FeatureDef acpi;

    @XmlElement(name = "apic")
    private FeatureDef apic;

    @XmlElement(name = "pae")
    private FeatureDef pae;

    @XmlElement(name = "hap")
    private FeatureDef hap;

    @XmlElement(name = "viridian")
    private FeatureDef viridian;

    /** {@code <acpi/>} present (and not {@code state='off'}). */
    public boolean isAcpiEnabled() {
        return acpi != null && acpi.isOn();
    }

    public void setAcpiEnabled(boolean on) {
        acpi = on ? new FeatureDef() : null;
    }

    public boolean isApicEnabled() {
        return apic != null && apic.isOn();
    }

    public void setApicEnabled(boolean on) {
        apic = on ? new FeatureDef() : null;
    }

    public boolean isPaeEnabled() {
        return pae != null && pae.isOn();
    }

    public void setPaeEnabled(boolean on) {
        pae = on ? new FeatureDef() : null;
    }

    /** HAP is on by presence or {@code state='on'}. */
    public boolean isHapEnabled() {
        return hap != null && hap.isOn();
    }

    /** Writes {@code <hap state='on|off'/>}, as libvirt formats HAP. */
    public void setHapEnabled(boolean on) {
        hap = new FeatureDef(on ? "on" : "off");
    }

    public boolean isViridianEnabled() {
        return viridian != null && viridian.isOn();
    }

    public void setViridianEnabled(boolean on) {
        viridian = on ? new FeatureDef() : null;
    }

    public FeatureDef getAcpi() {
        return acpi;
    }

    public void setAcpi(FeatureDef acpi) {
        this.acpi = acpi;
    }

    public FeatureDef getApic() {
        return apic;
    }

    public void setApic(FeatureDef apic) {
        this.apic = apic;
    }

    public FeatureDef getPae() {
        return pae;
    }

    public void setPae(FeatureDef pae) {
        this.pae = pae;
    }

    public FeatureDef getHap() {
        return hap;
    }

    public void setHap(FeatureDef hap) {
        this.hap = hap;
    }

    public FeatureDef getViridian() {
        return viridian;
    }

    public void setViridian(FeatureDef viridian) {
        this.viridian = viridian;
    }
}
