package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import java.util.ArrayList;
import java.util.List;

/**
 * The domain's {@code <os>}: the OS type (with architecture and machine), firmware, direct kernel
 * boot and the boot device order. Untyped children ({@code <smbios>}, {@code <bios>},
 * {@code <init>}, ...) stay in {@link #getExtraElements()}.
 */
public class OsDef extends ExtensibleElement {
    @XmlAttribute(name = "firmware")
    private String firmware;

    @XmlElement(name = "type")
    private OsTypeDef type;

    @XmlElement(name = "loader")
    private LoaderDef loader;

    @XmlElement(name = "nvram")
    private NvramDef nvram;

    @XmlElement(name = "kernel")
    private String kernel;

    @XmlElement(name = "initrd")
    private String initrd;

    @XmlElement(name = "cmdline")
    private String cmdline;

    @XmlElement(name = "dtb")
    private String dtb;

    @XmlElement(name = "root")
    private String root;

    @XmlElement(name = "boot")
    private List<BootDeviceDef> boots = new ArrayList<>();

    @XmlElement(name = "bootmenu")
    private BootMenuDef bootMenu;

    /** The OS type's text (hvm, xen, ...), or null without {@code <type>}. */
    public String getTypeName() {
        return type == null ? null : type.getText();
    }

    /** The {@code arch} of {@code <type>}, or null. */
    public String getArch() {
        return type == null ? null : type.getArch();
    }

    public String getFirmware() {
        return firmware;
    }

    public void setFirmware(String firmware) {
        this.firmware = firmware;
    }

    public OsTypeDef getType() {
        return type;
    }

    public void setType(OsTypeDef type) {
        this.type = type;
    }

    public LoaderDef getLoader() {
        return loader;
    }

    public void setLoader(LoaderDef loader) {
        this.loader = loader;
    }

    public NvramDef getNvram() {
        return nvram;
    }

    public void setNvram(NvramDef nvram) {
        this.nvram = nvram;
    }

    public String getKernel() {
        return kernel;
    }

    public void setKernel(String kernel) {
        this.kernel = kernel;
    }

    public String getInitrd() {
        return initrd;
    }

    public void setInitrd(String initrd) {
        this.initrd = initrd;
    }

    public String getCmdline() {
        return cmdline;
    }

    public void setCmdline(String cmdline) {
        this.cmdline = cmdline;
    }

    public String getDtb() {
        return dtb;
    }

    public void setDtb(String dtb) {
        this.dtb = dtb;
    }

    public String getRoot() {
        return root;
    }

    public void setRoot(String root) {
        this.root = root;
    }

    /** The {@code <boot>} children, in document order. Live, mutable. */
    public List<BootDeviceDef> getBoots() {
        return boots;
    }

    public BootMenuDef getBootMenu() {
        return bootMenu;
    }

    public void setBootMenu(BootMenuDef bootMenu) {
        this.bootMenu = bootMenu;
    }
}
