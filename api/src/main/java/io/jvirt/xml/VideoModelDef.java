package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * A video card's {@code <model type='vga' vram='16384' heads='1' primary='yes'/>}.
 */
public class VideoModelDef extends ExtensibleElement {
    @XmlAttribute(name = "type")
    private String type;

    @XmlAttribute(name = "ram")
    private String ram;

    @XmlAttribute(name = "vram")
    private String vram;

    @XmlAttribute(name = "vgamem")
    private String vgamem;

    @XmlAttribute(name = "heads")
    private String heads;

    @XmlAttribute(name = "primary")
    private String primary;

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getRam() {
        return ram;
    }

    public void setRam(String ram) {
        this.ram = ram;
    }

    public String getVram() {
        return vram;
    }

    public void setVram(String vram) {
        this.vram = vram;
    }

    public String getVgamem() {
        return vgamem;
    }

    public void setVgamem(String vgamem) {
        this.vgamem = vgamem;
    }

    public String getHeads() {
        return heads;
    }

    public void setHeads(String heads) {
        this.heads = heads;
    }

    public String getPrimary() {
        return primary;
    }

    public void setPrimary(String primary) {
        this.primary = primary;
    }
}
