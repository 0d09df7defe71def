package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlElement;
import java.util.ArrayList;
import java.util.List;

/**
 * The domain's {@code <devices>}. The device kinds most code touches are typed lists; every
 * other kind ({@code <sound>}, {@code <tpm>}, {@code <watchdog>}, ...) stays as elements in
 * {@link #getExtraElements()}. {@link LibvirtXml#format} writes all of them in libvirt's order
 * (emulator, disks, controllers, filesystems, interfaces, serials, ...).
 */
public class DevicesDef extends ExtensibleElement {
    @XmlElement(name = "emulator")
    private String emulator;

    @XmlElement(name = "disk")
    private List<DiskDef> disks = new ArrayList<>();

    @XmlElement(name = "controller")
    private List<ControllerDef> controllers = new ArrayList<>();

    @XmlElement(name = "filesystem")
    private List<FilesystemDef> filesystems = new ArrayList<>();

    @XmlElement(name = "interface")
    private List<DomainInterfaceDef> interfaces = new ArrayList<>();

    @XmlElement(name = "serial")
    private List<CharDeviceDef> serials = new ArrayList<>();

    @XmlElement(name = "parallel")
    private List<CharDeviceDef> parallels = new ArrayList<>();

    @XmlElement(name = "console")
    private List<CharDeviceDef> consoles = new ArrayList<>();

    @XmlElement(name = "channel")
    private List<CharDeviceDef> channels = new ArrayList<>();

    @XmlElement(name = "input")
    private List<InputDef> inputs = new ArrayList<>();

    @XmlElement(name = "graphics")
    private List<GraphicsDef> graphics = new ArrayList<>();

    @XmlElement(name = "video")
    private List<VideoDef> videos = new ArrayList<>();

    @XmlElement(name = "hostdev")
    private List<HostdevDef> hostdevs = new ArrayList<>();

    @XmlElement(name = "memballoon")
    private MemballoonDef memballoon;

    @XmlElement(name = "rng")
    private List<RngDef> rngs = new ArrayList<>();

    public String getEmulator() {
        return emulator;
    }

    public void setEmulator(String emulator) {
        this.emulator = emulator;
    }

    /** The {@code <disk>} children, in document order. Live, mutable. */
    public List<DiskDef> getDisks() {
        return disks;
    }

    /** The {@code <controller>} children, in document order. Live, mutable. */
    public List<ControllerDef> getControllers() {
        return controllers;
    }

    /** The {@code <filesystem>} children, in document order. Live, mutable. */
    public List<FilesystemDef> getFilesystems() {
        return filesystems;
    }

    /** The {@code <interface>} children, in document order. Live, mutable. */
    public List<DomainInterfaceDef> getInterfaces() {
        return interfaces;
    }

    /** The {@code <serial>} children, in document order. Live, mutable. */
    public List<CharDeviceDef> getSerials() {
        return serials;
    }

    /** The {@code <parallel>} children, in document order. Live, mutable. */
    public List<CharDeviceDef> getParallels() {
        return parallels;
    }

    /** The {@code <console>} children, in document order. Live, mutable. */
    public List<CharDeviceDef> getConsoles() {
        return consoles;
    }

    /** The {@code <channel>} children, in document order. Live, mutable. */
    public List<CharDeviceDef> getChannels() {
        return channels;
    }

    /** The {@code <input>} children, in document order. Live, mutable. */
    public List<InputDef> getInputs() {
        return inputs;
    }

    /** The {@code <graphics>} children, in document order. Live, mutable. */
    public List<GraphicsDef> getGraphics() {
        return graphics;
    }

    /** The {@code <video>} children, in document order. Live, mutable. */
    public List<VideoDef> getVideos() {
        return videos;
    }

    /** The {@code <hostdev>} children, in document order. Live, mutable. */
    public List<HostdevDef> getHostdevs() {
        return hostdevs;
    }

    public MemballoonDef getMemballoon() {
        return memballoon;
    }

    public void setMemballoon(MemballoonDef memballoon) {
        this.memballoon = memballoon;
    }

    /** The {@code <rng>} children, in document order. Live, mutable. */
    public List<RngDef> getRngs() {
        return rngs;
    }
}
