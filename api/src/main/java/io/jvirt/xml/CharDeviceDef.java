package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import java.util.ArrayList;
import java.util.List;

/**
 * A character device: {@code <serial>}, {@code <console>}, {@code <parallel>} or
 * {@code <channel>}, with {@code type='pty|file|unix|tcp|udp|...'}. UDP devices have two
 * {@code <source>} elements, so sources are a list.
 */
public class CharDeviceDef extends DeviceDef {
    @XmlAttribute(name = "type")
    private String type;

    @XmlElement(name = "source")
    private List<CharSourceDef> sources = new ArrayList<>();

    @XmlElement(name = "target")
    private CharTargetDef target;

    public CharDeviceDef() {
    }

    public CharDeviceDef(String type) {
        this.type = type;
    }

    /** The first {@code <source>}, or null. */
    public CharSourceDef getSource() {
        return sources.isEmpty() ? null : sources.get(0);
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    /** The {@code <source>} children, in document order. Live, mutable. */
    public List<CharSourceDef> getSources() {
        return sources;
    }

    public CharTargetDef getTarget() {
        return target;
    }

    public void setTarget(CharTargetDef target) {
        this.target = target;
    }
}
