package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlElement;

/**
 * The {@code <cpu>} of a test-driver node file: topology, active CPUs, speed and model (each a text element).
 */
public class NodeCpuDef extends ExtensibleElement {
    @XmlElement(name = "nodes")
    private String nodes;

    @XmlElement(name = "sockets")
    private String sockets;

    @XmlElement(name = "cores")
    private String cores;

    @XmlElement(name = "threads")
    private String threads;

    @XmlElement(name = "active")
    private String active;

    @XmlElement(name = "mhz")
    private String mhz;

    @XmlElement(name = "model")
    private String model;

    public String getNodes() {
        return nodes;
    }

    public void setNodes(String nodes) {
        this.nodes = nodes;
    }

    public String getSockets() {
        return sockets;
    }

    public void setSockets(String sockets) {
        this.sockets = sockets;
    }

    public String getCores() {
        return cores;
    }

    public void setCores(String cores) {
        this.cores = cores;
    }

    public String getThreads() {
        return threads;
    }

    public void setThreads(String threads) {
        this.threads = threads;
    }

    public String getActive() {
        return active;
    }

    public void setActive(String active) {
        this.active = active;
    }

    public String getMhz() {
        return mhz;
    }

    public void setMhz(String mhz) {
        this.mhz = mhz;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }
}
