package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import java.util.ArrayList;
import java.util.List;

/**
 * A guest network interface, {@code <interface type='network'>} inside {@code <devices>} (not to
 * be confused with a host interface, {@link InterfaceDef}).
 *
 * <pre>{@code
 * DomainInterfaceDef nic = new DomainInterfaceDef("network");
 * nic.setSource(new InterfaceSourceDef());
 * nic.getSource().setNetwork("default");
 * nic.setModel(new ModelDef("virtio"));
 * }</pre>
 */
public class DomainInterfaceDef extends DeviceDef {
    @XmlAttribute(name = "type")
    private String type;

    @XmlElement(name = "mac")
    private MacDef mac;

    @XmlElement(name = "source")
    private InterfaceSourceDef source;

    @XmlElement(name = "ip")
    private List<IpDef> ips = new ArrayList<>();

    @XmlElement(name = "script")
    private ScriptDef script;

    @XmlElement(name = "target")
    private InterfaceTargetDef target;

    @XmlElement(name = "model")
    private ModelDef model;

    @XmlElement(name = "mtu")
    private MtuDef mtu;

    @XmlElement(name = "boot")
    private BootOrderDef boot;

    public DomainInterfaceDef() {
    }

    public DomainInterfaceDef(String type) {
        this.type = type;
    }

    /** The MAC address, or null when none is set (yet). */
    public String getMacAddress() {
        return mac == null ? null : mac.getAddress();
    }

    public void setMacAddress(String address) {
        if (mac == null) {
            mac = new MacDef();
        }
        mac.setAddress(address);
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public MacDef getMac() {
        return mac;
    }

    public void setMac(MacDef mac) {
        this.mac = mac;
    }

    public InterfaceSourceDef getSource() {
        return source;
    }

    public void setSource(InterfaceSourceDef source) {
        this.source = source;
    }

    /** The {@code <ip>} children, in document order. Live, mutable. */
    public List<IpDef> getIps() {
        return ips;
    }

    public ScriptDef getScript() {
        return script;
    }

    public void setScript(ScriptDef script) {
        this.script = script;
    }

    public InterfaceTargetDef getTarget() {
        return target;
    }

    public void setTarget(InterfaceTargetDef target) {
        this.target = target;
    }

    public ModelDef getModel() {
        return model;
    }

    public void setModel(ModelDef model) {
        this.model = model;
    }

    public MtuDef getMtu() {
        return mtu;
    }

    public void setMtu(MtuDef mtu) {
        this.mtu = mtu;
    }

    public BootOrderDef getBoot() {
        return boot;
    }

    public void setBoot(BootOrderDef boot) {
        this.boot = boot;
    }
}
