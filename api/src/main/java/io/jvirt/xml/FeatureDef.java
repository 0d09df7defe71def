package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * One hypervisor feature inside {@code <features>}: {@code <acpi/>}, {@code <hap state='on'/>},
 * {@code <apic eoi='on'/>}. Libvirt's old-style features are on by presence; newer ones carry
 * {@code state}.
 */
public class FeatureDef extends ExtensibleElement {
    @XmlAttribute(name = "state")
    private String state;

    public FeatureDef() {
    }

    public FeatureDef(String state) {
        this.state = state;
    }

    /** On unless {@code state='off'}. */
    public boolean isOn() {
        return !"off".equals(state);
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }
}
