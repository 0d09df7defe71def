package io.jvirt.xml;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The checks and defaults libvirt's generic domain parser applies to every {@code <domain>},
 * whatever the driver: what {@code virsh define} does between reading the XML and storing the
 * definition.
 *
 * <pre>{@code
 * DomainDef def = LibvirtXml.parseDomain(xml);
 * DomainDefChecks.forArch("i686").apply(def);   // throws VirtException as libvirt would
 * LibvirtXml.format(def);                      // now what virsh dumpxml prints
 * }</pre>
 *
 * <p>{@link #validate} rejects what libvirt rejects, in libvirt's order and with its error code
 * and wording ("missing name information", "XML error: Memory size must be specified via
 * &lt;memory&gt; or in the &lt;numa&gt; configuration", ...). It does not change the definition.
 *
 * <p>{@link #fillDefaults} then fills what libvirt fills: a random UUID, the architecture,
 * memory normalized to KiB with {@code currentMemory} clamped to {@code memory}, one static
 * vCPU, {@code <boot dev='hd'/>} for HVM guests without any boot order, {@code clock
 * offset='utc'}, the lifecycle actions, disk buses from target names, disk order, generated MAC
 * addresses, canonical UUIDs, MACs, CPU sets and PCI addresses, and the metadata clean-up.
 *
 * <p>What is driver-specific is configured: the default architecture, whether a name may hold
 * '/', the MAC prefix. Instances are immutable and thread-safe.
 */
public final class DomainDefChecks {
    static final Set<String> VIRT_TYPES = Set.of("none", "qemu", "kqemu", "kvm", "xen", "lxc",
            "uml", "openvz", "test", "vmware", "hyperv", "vbox", "phyp", "parallels", "bhyve", "vz",
            "hvf");
    static final Set<String> OS_TYPES = Set.of("hvm", "xen", "linux", "exe", "uml", "xenpvh");
    static final Set<String> ARCHES = Set.of("none", "alpha", "armv6l", "armv7l", "armv7b",
            "aarch64", "cris", "i686", "ia64", "lm32", "m68k", "microblaze", "microblazeel",
            "mips", "mipsel", "mips64", "mips64el", "openrisc", "parisc", "parisc64", "ppc",
            "ppcle", "ppc64", "ppc64le", "ppcemb", "riscv32", "riscv64", "s390", "s390x", "sh4",
            "sh4eb", "sparc", "sparc64", "unicore32", "x86_64", "xtensa", "xtensaeb");
    static final List<String> LIFECYCLE_ACTIONS = List.of("destroy", "restart", "rename-restart",
            "preserve", "coredump-destroy", "coredump-restart");
    static final Set<String> CLOCK_OFFSETS = Set.of("utc", "localtime", "variable", "timezone",
            "absolute");
    static final Set<String> BOOT_DEVICES = Set.of("fd", "cdrom", "hd", "network");

    private final String defaultArch;
    private final boolean allowSlashInName;
    private final boolean liveXml;
    private final String macPrefix;

    private DomainDefChecks(String defaultArch, boolean allowSlashInName, boolean liveXml,
            String macPrefix) {
        this.defaultArch = defaultArch;
        this.allowSlashInName = allowSlashInName;
        this.liveXml = liveXml;
        this.macPrefix = macPrefix;
    }

    /**
     * Checks for a driver whose guests default to {@code defaultArch} ("i686" for the test
     * driver, the host's for QEMU), or null to leave the architecture unset. Names may not hold
     * '/', the XML is treated as inactive (define), MACs are generated in 52:54:00.
     */
    public static DomainDefChecks forArch(String defaultArch) {
        return new DomainDefChecks(defaultArch, false, false, MacAddresses.DEFAULT_PREFIX);
    }

    /** Whether names may contain '/' (libvirt's QEMU driver allows it; the test driver not). */
    public DomainDefChecks allowSlashInName(boolean allow) {
        return new DomainDefChecks(defaultArch, allow, liveXml, macPrefix);
    }

    /**
     * Whether the XML describes a running domain (status XML): its {@code id} is then checked
     * and kept. By default it is inactive XML, as for define, and {@code id} is dropped.
     */
    public DomainDefChecks liveXml(boolean live) {
        return new DomainDefChecks(defaultArch, allowSlashInName, live, macPrefix);
    }

    /** The first three bytes of generated MACs, e.g. "00:16:3e" for Xen. */
    public DomainDefChecks macPrefix(String prefix) {
        if (MacAddresses.parse(prefix + ":00:00:00") == null) {
            throw new IllegalArgumentException("not a MAC prefix: " + prefix);
        }
        return new DomainDefChecks(defaultArch, allowSlashInName, liveXml, prefix);
    }

    /** {@link #validate} then {@link #fillDefaults}: on failure {@code def} is unchanged. */
    public void apply(DomainDef def) {
        validate(def);
        fillDefaults(def);
    }

    /**
     * Rejects what libvirt's parser, post-parse and validation reject, first problem first.
     * Does not modify {@code def}.
     *
     * @throws VirtException with libvirt's code, domain and message
     */
    public void validate(DomainDef def) {
        if (liveXml) {
            def.getId();
        }
        String name = def.getName();
        if (name == null || name.isEmpty()) {
            throw new VirtException(ErrorCode.NO_NAME, ErrorDomain.DOMAIN, null);
        }
        if (nonEmpty(def.getUuid()) && Uuids.canonical(def.getUuid()) == null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN,
                    "malformed uuid element");
        }
        if (nonEmpty(def.getGenid()) && Uuids.canonical(def.getGenid()) == null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN,
                    "malformed genid element");
        }
        checkTypes(def);
        if (def.getTitle() != null && def.getTitle().indexOf('\n') >= 0) {
            throw xmlError("Domain title can't contain newlines");
        }
        long memory = checkMemory(def);
        checkVcpus(def);
        checkLifecycle(def);
        checkClock(def);
        checkBoot(def);
        checkInterfaces(def);
        checkPostParse(def, memory);
        checkDisks(def);
        if (name.indexOf('\n') >= 0) {
            // Every driver's define checks this (virXMLCheckIllegalChars).
            throw new VirtException(ErrorCode.XML_DETAIL, ErrorDomain.XML,
                    "invalid char in name: \n");
        }
    }

    private void checkTypes(DomainDef def) {
        String type = def.getType();
        if (type == null || type.isEmpty()) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN,
                    "missing domain type attribute");
        }
        if (!VIRT_TYPES.contains(type)) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN,
                    "invalid domain type " + type);
        }
        String osType = def.getOsType();
        if (osType == null || osType.isEmpty()) {
            if (!nonEmpty(def.getBootloader())) {
                throw xmlError("an os <type> must be specified");
            }
        } else if (!OS_TYPES.contains(osType)) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN,
                    "unknown OS type '" + osType + "'");
        }
        String arch = def.getOs() == null ? null : def.getOs().getArch();
        if (nonEmpty(arch) && !ARCHES.contains(arch)) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN,
                    "Unknown architecture " + arch);
        }
    }

    /** Parses the memory sizes as libvirt does; returns the total in KiB (0 if absent). */
    private static long checkMemory(DomainDef def) {
        long memory = kib(def.getMemory(), "./memory[1]", true);
        kib(def.getCurrentMemory(), "./currentMemory[1]", true);
        kib(def.getMaxMemory(), "./maxMemory[1]", false);
        MaxMemoryDef max = def.getMaxMemory();
        if (max != null && max.getSlots() != null && !isUnsignedInt(max.getSlots())) {
            throw xmlError("Failed to parse memory slot count");
        }
        if (def.getMemory() != null) {
            checkEnum(def.getMemory().getDumpCore(), Set.of("on", "off"), "dumpCore", "memory");
        }
        return memory;
    }

    private static long kib(ScaledValue value, String xpath, boolean capped) {
        return value == null ? 0 : Units.parseMemoryKiB(value.getText(), value.getUnit(), xpath,
                capped);
    }

    private static void checkVcpus(DomainDef def) {
        VcpuDef vcpu = def.getVcpu();
        if (vcpu == null) {
            return;
        }
        int max = vcpu.getCount();
        long current = max;
        if (vcpu.getCurrent() != null) {
            current = unsignedIntAttribute(vcpu.getCurrent(), "current", "vcpu");
        }
        checkEnum(vcpu.getPlacement(), Set.of("static", "auto"), "placement", "vcpu");
        if (!"auto".equals(vcpu.getPlacement()) && vcpu.getCpuset() != null
                && CpuSets.parse(vcpu.getCpuset()).isEmpty()) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN,
                    "Invalid value of 'cpuset': " + vcpu.getCpuset());
        }
        if (current > max) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN,
                    "maximum vCPU count must not be less than current vCPU count");
        }
        if (max == 0) {
            // libvirt has no dedicated message: zero vCPUs trips its NUMA CPU-ID check.
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN,
                    "CPU IDs in <numa> exceed the <vcpu> count");
        }
    }

    private static void checkLifecycle(DomainDef def) {
        // libvirt's parse order: reboot, poweroff, crash.
        String[][] events = {{"on_reboot", def.getOnReboot()},
            {"on_poweroff", def.getOnPoweroff()}, {"on_crash", def.getOnCrash()}};
        for (String[] event : events) {
            if (nonEmpty(event[1]) && !LIFECYCLE_ACTIONS.contains(event[1])) {
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN,
                        "unknown " + event[0] + " action: " + event[1]);
            }
        }
    }

    private static void checkClock(DomainDef def) {
        ClockDef clock = def.getClock();
        if (clock != null && clock.getOffset() != null
                && !CLOCK_OFFSETS.contains(clock.getOffset())) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN,
                    "unknown clock offset '" + clock.getOffset() + "'");
        }
    }

    private static void checkBoot(DomainDef def) {
        if (def.getOs() == null || !"hvm".equals(def.getOsType())) {
            return;
        }
        for (BootDeviceDef boot : def.getOs().getBoots()) {
            if (boot.getDev() == null) {
                throw xmlError("Missing required attribute 'dev' in element 'boot'");
            }
            checkEnum(boot.getDev(), BOOT_DEVICES, "dev", "boot");
        }
    }

    private static void checkInterfaces(DomainDef def) {
        for (DomainInterfaceDef nic : def.getInterfaces()) {
            String address = nic.getMacAddress();
            if (address == null) {
                continue;
            }
            int[] mac = MacAddresses.parse(address);
            if (mac == null) {
                throw xmlError("unable to parse mac address '" + address + "'");
            }
            if (MacAddresses.isMulticast(mac)) {
                throw xmlError("expected unicast mac address, found multicast '" + address + "'");
            }
        }
    }

    /** virDomainDefPostParseCommon: memory required, max memory, boot order. */
    private void checkPostParse(DomainDef def, long memory) {
        if (memory == 0) {
            memory = numaMemoryKiB(def);
        }
        if (memory == 0) {
            throw xmlError("Memory size must be specified via <memory> or in the <numa> "
                    + "configuration");
        }
        MaxMemoryDef max = def.getMaxMemory();
        long maxKiB = kib(max, "./maxMemory[1]", false);
        long slots = max == null || max.getSlots() == null ? 0 : Units.parseUnsigned(max.getSlots());
        if ((maxKiB != 0 || slots != 0) && (maxKiB == 0 || slots == 0)) {
            throw xmlError("both maximum memory size and memory slot count must be specified");
        }
        if (maxKiB != 0 && maxKiB < memory) {
            throw xmlError("maximum memory size must be equal or greater than the actual memory "
                    + "size");
        }
        if ("hvm".equals(def.getOsType())) {
            Set<String> orders = new HashSet<>();
            for (BootOrderDef boot : deviceBootOrders(def)) {
                String order = boot.getOrder() == null ? "" : boot.getOrder().trim();
                if (!orders.add(order)) {
                    throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN,
                            "boot order '" + order + "' used for more than one device");
                }
            }
            if (!orders.isEmpty() && !def.getOs().getBoots().isEmpty()) {
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN,
                        "per-device boot elements cannot be used together with os/boot elements");
            }
        }
        if (!allowSlashInName && def.getName().indexOf('/') >= 0) {
            throw xmlError("name " + def.getName() + " cannot contain '/'");
        }
        String[][] events = {{"poweroff", def.getOnPoweroff()}, {"reboot", def.getOnReboot()}};
        for (String[] event : events) {
            if (event[1] != null && event[1].startsWith("coredump-")) {
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN,
                        "Lifecycle event '" + event[0] + "' doesn't support '" + event[1]
                                + "' action");
            }
        }
    }

    /** virDomainDiskDefValidate and the duplicate-target check of virDomainDefValidate. */
    private static void checkDisks(DomainDef def) {
        Map<String, DiskDef> byTarget = new HashMap<>();
        for (DiskDef disk : def.getDisks()) {
            String dst = disk.getTargetDev();
            if (dst == null) {
                DiskSourceDef source = disk.getSource();
                if (source != null && source.getPool() != null) {
                    throw new VirtException(ErrorCode.NO_TARGET, ErrorDomain.DOMAIN,
                            "pool = '" + source.getPool() + "', volume = '" + source.getVolume()
                                    + "'");
                }
                throw new VirtException(ErrorCode.NO_TARGET, ErrorDomain.DOMAIN,
                        disk.getSourcePath());
            }
        }
        for (DiskDef disk : def.getDisks()) {
            DiskDef other = byTarget.putIfAbsent(disk.getTargetDev(), disk);
            if (other != null) {
                throw xmlError("target '" + disk.getTargetDev() + "' duplicated for disk sources '"
                        + nullStr(other.getSourcePath()) + "' and '" + nullStr(disk.getSourcePath())
                        + "'");
            }
        }
    }

    /**
     * Fills libvirt's defaults and normalizes values to the form libvirt writes. Expects a
     * definition that passed {@link #validate}.
     */
    public void fillDefaults(DomainDef def) {
        if (!liveXml) {
            def.setId(null);
        }
        def.setUuid(nonEmpty(def.getUuid()) ? Uuids.canonical(def.getUuid()) : Uuids.random());
        if (def.getGenid() != null) {
            def.setGenid(def.getGenid().isEmpty() ? Uuids.random() : Uuids.canonical(def.getGenid()));
        }
        // libvirt keeps no empty title or description (its XPath reads "" as absent).
        if ("".equals(def.getTitle())) {
            def.setTitle(null);
        }
        if ("".equals(def.getDescription())) {
            def.setDescription(null);
        }
        sanitizeMetadata(def.getMetadata());
        fillOs(def);
        fillMemory(def);
        fillVcpu(def);
        fillFeatures(def.getFeatures());
        if (def.getClock() == null) {
            def.setClock(new ClockDef("utc"));
        } else if (def.getClock().getOffset() == null) {
            def.getClock().setOffset("utc");
        }
        def.setOnPoweroff(orDefault(def.getOnPoweroff(), "destroy"));
        def.setOnReboot(orDefault(def.getOnReboot(), "restart"));
        def.setOnCrash(orDefault(def.getOnCrash(), "destroy"));
        DevicesDef devices = def.getOrCreateDevices();
        fillDisks(devices);
        for (DomainInterfaceDef nic : devices.getInterfaces()) {
            String mac = nic.getMacAddress();
            nic.setMacAddress(mac == null ? MacAddresses.generate(macPrefix)
                    : MacAddresses.format(MacAddresses.parse(mac)));
            fillInterfaceSource(nic);
        }
        for (DeviceDef device : allDevices(devices)) {
            normalizeAddress(device.getAddress());
        }
    }

    private void fillOs(DomainDef def) {
        OsDef os = def.getOs();
        if (os == null) {
            os = new OsDef();
            def.setOs(os);
        }
        if (os.getType() == null) {
            os.setType(new OsTypeDef());
        }
        if (os.getTypeName().isEmpty() && nonEmpty(def.getBootloader())) {
            // A bootloader implies a Xen PV guest, which libvirt writes as "linux" for Xen.
            os.getType().setText("xen".equals(def.getType()) ? "linux" : "xen");
        }
        if (os.getType().getArch() == null && defaultArch != null) {
            os.getType().setArch(defaultArch);
        }
        if ("hvm".equals(os.getTypeName()) && os.getBoots().isEmpty()
                && deviceBootOrders(def).isEmpty()) {
            os.getBoots().add(new BootDeviceDef("hd"));
        }
        if (os.getLoader() != null && nonEmpty(os.getLoader().getText())
                && os.getLoader().getType() == null) {
            os.getLoader().setType("rom"); // virDomainDefPostParseOs
        }
    }

    private static void fillMemory(DomainDef def) {
        long total = kib(def.getMemory(), "./memory[1]", true);
        if (total == 0) {
            total = numaMemoryKiB(def);
        }
        def.setMemoryKiB(total);
        long current = kib(def.getCurrentMemory(), "./currentMemory[1]", true);
        def.setCurrentMemoryKiB(current == 0 || current > total ? total : current);
        MaxMemoryDef max = def.getMaxMemory();
        if (max != null) {
            max.setValue(Long.toString(kib(max, "./maxMemory[1]", false)));
            max.setUnit("KiB");
            if (max.getSlots() != null) {
                max.setSlots(Long.toString(Units.parseUnsigned(max.getSlots())));
            }
        }
    }

    private static void fillVcpu(DomainDef def) {
        VcpuDef vcpu = def.getVcpu();
        if (vcpu == null) {
            vcpu = new VcpuDef(1);
            def.setVcpu(vcpu);
        }
        int max = vcpu.getCount();
        vcpu.setCount(max);
        if (vcpu.getPlacement() == null) {
            vcpu.setPlacement("static");
        }
        if ("auto".equals(vcpu.getPlacement())) {
            vcpu.setCpuset(null); // libvirt ignores a cpuset with automatic placement
        } else if (vcpu.getCpuset() != null) {
            BitSet cpus = CpuSets.parse(vcpu.getCpuset());
            // libvirt writes no cpuset that allows every CPU it can address.
            vcpu.setCpuset(cpus.cardinality() == CpuSets.MAX_CPUS ? null : CpuSets.format(cpus));
        }
        if (vcpu.getCurrent() != null) {
            long current = Units.parseUnsigned(vcpu.getCurrent());
            // libvirt only writes current when some vCPUs are offline.
            vcpu.setCurrent(current == max ? null : Long.toString(current));
        }
    }

    private static void fillFeatures(FeaturesDef features) {
        if (features != null && features.getHap() != null && features.getHap().getState() == null) {
            features.getHap().setState("on"); // <hap/> means on; libvirt writes the state
        }
    }

    private static void fillDisks(DevicesDef devices) {
        // libvirt orders disks while parsing, before it defaults the bus (so a disk without
        // bus is on a "bus" of its own then), and fills defaults afterwards in post-parse.
        List<DiskDef> inserted = new ArrayList<>();
        for (DiskDef disk : devices.getDisks()) {
            insertDisk(inserted, disk);
        }
        devices.getDisks().clear();
        devices.getDisks().addAll(inserted);
        for (DiskDef disk : inserted) {
            if ("cdrom".equals(disk.getDevice())) {
                disk.setReadonly(true);
            }
            if (disk.getTarget().getBus() == null) {
                disk.getTarget().setBus(defaultBus(disk));
            }
        }
    }

    /**
     * virDomainNetDefParseXML reads only the source attributes of the interface's own type
     * (so the default domain's {@code <source network='default' bridge='virbr0'/>} is written
     * back without bridge), and gives a direct interface macvtap mode 'vepa' by default.
     */
    private static void fillInterfaceSource(DomainInterfaceDef nic) {
        InterfaceSourceDef source = nic.getSource();
        String type = String.valueOf(nic.getType());
        if (source == null && !type.equals("direct")) {
            return;
        }
        switch (type) {
            case "network":
                source.setBridge(null);
                source.setDev(null);
                source.setMode(null);
                break;
            case "bridge":
                source.setNetwork(null);
                source.setPortgroup(null);
                source.setDev(null);
                source.setMode(null);
                break;
            case "direct":
                if (source == null) {
                    source = new InterfaceSourceDef();
                    nic.setSource(source);
                }
                source.setNetwork(null);
                source.setPortgroup(null);
                source.setBridge(null);
                if (source.getMode() == null) {
                    source.setMode("vepa");
                }
                break;
            default:
                break;
        }
    }

    /** virDomainDiskDefPostParse: the bus a target name implies. */
    private static String defaultBus(DiskDef disk) {
        String dst = disk.getTargetDev();
        if ("floppy".equals(disk.getDevice())) {
            return "fdc";
        }
        if (dst.startsWith("hd")) {
            return "ide";
        } else if (dst.startsWith("sd")) {
            return "scsi";
        } else if (dst.startsWith("vd")) {
            return "virtio";
        } else if (dst.startsWith("xvd")) {
            return "xen";
        } else if (dst.startsWith("ubd")) {
            return "uml";
        }
        return "ide";
    }

    /** virDomainDiskInsert: disks of a bus stay together, ordered by target index. */
    private static void insertDisk(List<DiskDef> disks, DiskDef disk) {
        int insertAt = -1;
        String bus = String.valueOf(disk.getTarget().getBus());
        int index = diskIndex(disk.getTargetDev());
        for (int i = disks.size() - 1; i >= 0; i--) {
            DiskDef other = disks.get(i);
            if (!bus.equals(String.valueOf(other.getTarget().getBus()))) {
                continue;
            }
            if (diskIndex(other.getTargetDev()) > index) {
                insertAt = i;
            } else if (insertAt == -1) {
                insertAt = i + 1;
            }
        }
        disks.add(insertAt < 0 ? disks.size() : insertAt, disk);
    }

    /** virDiskNameToIndex: "vda" is 0, "sdz" 25, "hdaa" 26; -1 for other names. */
    static int diskIndex(String name) {
        String rest = null;
        for (String prefix : new String[] {"fd", "hd", "vd", "sd", "xvd", "ubd"}) {
            if (name.startsWith(prefix)) {
                rest = name.substring(prefix.length());
                break;
            }
        }
        if (rest == null || rest.isEmpty() || rest.charAt(0) < 'a' || rest.charAt(0) > 'z') {
            return -1;
        }
        int idx = 0;
        int i = 0;
        for (; i < rest.length() && rest.charAt(i) >= 'a' && rest.charAt(i) <= 'z'; i++) {
            idx = (idx + (i < 1 ? 0 : 1)) * 26 + (rest.charAt(i) - 'a');
        }
        for (; i < rest.length(); i++) {
            if (rest.charAt(i) < '0' || rest.charAt(i) > '9') {
                return -1;
            }
        }
        return idx;
    }

    /** virXMLNodeSanitizeNamespaces: one element per namespace, none without. */
    private static void sanitizeMetadata(MetadataDef metadata) {
        if (metadata == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        metadata.getExtraElements().removeIf(element -> {
            String ns = element.getNamespaceURI();
            return ns == null || ns.isEmpty() || !seen.add(ns);
        });
    }

    /** PCI and drive addresses in the form libvirt writes (virDomainDeviceInfoFormat). */
    private static void normalizeAddress(AddressDef address) {
        if (address == null) {
            return;
        }
        if ("pci".equals(address.getType())) {
            long domain = cNumber(address.getDomain());
            long bus = cNumber(address.getBus());
            long slot = cNumber(address.getSlot());
            long function = cNumber(address.getFunction());
            if (domain < 0 || bus < 0 || slot < 0 || function < 0) {
                return;
            }
            address.setDomain(String.format("0x%04x", domain));
            address.setBus(String.format("0x%02x", bus));
            address.setSlot(String.format("0x%02x", slot));
            address.setFunction("0x" + function);
        } else if ("drive".equals(address.getType())) {
            String[] values = {address.getController(), address.getBus(), address.getTarget(),
                address.getUnit()};
            long[] numbers = new long[4];
            for (int i = 0; i < 4; i++) {
                numbers[i] = values[i] == null ? 0 : cNumber(values[i]);
                if (numbers[i] < 0) {
                    return;
                }
            }
            address.setController(Long.toString(numbers[0]));
            address.setBus(Long.toString(numbers[1]));
            address.setTarget(Long.toString(numbers[2]));
            address.setUnit(Long.toString(numbers[3]));
        }
    }

    /** An unsigned number in C's base-0 syntax (0x1f, 017, 15); 0 if absent, -1 if invalid. */
    private static long cNumber(String text) {
        if (text == null) {
            return 0;
        }
        String t = text.trim();
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return Long.parseLong(t.substring(2), 16);
            } else if (t.length() > 1 && t.startsWith("0")) {
                return Long.parseLong(t.substring(1), 8);
            }
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static List<DeviceDef> allDevices(DevicesDef devices) {
        List<DeviceDef> all = new ArrayList<>();
        all.addAll(devices.getDisks());
        all.addAll(devices.getControllers());
        all.addAll(devices.getFilesystems());
        all.addAll(devices.getInterfaces());
        all.addAll(devices.getSerials());
        all.addAll(devices.getParallels());
        all.addAll(devices.getConsoles());
        all.addAll(devices.getChannels());
        all.addAll(devices.getInputs());
        all.addAll(devices.getGraphics());
        all.addAll(devices.getVideos());
        all.addAll(devices.getHostdevs());
        if (devices.getMemballoon() != null) {
            all.add(devices.getMemballoon());
        }
        all.addAll(devices.getRngs());
        return all;
    }

    private static List<BootOrderDef> deviceBootOrders(DomainDef def) {
        List<BootOrderDef> orders = new ArrayList<>();
        if (def.getDevices() == null) {
            return orders;
        }
        for (DiskDef disk : def.getDevices().getDisks()) {
            if (disk.getBoot() != null) {
                orders.add(disk.getBoot());
            }
        }
        for (DomainInterfaceDef nic : def.getDevices().getInterfaces()) {
            if (nic.getBoot() != null) {
                orders.add(nic.getBoot());
            }
        }
        for (HostdevDef hostdev : def.getDevices().getHostdevs()) {
            if (hostdev.getBoot() != null) {
                orders.add(hostdev.getBoot());
            }
        }
        // Untyped devices (redirdev, filesystem, ...) may carry <boot order> too.
        for (Element extra : def.getDevices().getExtraElements()) {
            Element boot = DomElements.first(children(extra), null, "boot");
            if (boot != null && boot.hasAttribute("order")) {
                BootOrderDef order = new BootOrderDef();
                order.setOrder(boot.getAttribute("order"));
                orders.add(order);
            }
        }
        return orders;
    }

    /** The NUMA cells' memory in KiB ({@code <cpu><numa><cell memory= unit=>}), or 0. */
    static long numaMemoryKiB(DomainDef def) {
        if (def.getCpu() == null) {
            return 0;
        }
        Element numa = def.getCpu().getExtraElement("numa");
        if (numa == null) {
            return 0;
        }
        long total = 0;
        int index = 0;
        for (Element cell : DomElements.all(children(numa), null, "cell")) {
            index++;
            String unit = cell.hasAttribute("unit") ? cell.getAttribute("unit") : null;
            total += Units.parseMemoryKiB(cell.getAttribute("memory"), unit,
                    "./cpu/numa/cell[" + index + "]/@memory", true);
        }
        return total;
    }

    private static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element) {
                children.add((Element) n);
            }
        }
        return children;
    }

    private static void checkEnum(String value, Set<String> allowed, String attribute,
            String element) {
        if (value != null && !allowed.contains(value)) {
            throw xmlError("Invalid value for attribute '" + attribute + "' in element '"
                    + element + "': '" + value + "'.");
        }
    }

    private static long unsignedIntAttribute(String value, String attribute, String element) {
        if (!isUnsignedInt(value)) {
            throw xmlError("Invalid value for attribute '" + attribute + "' in element '"
                    + element + "': '" + value + "'. Expected non-negative integer value");
        }
        return Units.parseUnsigned(value);
    }

    private static boolean isUnsignedInt(String value) {
        try {
            return Long.compareUnsigned(Units.parseUnsigned(value), 0xFFFFFFFFL) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static VirtException xmlError(String detail) {
        return new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN, detail);
    }

    private static boolean nonEmpty(String s) {
        return s != null && !s.isEmpty();
    }

    private static String orDefault(String value, String fallback) {
        return nonEmpty(value) ? value : fallback;
    }

    /** libvirt's NULLSTR. */
    private static String nullStr(String s) {
        return Objects.requireNonNullElse(s, "<null>");
    }

    @Override
    public String toString() {
        return "DomainDefChecks[arch=" + defaultArch + ", allowSlashInName=" + allowSlashInName
                + ", liveXml=" + liveXml + ", macPrefix=" + macPrefix + "]";
    }
}
