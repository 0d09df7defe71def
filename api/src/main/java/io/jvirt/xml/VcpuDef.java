package io.jvirt.xml;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * The domain's {@code <vcpu placement='static' cpuset='0-3' current='2'>4</vcpu>}: the maximum
 * vCPU count (the text), how many are online at boot ({@code current}), and pinning.
 */
public class VcpuDef extends TextElement {
    @XmlAttribute(name = "placement")
    private String placement;

    @XmlAttribute(name = "cpuset")
    private String cpuset;

    @XmlAttribute(name = "current")
    private String current;

    public VcpuDef() {
    }

    public VcpuDef(int count) {
        super(Integer.toString(count));
    }

    /**
     * The maximum vCPU count.
     *
     * @throws VirtException {@code XML_ERROR} "maximum vcpus count must be an integer", as libvirt
     */
    public int getCount() {
        long count;
        try {
            count = Units.parseUnsigned(getText());
        } catch (NumberFormatException e) {
            count = -1;
        }
        // libvirt reads the count as an unsigned int; jvirt also refuses what does not fit an int.
        if (count < 0 || count > Integer.MAX_VALUE) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN,
                    "maximum vcpus count must be an integer");
        }
        return (int) count;
    }

    public void setCount(int count) {
        setText(Integer.toString(count));
    }

    public String getPlacement() {
        return placement;
    }

    public void setPlacement(String placement) {
        this.placement = placement;
    }

    public String getCpuset() {
        return cpuset;
    }

    public void setCpuset(String cpuset) {
        this.cpuset = cpuset;
    }

    public String getCurrent() {
        return current;
    }

    public void setCurrent(String current) {
        this.current = current;
    }
}
