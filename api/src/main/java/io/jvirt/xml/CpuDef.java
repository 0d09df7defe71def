package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import java.util.ArrayList;
import java.util.List;

/**
 * The guest {@code <cpu mode='custom' match='exact'>}: model, vendor, topology and features.
 * NUMA cells ({@code <numa>}) and the rest stay in {@link #getExtraElements()}.
 */
public class CpuDef extends ExtensibleElement {
    @XmlAttribute(name = "mode")
    private String mode;

    @XmlAttribute(name = "match")
    private String match;

    @XmlAttribute(name = "check")
    private String check;

    @XmlAttribute(name = "migratable")
    private String migratable;

    @XmlElement(name = "model")
    private CpuModelDef model;

    @XmlElement(name = "vendor")
    private String vendor;

    @XmlElement(name = "topology")
    private CpuTopologyDef topology;

    @XmlElement(name = "feature")
    private List<CpuFeatureDef> features = new ArrayList<>();

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public String getMatch() {
        return match;
    }

    public void setMatch(String match) {
        this.match = match;
    }

    public String getCheck() {
        return check;
    }

    public void setCheck(String check) {
        this.check = check;
    }

    public String getMigratable() {
        return migratable;
    }

    public void setMigratable(String migratable) {
        this.migratable = migratable;
    }

    public CpuModelDef getModel() {
        return model;
    }

    public void setModel(CpuModelDef model) {
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

    /** The {@code <feature>} children, in document order. Live, mutable. */
    public List<CpuFeatureDef> getFeatures() {
        return features;
    }
}
