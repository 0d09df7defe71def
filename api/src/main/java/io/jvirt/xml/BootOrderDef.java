package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * A per-device {@code <boot order='N'/>}: its place in the boot order (1 is first).
 */
public class BootOrderDef extends ExtensibleElement {
    @XmlAttribute(name = "order")
    private String order;

    @XmlAttribute(name = "loadparm")
    private String loadparm;

    public BootOrderDef() {
    }

    public BootOrderDef(int order) {
        this.order = Integer.toString(order);
    }

    public String getOrder() {
        return order;
    }

    public void setOrder(String order) {
        this.order = order;
    }

    public String getLoadparm() {
        return loadparm;
    }

    public void setLoadparm(String loadparm) {
        this.loadparm = loadparm;
    }
}
