package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlElement;

/**
 * A {@code <guest>} kind the host can run: OS type, architecture, features.
 */
public class CapsGuestDef extends ExtensibleElement {
    @XmlElement(name = "os_type")
    private String osType;

    @XmlElement(name = "arch")
    private CapsGuestArchDef arch;

    @XmlElement(name = "features")
    private FeatureListDef features;

    public String getOsType() {
        return osType;
    }

    public void setOsType(String osType) {
        this.osType = osType;
    }

    public CapsGuestArchDef getArch() {
        return arch;
    }

    public void setArch(CapsGuestArchDef arch) {
        this.arch = arch;
    }

    public FeatureListDef getFeatures() {
        return features;
    }

    public void setFeatures(FeatureListDef features) {
        this.features = features;
    }
}
