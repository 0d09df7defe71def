package io.jvirt.xml;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.List;

/**
 * A libvirt {@code <domain>}: a virtual machine's configuration.
 *
 * <pre>{@code
 * DomainDef def = LibvirtXml.parseDomain(xml);
 * DomainDefChecks.forArch("x86_64").apply(def);      // libvirt's checks and defaults
 * long kib = def.getMemoryKiB();
 * for (DiskDef disk : def.getDisks()) {
 *     System.out.println(disk.getTargetDev() + " <- " + disk.getSourcePath());
 * }
 * }</pre>
 *
 * <p>Everything is optional at this level, as in the schema; {@link DomainDefChecks} enforces what
 * libvirt's parser requires. Untyped top-level elements (tuning, {@code <seclabel>},
 * hypervisor namespaces such as {@code qemu:commandline}, the test driver's {@code test:runstate})
 * stay in {@link #getExtraElements()}; untyped attributes in {@link #getExtraAttributes()}.
 */
@XmlRootElement(name = "domain")
public class DomainDef extends ExtensibleElement {
    @XmlAttribute(name = "type")
    private String type;

    @XmlElement(name = "name")
    private String name;

    @XmlElement(name = "uuid")
    private String uuid;

    @XmlElement(name = "genid")
    private String genid;

    @XmlElement(name = "title")
    private String title;

    @XmlElement(name = "description")
    private String description;

    @XmlElement(name = "metadata")
    private MetadataDef metadata;

    @XmlElement(name = "maxMemory")
    private MaxMemoryDef maxMemory;

    @XmlElement(name = "memory")
    private MemoryDef memory;

    @XmlElement(name = "currentMemory")
    private ScaledValue currentMemory;

    @XmlElement(name = "vcpu")
    private VcpuDef vcpu;

    @XmlElement(name = "bootloader")
    private String bootloader;

    @XmlElement(name = "bootloader_args")
    private String bootloaderArgs;

    @XmlElement(name = "os")
    private OsDef os;

    @XmlElement(name = "features")
    private FeaturesDef features;

    @XmlElement(name = "cpu")
    private CpuDef cpu;

    @XmlElement(name = "clock")
    private ClockDef clock;

    @XmlElement(name = "on_poweroff")
    private String onPoweroff;

    @XmlElement(name = "on_reboot")
    private String onReboot;

    @XmlElement(name = "on_crash")
    private String onCrash;

    @XmlElement(name = "devices")
    private DevicesDef devices;

    // The live domain ID; absent from inactive XML.
    @XmlAttribute(name = "id")
    private String id;

    public DomainDef() {
    }

    /** A new definition with the hypervisor type ({@code test}, {@code kvm}, {@code xen}, ...) and name. */
    public DomainDef(String type, String name) {
        this.type = type;
        this.name = name;
    }

    /**
     * The {@code id} attribute of live XML, or null when absent (inactive XML).
     *
     * @throws VirtException {@code XML_ERROR} if it is not a non-negative integer, as libvirt
     */
    public Integer getId() {
        if (id == null) {
            return null;
        }
        long value = Units.parseSigned(id);
        if (value == Long.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.XML, "Invalid value for "
                    + "attribute 'id' in element 'domain': '" + id + "'. Expected integer value");
        }
        if (value < 0) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.XML, "Invalid value for "
                    + "attribute 'id' in element 'domain': '" + id + "'. Expected non-negative value");
        }
        return (int) value;
    }

    /** Sets the live ID ({@code null} removes it, giving inactive XML). */
    public void setId(Integer id) {
        this.id = id == null ? null : id.toString();
    }

    /** The {@code <devices>}, created empty if absent. */
    public DevicesDef getOrCreateDevices() {
        if (devices == null) {
            devices = new DevicesDef();
        }
        return devices;
    }

    /** The disks (an empty list without {@code <devices>}; live otherwise). */
    public List<DiskDef> getDisks() {
        return devices == null ? List.of() : devices.getDisks();
    }

    /** The guest network interfaces (an empty list without {@code <devices>}; live otherwise). */
    public List<DomainInterfaceDef> getInterfaces() {
        return devices == null ? List.of() : devices.getInterfaces();
    }

    /** {@code <memory>} in KiB, or 0 without it; see {@link ScaledValue#toKiB()}. */
    public long getMemoryKiB() {
        return memory == null ? 0 : memory.toKiB();
    }

    /** Sets {@code <memory unit='KiB'>}, keeping its other attributes. */
    public void setMemoryKiB(long kib) {
        if (memory == null) {
            memory = new MemoryDef();
        }
        memory.setValue(Long.toString(kib));
        memory.setUnit("KiB");
    }

    /** {@code <currentMemory>} in KiB, or 0 without it. */
    public long getCurrentMemoryKiB() {
        return currentMemory == null ? 0 : currentMemory.toKiB();
    }

    public void setCurrentMemoryKiB(long kib) {
        currentMemory = ScaledValue.kib(kib);
    }

    /** The maximum vCPU count; 1 (libvirt's default) without {@code <vcpu>}. */
    public int getVcpuCount() {
        return vcpu == null ? 1 : vcpu.getCount();
    }

    /** The OS type (hvm, xen, linux, exe), or null. */
    public String getOsType() {
        return os == null ? null : os.getTypeName();
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getUuid() {
        return uuid;
    }

    public void setUuid(String uuid) {
        this.uuid = uuid;
    }

    public String getGenid() {
        return genid;
    }

    public void setGenid(String genid) {
        this.genid = genid;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public MetadataDef getMetadata() {
        return metadata;
    }

    public void setMetadata(MetadataDef metadata) {
        this.metadata = metadata;
    }

    public MaxMemoryDef getMaxMemory() {
        return maxMemory;
    }

    public void setMaxMemory(MaxMemoryDef maxMemory) {
        this.maxMemory = maxMemory;
    }

    public MemoryDef getMemory() {
        return memory;
    }

    public void setMemory(MemoryDef memory) {
        this.memory = memory;
    }

    public ScaledValue getCurrentMemory() {
        return currentMemory;
    }

    public void setCurrentMemory(ScaledValue currentMemory) {
        this.currentMemory = currentMemory;
    }

    public VcpuDef getVcpu() {
        return vcpu;
    }

    public void setVcpu(VcpuDef vcpu) {
        this.vcpu = vcpu;
    }

    public String getBootloader() {
        return bootloader;
    }

    public void setBootloader(String bootloader) {
        this.bootloader = bootloader;
    }

    public String getBootloaderArgs() {
        return bootloaderArgs;
    }

    public void setBootloaderArgs(String bootloaderArgs) {
        this.bootloaderArgs = bootloaderArgs;
    }

    public OsDef getOs() {
        return os;
    }

    public void setOs(OsDef os) {
        this.os = os;
    }

    public FeaturesDef getFeatures() {
        return features;
    }

    public void setFeatures(FeaturesDef features) {
        this.features = features;
    }

    public CpuDef getCpu() {
        return cpu;
    }

    public void setCpu(CpuDef cpu) {
        this.cpu = cpu;
    }

    public ClockDef getClock() {
        return clock;
    }

    public void setClock(ClockDef clock) {
        this.clock = clock;
    }

    public String getOnPoweroff() {
        return onPoweroff;
    }

    public void setOnPoweroff(String onPoweroff) {
        this.onPoweroff = onPoweroff;
    }

    public String getOnReboot() {
        return onReboot;
    }

    public void setOnReboot(String onReboot) {
        this.onReboot = onReboot;
    }

    public String getOnCrash() {
        return onCrash;
    }

    public void setOnCrash(String onCrash) {
        this.onCrash = onCrash;
    }

    public DevicesDef getDevices() {
        return devices;
    }

    public void setDevices(DevicesDef devices) {
        this.devices = devices;
    }
}
