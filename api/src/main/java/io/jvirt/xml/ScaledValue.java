package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * A size with a unit, as libvirt writes {@code <memory unit='KiB'>1048576</memory>} or
 * {@code <capacity unit='bytes'>1073741824</capacity>}.
 *
 * <p>The number is kept as text, exactly as parsed; {@link #toKiB()} and {@link #toBytes()}
 * apply libvirt's unit rules (see {@link Units}). Build normalized values with {@link #kib} and
 * {@link #bytes}.
 */
public class ScaledValue extends TextElement {
    @XmlAttribute(name = "unit")
    private String unit;

    public ScaledValue() {
    }

    public ScaledValue(String value, String unit) {
        super(value);
        this.unit = unit;
    }

    /** {@code <x unit='KiB'>kib</x>}, how libvirt writes domain memory. */
    public static ScaledValue kib(long kib) {
        return new ScaledValue(Long.toUnsignedString(kib), "KiB");
    }

    /** {@code <x unit='bytes'>bytes</x>}, how libvirt writes storage sizes. */
    public static ScaledValue bytes(long bytes) {
        return new ScaledValue(Long.toUnsignedString(bytes), "bytes");
    }

    /** The number as written (the element's text). */
    public String getValue() {
        return getText();
    }

    public void setValue(String value) {
        setText(value);
    }

    /**
     * The size in KiB with domain-memory rules: no unit means KiB, rounded up to whole KiB.
     *
     * @throws io.jvirt.VirtException as libvirt's virDomainParseMemory for a bad number or unit
     */
    public long toKiB() {
        return Units.parseMemoryKiB(getText(), unit, "value", true);
    }

    /**
     * The size in bytes with storage rules: no unit means bytes.
     *
     * @throws io.jvirt.VirtException as libvirt's virParseScaledValue for a bad number or unit
     */
    public long toBytes() {
        return Units.parseScaledValue(getText(), unit, "value", 1, Long.MAX_VALUE);
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }
}
