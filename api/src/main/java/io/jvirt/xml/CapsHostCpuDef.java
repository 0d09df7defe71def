package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlElement;
import java.util.ArrayList;
import java.util.List;

/**
 * The host {@code <cpu>} of the capabilities: architecture, feature flags, model, topology and page sizes.
 */
public class CapsHostCpuDef extends ExtensibleElement {
    @XmlElement(name = "arch")
    private String arch;

    @XmlElement(name = "features")
    private FeatureListDef features;

    @XmlElement(name = "model")
    private String model;

    @XmlElement(name = "vendor")
    private String vendor;

    @XmlElement(name = "topology")
    private CpuTopologyDef topology;

    @XmlElement(name = "pages")
    private List<CapsPagesDef> pages = new ArrayList<>();

    public String getArch() {
        return arch;
    }

    public void setArch(String arch) {
        this.arch = arch;
    }

    public FeatureListDef getFeatures() {
        return features;
    }

    public void setFeatures(FeatureListDef features) {
        this.features = features;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getVendor() {
        return vendor;
    }

    public void setVendor(String vendor) {
        this.vendor = vendor;
    }

    public CpuTopologyDef getTopology() {
        return topology;
    }

    public void setTopology(CpuTopologyDef topology) {
        this.topology = topology;
    }

    /** The {@code <pages>} children, in document order. Live, mutable. */
    public List<CapsPagesDef> getPages() {
        return pages;
    }
}
