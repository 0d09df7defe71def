package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * A host CPU in a NUMA cell: {@code <cpu id='0' socket_id='0' die_id='0' core_id='0' siblings='0'/>}.
 */
public class CapsCpuDef extends ExtensibleElement {
    @XmlAttribute(name = "id")
    private String id;

    @XmlAttribute(name = "socket_id")
    private String socketId;

    @XmlAttribute(name = "die_id")
    private String dieId;

    @XmlAttribute(name = "core_id")
    private String coreId;

    @XmlAttribute(name = "siblings")
    private String siblings;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getSocketId() {
        return socketId;
    }

    public void setSocketId(String socketId) {
        this.socketId = socketId;
    }

    public String getDieId() {
        return dieId;
    }

    public void setDieId(String dieId) {
        this.dieId = dieId;
    }

    public String getCoreId() {
        return coreId;
    }

    public void setCoreId(String coreId) {
        this.coreId = coreId;
    }

    public String getSiblings() {
        return siblings;
    }

    public void setSiblings(String siblings) {
        this.siblings = siblings;
    }
}
