package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlElement;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code <host>} part of the capabilities.
 */
public class CapsHostDef extends ExtensibleElement {
    @XmlElement(name = "uuid")
    private String uuid;

    @XmlElement(name = "cpu")
    private CapsHostCpuDef cpu;

    @XmlElement(name = "power_management")
    private FeatureListDef powerManagement;

    @XmlElement(name = "iommu")
    private CapsIommuDef iommu;

    @XmlElement(name = "topology")
    private CapsTopologyDef topology;

    @XmlElement(name = "secmodel")
    private List<CapsSecModelDef> secmodels = new ArrayList<>();

    public String getUuid() {
        return uuid;
    }

    public void setUuid(String uuid) {
        this.uuid = uuid;
    }

    public CapsHostCpuDef getCpu() {
        return cpu;
    }

    public void setCpu(CapsHostCpuDef cpu) {
        this.cpu = cpu;
    }

    public FeatureListDef getPowerManagement() {
        return powerManagement;
    }

    public void setPowerManagement(FeatureListDef powerManagement) {
        this.powerManagement = powerManagement;
    }

    public CapsIommuDef getIommu() {
        return iommu;
    }

    public void setIommu(CapsIommuDef iommu) {
        this.iommu = iommu;
    }

    public CapsTopologyDef getTopology() {
        return topology;
    }

    public void setTopology(CapsTopologyDef topology) {
        this.topology = topology;
    }

    /** The {@code <secmodel>} children, in document order. Live, mutable. */
    public List<CapsSecModelDef> getSecmodels() {
        return secmodels;
    }
}
