package io.jvirt.driver.kvm;

import static io.jvirt.driver.kvm.QemuEscaping.escape;
import static io.jvirt.driver.kvm.QemuEscaping.path;
import static io.jvirt.driver.kvm.QemuEscaping.requirePrintable;
import static io.jvirt.driver.kvm.QemuEscaping.unsupported;

import io.jvirt.xml.AddressDef;
import io.jvirt.xml.BootDeviceDef;
import io.jvirt.xml.BootOrderDef;
import io.jvirt.xml.CpuDef;
import io.jvirt.xml.CpuFeatureDef;
import io.jvirt.xml.CpuTopologyDef;
import io.jvirt.xml.DeviceDef;
import io.jvirt.xml.DevicesDef;
import io.jvirt.xml.DiskDef;
import io.jvirt.xml.DomainDef;
import io.jvirt.xml.DomainInterfaceDef;
import io.jvirt.xml.FeaturesDef;
import io.jvirt.xml.InputDef;
import io.jvirt.xml.OsDef;
import io.jvirt.xml.RngDef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Domain XML → QEMU argv, as a list for {@link ProcessBuilder} (never a shell string), following
 * the flags and device naming of libvirt's qemu_command.c. What the XML asks for and this
 * builder cannot honour is {@code CONFIG_UNSUPPORTED} naming it, never dropped.
 *
 * <p>Define-time work (machine aliases, MAC addresses) is {@link QemuDomainDefaults}'; the
 * builder refuses a definition that still lacks it rather than guessing.
 */
final class QemuCommandLine {
    private static final Pattern NAME_SAFE = Pattern.compile("[^/\\p{Cntrl}]+");
    private static final Pattern MAC = Pattern.compile("([0-9a-f]{2}:){5}[0-9a-f]{2}");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /**
     * Every path (see {@link XmlCoverage}) this builder reads. Values are checked where they are
     * used; a path missing here is refused as it is.
     */
    static final Set<String> SUPPORTED = Set.of(
            "@type", "@id", "name", "uuid", "title", "description", "metadata",
            "memory", "memory/@unit", "currentMemory", "currentMemory/@unit",
            "vcpu", "vcpu/@placement", "vcpu/@current",
            "iothreads", "iothreadids", "iothreadids/iothread", "iothreadids/iothread/@id",
            "devices/disk/driver/@iothread",
            "os", "os/type", "os/type/@arch", "os/type/@machine", "os/kernel", "os/initrd",
            "os/cmdline", "os/boot", "os/boot/@dev",
            "features", "features/acpi", "features/apic", "features/pae",
            "cpu", "cpu/@mode", "cpu/@match", "cpu/@check", "cpu/model", "cpu/model/@fallback",
            "cpu/topology", "cpu/topology/@sockets", "cpu/topology/@dies", "cpu/topology/@cores",
            "cpu/topology/@threads", "cpu/feature", "cpu/feature/@policy", "cpu/feature/@name",
            "clock", "clock/@offset", "on_poweroff", "on_reboot", "on_crash",
            "devices", "devices/emulator",
            "devices/disk", "devices/disk/@type", "devices/disk/@device", "devices/disk/driver",
            "devices/disk/driver/@name", "devices/disk/driver/@type", "devices/disk/source",
            "devices/disk/source/@file", "devices/disk/target", "devices/disk/target/@dev",
            "devices/disk/target/@bus", "devices/disk/readonly", "devices/disk/serial",
            "devices/disk/boot", "devices/disk/boot/@order",
            "devices/controller", "devices/controller/@type", "devices/controller/@index",
            "devices/controller/@model",
            "devices/interface", "devices/interface/@type", "devices/interface/mac",
            "devices/interface/mac/@address", "devices/interface/model",
            "devices/interface/model/@type", "devices/interface/boot",
            "devices/interface/boot/@order", "devices/interface/source",
            "devices/interface/source/@bridge", "devices/interface/source/@network",
            "devices/interface/target", "devices/interface/target/@dev",
            "devices/serial", "devices/serial/@type", "devices/serial/source",
            "devices/serial/source/@path", "devices/serial/target", "devices/serial/target/@port",
            "devices/serial/target/@type",
            "devices/console", "devices/console/@type", "devices/console/target",
            "devices/console/target/@type", "devices/console/target/@port",
            "devices/console/source", "devices/console/source/@path",
            "devices/input", "devices/input/@type", "devices/input/@bus",
            "devices/graphics", "devices/graphics/@type", "devices/graphics/@port",
            "devices/graphics/@autoport", "devices/graphics/@listen",
            "devices/video", "devices/video/model", "devices/video/model/@type",
            "devices/video/model/@vram", "devices/video/model/@heads",
            "devices/video/model/@primary",
            "devices/memballoon", "devices/memballoon/@model", "devices/memballoon/@autodeflate",
            "devices/memballoon/@freePageReporting",
            "devices/disk/source/@dev", "devices/disk/driver/@cache",
            "devices/disk/address/@controller", "devices/disk/address/@target",
            "devices/disk/address/@unit", "devices/disk/address/@port",
            "devices/audio", "devices/audio/@id", "devices/audio/@type",
            "devices/watchdog", "devices/watchdog/@model", "devices/watchdog/@action",
            "devices/watchdog/address", "devices/watchdog/address/@type", "devices/watchdog/address/@domain",
            "devices/watchdog/address/@bus", "devices/watchdog/address/@slot",
            "devices/watchdog/address/@function", "devices/watchdog/address/@multifunction",
            "os/loader", "os/loader/@type", "os/loader/@readonly", "os/loader/@secure", "os/nvram",
            "features/smm", "features/smm/@state",
            "cpu/numa", "cpu/numa/cell", "cpu/numa/cell/@id", "cpu/numa/cell/@cpus",
            "cpu/numa/cell/@memory", "cpu/numa/cell/@unit",
            "clock/timer", "clock/timer/@name", "clock/timer/@tickpolicy", "clock/timer/@present",
            "os/bootmenu", "os/bootmenu/@enable", "os/bootmenu/@timeout",
            "pm", "pm/suspend-to-mem", "pm/suspend-to-mem/@enabled", "pm/suspend-to-disk",
            "pm/suspend-to-disk/@enabled",
            "devices/disk/backingStore",
            "devices/serial/source/@mode", "devices/console/source/@mode",
            "devices/serial/source/@append", "devices/console/source/@append",
            "devices/channel", "devices/channel/@type", "devices/channel/source",
            "devices/channel/source/@mode", "devices/channel/source/@path", "devices/channel/source/@append",
            "devices/channel/target", "devices/channel/target/@type", "devices/channel/target/@name",
            "devices/channel/address", "devices/channel/address/@type", "devices/channel/address/@controller",
            "devices/channel/address/@bus", "devices/channel/address/@port",
            "devices/console/address", "devices/console/address/@type", "devices/console/address/@controller",
            "devices/console/address/@bus", "devices/console/address/@port",
            "devices/controller/@ports", "devices/controller/@vectors",
            "devices/controller/master", "devices/controller/master/@startport",
            "devices/controller/model", "devices/controller/model/@name", "devices/controller/target",
            "devices/controller/target/@chassis", "devices/controller/target/@port",
            "devices/controller/target/@chassisNr",
            "devices/input/address/@port",
            "devices/graphics/listen", "devices/graphics/listen/@type", "devices/graphics/listen/@address",
            "devices/video/model/@ram", "devices/video/model/@vgamem",
            "devices/rng", "devices/rng/@model", "devices/rng/backend", "devices/rng/backend/@model",
            "devices/rng/rate", "devices/rng/rate/@bytes", "devices/rng/rate/@period",
            "devices/panic", "devices/panic/@model", "devices/panic/address", "devices/panic/address/@type",
            "devices/panic/address/@iobase", "devices/panic/address/@domain", "devices/panic/address/@bus",
            "devices/panic/address/@slot", "devices/panic/address/@function",
            "devices/panic/address/@multifunction");

    /** Devices whose {@code <address>} this builder places (PCI, or drive for disks). */
    private static final List<String> ADDRESSED = List.of("disk", "controller", "interface", "video",
            "memballoon", "input", "rng");

    /** What {@link #build} accepts: {@link #SUPPORTED} and the address paths of {@link #ADDRESSED}. */
    private static final Set<String> ACCEPTED = accepted();

    private static Set<String> accepted() {
        Set<String> all = new HashSet<>(SUPPORTED);
        for (String device : ADDRESSED) {
            all.add("devices/" + device + "/address");
            for (String a : List.of("type", "domain", "bus", "slot", "function", "multifunction")) {
                all.add("devices/" + device + "/address/@" + a);
            }
        }
        return Set.copyOf(all);
    }

    private final DomainDef def;
    private final QemuCapabilities caps;
    private final Path monitorSocket;
    private final List<String> argv = new ArrayList<>();
    private final String machine;
    private final boolean q35;
    private final String arch;
    private final QemuTimers timers;
    private boolean perDeviceBoot;
    /** Boot positions from {@code <os><boot dev>}, by device (identity: equal XML is not the same disk). */
    private final Map<DeviceDef, Integer> bootIndexes = new IdentityHashMap<>();

    private QemuCommandLine(DomainDef def, QemuCapabilities caps, Path monitorSocket) {
        this.def = def;
        this.caps = caps;
        this.monitorSocket = monitorSocket;
        String requested = def.getOs() == null || def.getOs().getType() == null ? null
                : def.getOs().getType().getMachine();
        this.arch = def.getOs() == null || def.getOs().getType() == null
                || def.getOs().getType().getArch() == null
                ? caps.guestArchs().get(0) : def.getOs().getType().getArch();
        checkArch(arch, caps); // before the machine: an ARM guest's 'virt' is not the problem
        this.timers = QemuTimers.of(def.getClock());
        this.machine = caps.resolveMachine(requested).orElseThrow(() ->
                unsupported("machine type '" + requested + "' is not supported by " + caps.binary()));
        this.q35 = machine.startsWith("pc-q35") || machine.equals("q35");
    }

    /**
     * The argv starting {@code def} with {@code caps.binary()}, its QMP monitor a server socket
     * at {@code monitorSocket}. QEMU starts paused ({@code -S}); the caller sends {@code cont}.
     */
    static List<String> build(DomainDef def, QemuCapabilities caps, Path monitorSocket) {
        // Values first, for the more specific message ("interface type 'network'"); then
        // whatever else is present and was never read.
        List<String> argv = new QemuCommandLine(def, caps, monitorSocket).build();
        for (String p : XmlCoverage.paths(def)) {
            if (!ACCEPTED.contains(p)) {
                throw unsupported("'" + describe(p) + "' is not supported by the QEMU driver");
            }
        }
        return argv;
    }

    private static String describe(String path) {
        int at = path.lastIndexOf("/@");
        if (path.startsWith("@")) {
            return "attribute " + path.substring(1) + " of <domain>";
        }
        return at >= 0 ? "attribute " + path.substring(at + 2) + " of <" + path.substring(0, at) + ">"
                : "<" + path + ">";
    }

    private List<String> build() {
        String name = def.getName();
        if (name == null || !NAME_SAFE.matcher(name).matches()) {
            throw unsupported("domain name '" + name + "' is not usable as a QEMU guest name");
        }
        argv.add(caps.binary().toString());
        add("-name", "guest=" + escape(name) + ",debug-threads=on");
        argv.add("-S");
        machineAndAccel();
        cpu();
        memoryAndSmp();
        String uuid = def.getUuid();
        if (uuid != null) {
            if (!UUID.matcher(uuid.toLowerCase(Locale.ROOT)).matches()) {
                throw unsupported("UUID '" + uuid + "' is malformed");
            }
            add("-uuid", uuid.toLowerCase(Locale.ROOT));
        }
        argv.add("-no-user-config");
        argv.add("-nodefaults");
        add("-chardev", "socket,id=charmonitor,path=" + path("monitor socket", monitorSocket.toString())
                + ",server=on,wait=off");
        add("-mon", "chardev=charmonitor,id=monitor,mode=control");
        clock();
        argv.add("-no-shutdown");
        lifecycle();
        powerManagement();
        DevicesDef devices = def.getDevices() == null ? new DevicesDef() : def.getDevices();
        emulator(devices);
        perDeviceBoot = devices.getDisks().stream().anyMatch(d -> d.getBoot() != null)
                || devices.getInterfaces().stream().anyMatch(i -> i.getBoot() != null);
        boot(devices);
        kernel();
        pci = controllers.pciSlots(devices, requestedPciAddresses(devices));
        controllers.build(devices);
        disks.build(devices);
        interfaces(devices);
        chardevs.build(devices);
        inputs(devices);
        QemuDisplay.build(this, devices);
        balloon(devices);
        watchdog(devices);
        rngs(devices);
        panics(devices);
        audio(devices);
        if (caps.sandbox()) {
            add("-sandbox", "on,obsolete=deny,elevateprivileges=deny,spawn=deny,resourcecontrol=deny");
        }
        add("-msg", "timestamp=on");
        return List.copyOf(argv);
    }

    /** The PCI {@code <address>} of a device the XML model does not type (a watchdog), or null. */
    private static AddressDef untypedAddress(Element device) {
        NodeList addresses = device.getElementsByTagName("address");
        if (addresses.getLength() == 0) {
            return null;
        }
        Element a = (Element) addresses.item(0);
        AddressDef address = new AddressDef();
        address.setType(a.hasAttribute("type") ? a.getAttribute("type") : null);
        address.setDomain(a.hasAttribute("domain") ? a.getAttribute("domain") : null);
        address.setBus(a.hasAttribute("bus") ? a.getAttribute("bus") : null);
        address.setSlot(a.hasAttribute("slot") ? a.getAttribute("slot") : null);
        address.setFunction(a.hasAttribute("function") ? a.getAttribute("function") : null);
        address.setMultifunction(a.hasAttribute("multifunction") ? a.getAttribute("multifunction") : null);
        return address;
    }

    /** Addresses of the devices this builder creates; the built-in controllers' are checked apart. */
    private static List<AddressDef> requestedPciAddresses(DevicesDef devices) {
        List<DeviceDef> all = new ArrayList<>();
        all.addAll(devices.getDisks());
        devices.getControllers().stream()
                .filter(c -> !List.of("ide", "sata").contains(String.valueOf(c.getType())))
                .filter(c -> !("pci".equals(c.getType()) && QemuControllers.isRoot(c)))
                .forEach(all::add);
        all.addAll(devices.getInterfaces());
        all.addAll(devices.getVideos());
        all.addAll(devices.getRngs());
        all.addAll(devices.getInputs());
        if (devices.getMemballoon() != null) {
            all.add(devices.getMemballoon());
        }
        List<AddressDef> addresses = new ArrayList<>(all.stream().map(DeviceDef::getAddress).toList());
        devices.getExtraElements("watchdog").forEach(w -> addresses.add(untypedAddress(w)));
        devices.getExtraElements("panic").forEach(p -> addresses.add(untypedAddress(p)));
        return addresses.stream().filter(a -> a != null && "pci".equals(a.getType())).toList();
    }

    boolean q35() {
        return q35;
    }

    /** The canonical machine type, e.g. pc-i440fx-7.2, for messages. */
    String machine() {
        return machine;
    }

    QemuControllers controllers() {
        return controllers;
    }

    /** The ids of the domain's I/O threads, which virtio disks may name. */
    Set<Integer> iothreadIds() {
        return iothreadIds;
    }

    QemuCharDevices chardevs() {
        return chardevs;
    }

    Path monitorSocket() {
        return monitorSocket;
    }

    /** The PCI slots of this domain's buses, for the device builders. */
    PciSlots pci() {
        return pci;
    }

    void add(String option, String value) {
        argv.add(option);
        argv.add(value);
    }

    private void machineAndAccel() {
        OsDef os = def.getOs();
        if (os == null || !"hvm".equals(os.getTypeName())) {
            throw unsupported("only <os><type>hvm</type></os> guests are supported by the QEMU driver");
        }
        FeaturesDef f = def.getFeatures();
        StringBuilder m = new StringBuilder(machine).append(",usb=off,dump-guest-core=off");
        if (f == null || f.getAcpi() == null) {
            m.append(",acpi=off"); // libvirt turns ACPI off when <acpi/> is absent
        }
        if (timers.hpetOff()) {
            m.append(",hpet=off");
        }
        QemuFirmware firmware = QemuFirmware.of(def);
        argv.addAll(firmware.blockdevs()); // the machine maps these nodes as its flash
        add("-machine", m.append(firmware.machineOptions()).toString());
        argv.addAll(firmware.after());
        String type = def.getType();
        if ("qemu".equals(type)) {
            add("-accel", "tcg");
        } else if ("kvm".equals(type)) {
            if (!caps.kvmUsable()) {
                throw unsupported("domain type 'kvm' needs a usable /dev/kvm; use type 'qemu' (TCG)");
            }
            add("-accel", "kvm");
        } else {
            throw unsupported("domain type '" + type + "' is not supported by the QEMU driver");
        }
    }

    /** Refuses a guest architecture {@code caps}' binary cannot run. */
    static void checkArch(String arch, QemuCapabilities caps) {
        if (!caps.guestArchs().contains(arch)) {
            throw unsupported("architecture '" + arch + "' is not supported by " + caps.binary());
        }
    }

    /**
     * {@code -cpu}: the model and features of {@code <cpu>}, then the flags devices ask for
     * (Hyper-V's crash MSRs for {@code <panic model='hyperv'>}), as libvirt's
     * qemuBuildCpuCommandLine. Without a model QEMU's default serves, except where flags need a
     * model to hang on or a 32-bit guest runs on qemu-system-x86_64: then libvirt's default,
     * qemu64 or qemu32 (the i386 binary's default, not the 64-bit one).
     */
    private void cpu() {
        String model = cpuModel();
        String flags = hypervCrash() ? ",hv-crash" : "";
        boolean i686OnX86 = arch.equals("i686") && caps.guestArchs().get(0).equals("x86_64");
        if (model == null && (!flags.isEmpty() || i686OnX86)) {
            model = arch.equals("i686") ? "qemu32" : "qemu64";
        }
        if (model != null) {
            add("-cpu", model + flags);
        }
    }

    /** Whether a {@code <panic model='hyperv'>} reports through Hyper-V's crash MSRs (QEMU's hv-crash). */
    private boolean hypervCrash() {
        return def.getDevices() != null && def.getDevices().getExtraElements("panic").stream()
                .anyMatch(p -> p.getAttribute("model").equals("hyperv"));
    }

    /** The model and features {@code <cpu>} asks for, or null for QEMU's default model. */
    private String cpuModel() {
        CpuDef cpu = def.getCpu();
        if (cpu == null) {
            return null;
        }
        String mode = cpu.getMode() == null ? "custom" : cpu.getMode();
        StringBuilder model = new StringBuilder();
        switch (mode) {
            case "custom" -> {
                if (cpu.getModel() == null) {
                    if (!cpu.getFeatures().isEmpty()) {
                        throw unsupported("CPU features need a CPU model");
                    }
                    return null; // topology only
                }
                String name = cpu.getModel().getText();
                if (!caps.cpuModels().contains(name)) {
                    throw unsupported("CPU model '" + name + "' is not supported by " + caps.binary());
                }
                model.append(name);
            }
            case "maximum" -> model.append("max");
            case "host-passthrough" -> {
                if (!"kvm".equals(def.getType())) {
                    throw unsupported("CPU mode 'host-passthrough' needs domain type 'kvm'");
                }
                model.append("host");
            }
            default -> throw unsupported("CPU mode '" + mode + "' is not supported by the QEMU driver");
        }
        if (cpu.getModel() != null && !"custom".equals(mode)) {
            throw unsupported("a CPU model with mode '" + mode + "'");
        }
        for (CpuFeatureDef feature : cpu.getFeatures()) {
            String policy = feature.getPolicy() == null ? "require" : feature.getPolicy();
            String sign = switch (policy) {
                case "require", "force" -> "+";
                case "disable", "forbid" -> "-";
                default -> throw unsupported("CPU feature policy '" + policy + "'");
            };
            String name = requirePrintable("CPU feature", feature.getName());
            if (!name.matches("[a-z0-9_.-]+")) {
                throw unsupported("CPU feature name '" + name + "'");
            }
            model.append(',').append(sign).append(name);
        }
        return model.toString();
    }

    private void memoryAndSmp() {
        long kib = def.getMemoryKiB();
        if (kib <= 0) {
            throw unsupported("guest memory must be set");
        }
        long current = def.getCurrentMemoryKiB();
        if (current > kib) {
            throw unsupported("<currentMemory> above <memory>");
        }
        if (current != 0 && current < kib && !QemuResources.hasBalloon(def)) {
            // The driver balloons the guest down at start (QemuResources.balloonAtStart).
            throw unsupported("<currentMemory> below <memory> needs a virtio <memballoon>");
        }
        int vcpus = Math.max(1, def.getVcpuCount());
        NumaCells numa = NumaCells.of(def.getCpu(), kib, vcpus);
        add("-m", "size=" + (numa == null ? kib : numa.totalKiB()) + "k");
        if (def.getVcpu() != null && def.getVcpu().getPlacement() != null
                && !"static".equals(def.getVcpu().getPlacement())) {
            throw unsupported("vCPU placement '" + def.getVcpu().getPlacement() + "'");
        }
        int sockets = vcpus;
        int dies = 1;
        int cores = 1;
        int threads = 1;
        CpuTopologyDef t = def.getCpu() == null ? null : def.getCpu().getTopology();
        if (t != null) {
            sockets = positive("sockets", t.getSockets());
            dies = t.getDies() == null ? 1 : positive("dies", t.getDies());
            cores = positive("cores", t.getCores());
            threads = positive("threads", t.getThreads());
            if ((long) sockets * dies * cores * threads != vcpus) {
                throw unsupported("CPU topology " + sockets + "*" + dies + "*" + cores + "*" + threads
                        + " does not match " + vcpus + " vCPUs");
            }
        }
        int cpuMax = caps.machine(machine).map(QemuCapabilities.Machine::cpuMax).orElse(vcpus);
        if (vcpus > cpuMax) {
            throw unsupported("Maximum CPUs greater than specified machine type limit " + cpuMax);
        }
        int online = QemuResources.currentVcpus(def);
        if (online < 1 || online > vcpus) {
            throw unsupported("vcpu current='" + def.getVcpu().getCurrent() + "' with " + vcpus + " vCPUs");
        }
        add("-smp", online + (online != vcpus ? ",maxcpus=" + vcpus : "") + ",sockets=" + sockets + (dies != 1 ? ",dies=" + dies : "")
                + ",cores=" + cores + ",threads=" + threads);
        if (numa != null) {
            argv.addAll(numa.argv());
        }
        iothreads();
    }

    /**
     * {@code <iothreads>N</iothreads>} (ids 1..N) or {@code <iothreadids>} as QEMU I/O threads
     * {@code iothreadN}, which virtio disks name in {@code <driver iothread='N'/>}.
     */
    private void iothreads() {
        Element count = def.getExtraElement("iothreads");
        Element ids = def.getExtraElement("iothreadids");
        int n = count == null ? 0 : PciSlots.number("iothreads", count.getTextContent().strip(), 1024);
        Set<Integer> all = new TreeSet<>();
        if (ids != null) {
            NodeList list = ids.getElementsByTagName("iothread");
            for (int i = 0; i < list.getLength(); i++) {
                String id = ((Element) list.item(i)).getAttribute("id");
                if (!all.add(positive("iothread id", id))) {
                    throw unsupported("iothread id " + id + " twice");
                }
            }
        }
        // libvirt numbers the threads <iothreadids> leaves out from 1 up, skipping used ids
        for (int id = 1; all.size() < n; id++) {
            all.add(id);
        }
        for (int id : all) {
            add("-object", "iothread,id=iothread" + id);
        }
        iothreadIds = all;
    }

    private Set<Integer> iothreadIds = Set.of();

    static int positive(String what, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw unsupported("CPU topology " + what + "='" + value + "'");
    }

    private void clock() {
        String offset = def.getClock() == null ? "utc" : def.getClock().getOffset();
        if ("utc".equals(offset) || "localtime".equals(offset)) {
            add("-rtc", "base=" + offset + timers.rtcDriftFix());
            for (String global : timers.globals()) {
                add("-global", global);
            }
        } else {
            throw unsupported("clock offset '" + offset + "' is not supported by the QEMU driver");
        }
    }

    /**
     * Enforcing these actions is the driver's job on QMP events (QemuReboot, QemuCrash); argv
     * only prepares them. Refused as libvirt's qemuValidateLifecycleAction refuses.
     */
    private void lifecycle() {
        String poweroff = def.getOnPoweroff() == null ? "destroy" : def.getOnPoweroff();
        String reboot = def.getOnReboot() == null ? "restart" : def.getOnReboot();
        String crash = def.getOnCrash() == null ? "destroy" : def.getOnCrash();
        if (poweroff.equals("rename-restart") || reboot.equals("rename-restart") || crash.equals("rename-restart")) {
            throw unsupported("qemu driver doesn't support the 'rename-restart' action for"
                    + " 'on_reboot'/'on_poweroff'/'on_crash'");
        }
        if (poweroff.equals("preserve") || reboot.equals("preserve")) {
            throw unsupported("qemu driver doesn't support the 'preserve' action for 'on_reboot'/'on_poweroff'");
        }
        if (poweroff.equals("restart") && reboot.equals("destroy")) {
            throw unsupported("qemu driver doesn't support 'onReboot' set to 'destroy and 'onPoweroff' set to 'reboot'");
        }
        if (!poweroff.equals("destroy") && !poweroff.equals("restart")) {
            throw unsupported("on_poweroff '" + poweroff + "'");
        }
        if (reboot.equals("destroy")) {
            argv.add("-no-reboot"); // a guest reboot then reports SHUTDOWN, and the driver destroys
        } else if (!reboot.equals("restart")) {
            throw unsupported("on_reboot '" + reboot + "'");
        }
        if (!List.of("destroy", "restart", "preserve", "coredump-destroy", "coredump-restart").contains(crash)) {
            throw unsupported("on_crash '" + crash + "'");
        }
    }

    /** {@code <pm>}: whether the guest may suspend to RAM (S3) or disk (S4), on the ACPI chip. */
    private void powerManagement() {
        Element pm = def.getExtraElement("pm");
        if (pm == null) {
            return;
        }
        String chip = q35 ? "ICH9-LPC" : "PIIX4_PM";
        for (String state : List.of("suspend-to-mem", "suspend-to-disk")) {
            NodeList found = pm.getElementsByTagName(state);
            if (found.getLength() == 0) {
                continue;
            }
            String enabled = ((Element) found.item(0)).getAttribute("enabled");
            if (!enabled.equals("yes") && !enabled.equals("no")) {
                throw unsupported("<pm><" + state + " enabled='" + enabled + "'>");
            }
            add("-global", chip + ".disable_s" + (state.equals("suspend-to-mem") ? 3 : 4) + "="
                    + (enabled.equals("no") ? 1 : 0));
        }
    }

    private void emulator(DevicesDef devices) {
        String emulator = devices.getEmulator();
        if (emulator != null && !Path.of(emulator).equals(caps.binary())) {
            throw unsupported("emulator '" + emulator + "' is not the probed " + caps.binary());
        }
    }

    /**
     * Boot order as libvirt 9 gives it: never QEMU's legacy {@code order=} (three devices at
     * most on a PC), but a {@code bootindex} on the first disk, CD-ROM and NIC in the order of
     * the {@code <os><boot dev>} elements, or the devices' own {@code <boot order>}, and
     * {@code strict=on} so the firmware tries nothing else.
     */
    private void boot(DevicesDef devices) {
        List<BootDeviceDef> boots = def.getOs().getBoots();
        if (!boots.isEmpty() && perDeviceBoot) {
            throw unsupported("per-device boot elements cannot be used together with os/boot elements");
        }
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < boots.size(); i++) {
            String dev = String.valueOf(boots.get(i).getDev());
            if (!List.of("hd", "cdrom", "network", "fd").contains(dev)) {
                throw unsupported("boot device '" + dev + "'");
            }
            position.putIfAbsent(dev, i + 1);
        }
        for (DiskDef disk : devices.getDisks()) {
            String kind = "cdrom".equals(disk.getDevice()) ? "cdrom" : "floppy".equals(disk.getDevice()) ? "fd" : "hd";
            Integer index = position.remove(kind);
            if (index != null) {
                bootIndexes.put(disk, index);
            }
        }
        Integer network = position.remove("network");
        if (network != null && !devices.getInterfaces().isEmpty()) {
            bootIndexes.put(devices.getInterfaces().get(0), network);
        }
        add("-boot", bootMenu() + "strict=on");
    }

    /** {@code <bootmenu>} as {@code menu=on,splash-time=MS,} (with the trailing comma), or "". */
    private String bootMenu() {
        var menu = def.getOs().getBootMenu();
        if (menu == null) {
            return "";
        }
        String enable = String.valueOf(menu.getEnable());
        if (!enable.equals("yes") && !enable.equals("no")) {
            throw unsupported("bootmenu enable '" + enable + "'");
        }
        String timeout = "";
        if (menu.getTimeout() != null && enable.equals("yes")) { // libvirt sets it for an enabled menu only
            int ms = PciSlots.number("boot menu timeout", menu.getTimeout(), 65535);
            timeout = "splash-time=" + ms + ",";
        }
        return "menu=" + (enable.equals("yes") ? "on" : "off") + "," + timeout;
    }

    private void kernel() {
        OsDef os = def.getOs();
        if (os.getKernel() != null) {
            add("-kernel", QemuEscaping.checkPath("kernel", os.getKernel()));
        }
        if (os.getInitrd() != null) {
            if (os.getKernel() == null) {
                throw unsupported("an initrd without a kernel");
            }
            add("-initrd", QemuEscaping.checkPath("initrd", os.getInitrd()));
        }
        if (os.getCmdline() != null) {
            if (os.getKernel() == null) {
                throw unsupported("a kernel command line without a kernel");
            }
            // -append takes its whole argument verbatim: no option syntax, so no escaping.
            add("-append", requirePrintable("kernel command line", os.getCmdline()));
        }
    }

    private PciSlots pci;
    private final QemuCharDevices chardevs = new QemuCharDevices(this);
    private final QemuControllers controllers = new QemuControllers(this);
    private final QemuDisks disks = new QemuDisks(this);
    /** {@code ,bootindex=N} for a device's own {@code <boot order>} or its place in {@code <os>}'s. */
    void bootIndex(StringBuilder d, DeviceDef device, BootOrderDef boot) {
        Integer order = bootOrder(device, boot);
        if (order != null) {
            d.append(",bootindex=").append(order);
        }
    }

    /** The device's boot index, or null when it isn't booted from. */
    Integer bootOrder(DeviceDef device, BootOrderDef boot) {
        return boot != null ? Integer.valueOf(positive("boot order", boot.getOrder())) : bootIndexes.get(device);
    }

    private void interfaces(DevicesDef devices) {
        int i = 0;
        for (DomainInterfaceDef nic : devices.getInterfaces()) {
            String netdev = switch (String.valueOf(nic.getType())) {
                case "user" -> "user,id=hostnet" + i;
                // QEMU opens the tap QemuTaps named (and the kernel deletes it when QEMU exits);
                // QemuTaps puts it on its bridge before the guest runs.
                case "bridge", "network" -> "tap,id=hostnet" + i + (nic.getTarget() == null
                        || nic.getTarget().getDev() == null ? "" : ",ifname=" + escape(nic.getTarget().getDev()))
                        + ",script=no,downscript=no";
                default -> throw unsupported("interface type '" + nic.getType()
                        + "' (only 'user', 'bridge' and 'network')");
            };
            String mac = nic.getMacAddress();
            if (mac == null || !MAC.matcher(mac.toLowerCase(Locale.ROOT)).matches()) {
                throw unsupported("interface MAC address '" + mac + "'");
            }
            String model = nic.getModel() == null ? "rtl8139" : nic.getModel().getType();
            String device = switch (String.valueOf(model)) {
                case "virtio" -> "virtio-net-pci";
                case "e1000" -> "e1000";
                case "e1000e" -> "e1000e";
                case "rtl8139" -> "rtl8139";
                default -> throw unsupported("interface model '" + model + "'");
            };
            add("-netdev", netdev);
            StringBuilder d = new StringBuilder(device).append(",netdev=hostnet").append(i)
                    .append(",id=net").append(i).append(",mac=").append(mac.toLowerCase(Locale.ROOT))
                    .append(pci.place(nic.getAddress(), "interface " + i));
            bootIndex(d, nic, nic.getBoot());
            add("-device", d.toString());
            i++;
        }
    }

    private void inputs(DevicesDef devices) {
        int i = 0;
        for (InputDef input : devices.getInputs()) {
            String type = String.valueOf(input.getType());
            String bus = input.getBus() == null ? "ps2" : input.getBus();
            String device = switch (bus + " " + type) {
                case "ps2 mouse", "ps2 keyboard" -> null; // i8042 comes with the PC machines
                case "usb mouse" -> "usb-mouse";
                case "usb keyboard" -> "usb-kbd";
                case "usb tablet" -> "usb-tablet";
                case "virtio mouse" -> "virtio-mouse-pci";
                case "virtio keyboard" -> "virtio-keyboard-pci";
                case "virtio tablet" -> "virtio-tablet-pci";
                default -> throw unsupported("input type '" + type + "' on bus '" + bus + "'");
            };
            if (device == null) {
                if (input.getAddress() != null) {
                    throw unsupported("an address for a PS/2 " + type);
                }
                continue;
            }
            StringBuilder d = new StringBuilder(device).append(",id=input").append(i++);
            if (bus.equals("usb")) {
                if (!controllers.hasUsb()) {
                    throw unsupported("a USB " + type + " without a USB controller");
                }
                d.append(",bus=usb.0").append(controllers.usbPort(input.getAddress(), "USB " + type));
            } else {
                d.append(pci.place(input.getAddress(), "virtio " + type));
            }
            add("-device", d.toString());
        }
    }

    /**
     * libvirt 9 writes {@code <audio id='1' type='none'/>} into definitions; with no sound
     * device nothing plays, and QEMU gets the silent backend under the same id.
     */
    private void audio(DevicesDef devices) {
        for (Element audio : devices.getExtraElements("audio")) {
            String type = audio.getAttribute("type");
            String id = audio.getAttribute("id");
            if (!type.equals("none")) {
                throw unsupported("audio type '" + type + "'");
            }
            if (!id.matches("[1-9][0-9]{0,3}")) {
                throw unsupported("audio id '" + id + "'");
            }
            add("-audiodev", "id=audio" + id + ",driver=none");
        }
    }

    /**
     * {@code <watchdog>}: QEMU's ISA ib700 or PCI i6300esb timer, and what QEMU does when the
     * guest stops petting it. libvirt's {@code dump} (pause, then a core dump by the driver) is
     * not done here.
     */
    private void watchdog(DevicesDef devices) {
        List<Element> watchdogs = devices.getExtraElements("watchdog");
        if (watchdogs.size() > 1) {
            throw unsupported("more than one <watchdog>");
        }
        if (watchdogs.isEmpty()) {
            return;
        }
        Element w = watchdogs.get(0);
        String model = w.getAttribute("model");
        AddressDef address = untypedAddress(w);
        switch (model) {
            case "ib700" -> {
                if (address != null) {
                    throw unsupported("an address for the ISA ib700 watchdog");
                }
                add("-device", "ib700,id=watchdog0");
            }
            case "i6300esb" -> add("-device", "i6300esb,id=watchdog0" + pci.place(address, "the watchdog"));
            default -> throw unsupported("watchdog model '" + model + "'");
        }
        String action = w.getAttribute("action");
        switch (action) {
            case "" -> { }
            case "reset", "shutdown", "poweroff", "pause", "none", "inject-nmi" -> add("-watchdog-action", action);
            default -> throw unsupported("watchdog action '" + action + "'");
        }
    }

    /**
     * {@code <panic>}: the device through which a guest reports its kernel panic, which QEMU
     * turns into GUEST_PANICKED for on_crash (QemuCrash). As libvirt's qemuBuildPanicCommandLine:
     * the ISA pvpanic at its {@code iobase} (QEMU's {@code ioport}), and the PCI one of later
     * libvirt. Hyper-V's is no device but a CPU flag ({@link #cpu}); s390's and pSeries' belong
     * to other architectures, refused as libvirt's qemuValidateDomainDeviceDefPanic does.
     */
    private void panics(DevicesDef devices) {
        Set<String> seen = new HashSet<>();
        for (Element panic : devices.getExtraElements("panic")) {
            String model = panic.getAttribute("model").isEmpty() ? "isa" : panic.getAttribute("model");
            if (!seen.add(model)) {
                throw unsupported("more than one <panic model='" + model + "'>");
            }
            switch (model) {
                case "isa" -> add("-device", "pvpanic" + isaIoport(panic));
                case "pvpanic" -> add("-device", "pvpanic-pci" + pci.place(untypedAddress(panic), "the panic device"));
                case "hyperv" -> {
                    if (panic.getElementsByTagName("address").getLength() > 0) {
                        throw unsupported("setting the panic device address is not supported for model 'hyperv'");
                    }
                }
                case "s390" -> throw unsupported("only S390 guests support panic device of model 's390'");
                case "pseries" -> throw unsupported("only pseries guests support panic device of model 'pseries'");
                default -> throw unsupported("panic model '" + model + "'");
            }
        }
    }

    /** {@code ,ioport=N} for an ISA {@code <address iobase>}; nothing without an address. */
    private static String isaIoport(Element panic) {
        NodeList addresses = panic.getElementsByTagName("address");
        if (addresses.getLength() == 0) {
            return "";
        }
        Element a = (Element) addresses.item(0);
        if (!"isa".equals(a.getAttribute("type"))) {
            throw unsupported("address type '" + a.getAttribute("type") + "' for the ISA panic device");
        }
        String iobase = a.getAttribute("iobase");
        if (iobase.isEmpty()) {
            return "";
        }
        try {
            int port = Integer.decode(iobase);
            if (port >= 0 && port <= 0xffff) {
                return ",ioport=" + port;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw unsupported("panic iobase '" + iobase + "'");
    }

    /**
     * {@code <rng model='virtio'>} as a virtio-rng-pci fed by a host random device or QEMU's own
     * generator, with {@code <rate>}'s limit ({@code bytes} per {@code period} ms).
     */
    private void rngs(DevicesDef devices) {
        int i = 0;
        for (RngDef rng : devices.getRngs()) {
            if (!"virtio".equals(rng.getModel())) {
                throw unsupported("RNG model '" + rng.getModel() + "'");
            }
            var backend = rng.getBackend();
            String backendModel = backend == null ? null : backend.getModel();
            String object = switch (String.valueOf(backendModel)) {
                case "random" -> {
                    String source = backend.getText() == null || backend.getText().isBlank() ? "/dev/urandom"
                            : backend.getText().strip();
                    yield "rng-random,id=objrng" + i + ",filename=" + path("RNG source", source);
                }
                case "builtin" -> "rng-builtin,id=objrng" + i;
                default -> throw unsupported("RNG backend model '" + backendModel + "'");
            };
            add("-object", object);
            StringBuilder d = new StringBuilder("virtio-rng-pci,rng=objrng").append(i).append(",id=rng").append(i);
            Element rate = rng.getExtraElement("rate");
            if (rate != null) {
                d.append(",max-bytes=").append(positive("RNG rate bytes", rate.getAttribute("bytes")));
                // libvirt's documented default period is 1 s (QEMU's own is 60 s)
                d.append(",period=").append(rate.hasAttribute("period")
                        ? positive("RNG rate period", rate.getAttribute("period")) : 1000);
            }
            d.append(pci.place(rng.getAddress(), "RNG " + i));
            add("-device", d.toString());
            i++;
        }
    }

    private static String onOff(String what, String value, String option) {
        if (value == null) {
            return "";
        }
        if (!value.equals("on") && !value.equals("off")) {
            throw unsupported(what + " '" + value + "'");
        }
        return option + value;
    }

    private void balloon(DevicesDef devices) {
        if (devices.getMemballoon() == null) {
            return;
        }
        var balloon = devices.getMemballoon();
        String model = String.valueOf(balloon.getModel());
        // autodeflate: the guest may take pages back under memory pressure; freePageReporting:
        // it tells the host which pages it freed
        String options = onOff("memballoon autodeflate", balloon.getExtraAttribute("autodeflate"), ",deflate-on-oom=")
                + onOff("memballoon freePageReporting", balloon.getExtraAttribute("freePageReporting"),
                        ",free-page-reporting=");
        switch (model) {
            case "virtio" -> add("-device", "virtio-balloon-pci,id=balloon0" + options
                    + pci.place(balloon.getAddress(), "the memory balloon"));
            case "none" -> {
                if (!options.isEmpty() || balloon.getAddress() != null) {
                    throw unsupported("options or an address for memballoon model 'none'");
                }
            }
            default -> throw unsupported("memballoon model '" + model + "'");
        }
    }
}
