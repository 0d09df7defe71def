package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;
import java.util.List;
import org.w3c.dom.Element;

/**
 * The domain's {@code <clock offset='utc'>}. Its {@code <timer>} children are kept as elements,
 * unchanged ({@link #getTimers()}).
 */
public class ClockDef extends ExtensibleElement {
    @XmlAttribute(name = "offset")
    private String offset;

    @XmlAttribute(name = "adjustment")
    private String adjustment;

    @XmlAttribute(name = "basis")
    private String basis;

    @XmlAttribute(name = "timezone")
    private String timezone;

    public ClockDef() {
    }

    public ClockDef(String offset) {
        this.offset = offset;
    }

    /** The {@code <timer>} elements. A copy; edit {@link #getExtraElements()} to change them. */
    public List<Element> getTimers() {
        return getExtraElements("timer");
    }

    public String getOffset() {
        return offset;
    }

    public void setOffset(String offset) {
        this.offset = offset;
    }

    public String getAdjustment() {
        return adjustment;
    }

    public void setAdjustment(String adjustment) {
        this.adjustment = adjustment;
    }

    public String getBasis() {
        return basis;
    }

    public void setBasis(String basis) {
        this.basis = basis;
    }

    public String getTimezone() {
        return timezone;
    }

    public void setTimezone(String timezone) {
        this.timezone = timezone;
    }
}
