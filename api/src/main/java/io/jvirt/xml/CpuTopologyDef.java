package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * {@code <topology sockets='1' dies='1' cores='2' threads='2'/>}.
 */
public class CpuTopologyDef extends ExtensibleElement {
    @XmlAttribute(name = "sockets")
    private String sockets;

    @XmlAttribute(name = "dies")
    private String dies;

    @XmlAttribute(name = "cores")
    private String cores;

    @XmlAttribute(name = "threads")
    private String threads;

    public CpuTopologyDef() {
    }

    public CpuTopologyDef(int sockets, int dies, int cores, int threads) {
        this.sockets = Integer.toString(sockets);
        this.dies = Integer.toString(dies);
        this.cores = Integer.toString(cores);
        this.threads = Integer.toString(threads);
    }

    public String getSockets() {
        return sockets;
    }

    public void setSockets(String sockets) {
        this.sockets = sockets;
    }

    public String getDies() {
        return dies;
    }

    public void setDies(String dies) {
        this.dies = dies;
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
}
