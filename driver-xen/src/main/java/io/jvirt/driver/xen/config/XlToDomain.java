package io.jvirt.driver.xen.config;

import io.jvirt.xml.BootDeviceDef;
import io.jvirt.xml.CharDeviceDef;
import io.jvirt.xml.CharTargetDef;
import io.jvirt.xml.ClockDef;
import io.jvirt.xml.ControllerDef;
import io.jvirt.xml.CpuDef;
import io.jvirt.xml.CpuFeatureDef;
import io.jvirt.xml.DevicesDef;
import io.jvirt.xml.DiskDef;
import io.jvirt.xml.DiskDriverDef;
import io.jvirt.xml.DiskSourceDef;
import io.jvirt.xml.DiskTargetDef;
import io.jvirt.xml.DomainDef;
import io.jvirt.xml.FeatureDef;
import io.jvirt.xml.FeaturesDef;
import io.jvirt.xml.GraphicsDef;
import io.jvirt.xml.LoaderDef;
import io.jvirt.xml.OsDef;
import io.jvirt.xml.OsTypeDef;
import io.jvirt.xml.VcpuDef;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.w3c.dom.Element;

/** xl.cfg → domain XML, following libvirt's xenParseXL (xen_xl.c / xen_common.c). */
final class XlToDomain {
    /** Where libxl looks for firmware; libvirt's LIBXL_FIRMWARE_DIR. */
    static final String FIRMWARE_DIR = "/usr/lib/xen/boot";

    private XlToDomain() {
    }

    static DomainDef convert(XlConfig cfg) {
        DomainDef def = new DomainDef("xen", cfg.getString("name"));
        if (def.getName() == null || def.getName().isEmpty()) {
            throw XlConfig.malformed("config value name was missing");
        }
        String uuid = cfg.getString("uuid");
        def.setUuid(uuid != null ? uuid : UUID.randomUUID().toString());
        boolean hvm = isHvm(cfg);
        boolean pvh = "pvh".equals(cfg.getString("type"));
        os(cfg, def, hvm, pvh);
        // memory is the balloon target, maxmem the ceiling (MiB); the XML is KiB.
        long memory = cfg.getLong("memory", 128);
        long maxmem = cfg.getLong("maxmem", memory);
        def.setMemoryKiB(Math.max(maxmem, memory) * 1024);
        def.setCurrentMemoryKiB(memory * 1024);
        vcpus(cfg, def);
        if (hvm) {
            features(cfg, def);
        }
        clock(cfg, def, hvm);
        hypervisorFeatures(cfg, def, hvm);
        if (hvm) {
            nestedHvm(cfg, def);
        }
        XlVnuma.parse(cfg, def);
        XlCpuid.parse(cfg, def);
        def.setOnPoweroff(lifecycle(cfg, "on_poweroff", "destroy"));
        def.setOnReboot(lifecycle(cfg, "on_reboot", "restart"));
        def.setOnCrash(lifecycle(cfg, "on_crash", "restart"));
        DevicesDef devices = def.getOrCreateDevices();
        String dm = cfg.getString("device_model_override");
        devices.setEmulator(dm != null ? dm : cfg.getString("device_model"));
        for (String spec : cfg.getStrings("disk")) {
            devices.getDisks().add(disk(XlDiskSpec.parse(spec), hvm));
        }
        for (String spec : cfg.getStrings("vif")) {
            devices.getInterfaces().add(XlVif.toInterface(spec, hvm));
        }
        graphics(cfg, devices, hvm);
        if (hvm) {
            spice(cfg, devices);
        }
        serials(cfg, devices, hvm);
        xenbusLimits(cfg, devices);
        if (hvm) {
            XlDevices.parseUsbInputs(cfg, devices);
        }
        XlDevices.parsePci(cfg, devices);
        XlDevices.parseUsbctrl(cfg, devices);
        XlDevices.parseUsbdev(cfg, devices);
        XlDevices.parseChannels(cfg, devices);
        XlDevices.parseDeviceModelArgs(cfg, def);
        return def;
    }

    static boolean isHvm(XlConfig cfg) {
        String type = cfg.getString("type");
        if (type != null) {
            return type.equals("hvm");
        }
        return "hvm".equals(cfg.getString("builder"));
    }

    private static void os(XlConfig cfg, DomainDef def, boolean hvm, boolean pvh) {
        OsDef os = new OsDef();
        OsTypeDef type = new OsTypeDef(hvm ? "hvm" : pvh ? "xenpvh" : "linux");
        type.setArch("x86_64");
        type.setMachine(hvm ? "xenfv" : pvh ? "xenpvh" : "xenpv");
        os.setType(type);
        os.setKernel(cfg.getString("kernel"));
        os.setInitrd(cfg.getString("ramdisk"));
        // cmdline wins; otherwise libvirt joins root and extra as "root=R EXTRA".
        String cmdline = cfg.getString("cmdline");
        if (cmdline == null) {
            String root = cfg.getString("root");
            String extra = cfg.getString("extra");
            if (root != null) {
                cmdline = "root=" + root + (extra != null ? " " + extra : "");
            } else {
                cmdline = extra;
            }
        }
        os.setCmdline(cmdline);
        if (hvm) {
            String fw = cfg.getString("firmware");
            if (fw == null) {
                fw = cfg.getString("bios");
            }
            if ("ovmf".equals(fw) || "uefi".equals(fw)) {
                LoaderDef loader = new LoaderDef();
                loader.setReadonly("yes");
                loader.setType("pflash");
                loader.setText(FIRMWARE_DIR + "/ovmf.bin");
                os.setLoader(loader);
            } else {
                // libvirt takes the capabilities' default HVM loader: libxl's hvmloader.
                LoaderDef loader = new LoaderDef();
                loader.setType("rom");
                loader.setText(FIRMWARE_DIR + "/hvmloader");
                os.setLoader(loader);
            }
            String slic = cfg.getString("acpi_firmware");
            if (slic != null) {
                Element acpi = XlDom.element("acpi");
                Element table = XlDom.element("table", "type", "slic");
                table.setTextContent(slic);
                XlDom.append(acpi, table);
                os.getExtraElements().add(acpi);
            }
            // Boot order is parsed even with a direct kernel (xenParseXLOS); at most 4 devices.
            String boot = cfg.getString("boot");
            int n = 0;
            for (char c : (boot == null ? "c" : boot).toCharArray()) {
                if (n++ == 4) {
                    break;
                }
                String dev = switch (c) {
                    case 'a' -> "fd";
                    case 'd' -> "cdrom";
                    case 'n' -> "network";
                    default -> "hd";
                };
                os.getBoots().add(new BootDeviceDef(dev));
            }
        } else {
            def.setBootloader(cfg.getString("bootloader"));
            def.setBootloaderArgs(cfg.getString("bootargs"));
        }
        def.setOs(os);
    }

    /** vcpus is the number online at boot, maxvcpus the ceiling (xl's defaults: 1, vcpus). */
    private static void vcpus(XlConfig cfg, DomainDef def) {
        long vcpus = cfg.getLong("vcpus", 1);
        long max = cfg.getLong("maxvcpus", vcpus);
        VcpuDef vcpu = new VcpuDef((int) max);
        vcpu.setPlacement("static");
        if (vcpus < max) {
            vcpu.setCurrent(Long.toString(vcpus));
        }
        vcpu.setCpuset(cfg.getString("cpus"));
        def.setVcpu(vcpu);
    }

    /** xl turns pae, acpi, apic and hap on unless told otherwise; viridian is off by default. */
    private static void features(XlConfig cfg, DomainDef def) {
        FeaturesDef f = new FeaturesDef();
        if (cfg.getBool("acpi", true)) {
            f.setAcpi(new FeatureDef());
        }
        if (cfg.getBool("apic", true)) {
            f.setApic(new FeatureDef());
        }
        if (cfg.getBool("pae", true)) {
            f.setPae(new FeatureDef());
        }
        if (!cfg.getBool("hap", true)) {
            f.setHap(new FeatureDef("off"));
        }
        if (cfg.getBool("viridian", false)) {
            f.setViridian(new FeatureDef());
        }
        def.setFeatures(f);
    }

    /** tsc_mode and hpet become clock timers; passthrough and e820_host the xen features. */
    private static void hypervisorFeatures(XlConfig cfg, DomainDef def, boolean hvm) {
        String tsc = cfg.getString("tsc_mode");
        if (tsc != null) {
            String mode = switch (tsc) {
                case "always_emulate" -> "emulate";
                case "native" -> "native";
                case "native_paravirt" -> "paravirt";
                default -> "auto";
            };
            def.getClock().getExtraElements().add(XlDom.element("timer", "name", "tsc", "present", "yes",
                    "mode", mode));
        }
        Element xen = null;
        String passthrough = cfg.getString("passthrough");
        Element pt = null;
        if (passthrough != null) {
            pt = switch (passthrough) {
                case "disabled" -> XlDom.element("passthrough", "state", "off");
                case "enabled" -> XlDom.element("passthrough", "state", "on");
                case "sync_pt", "share_pt" -> XlDom.element("passthrough", "state", "on", "mode", passthrough);
                default -> throw XlConfig.invalid("Invalid passthrough mode " + passthrough);
            };
        }
        if (hvm) {
            if (cfg.has("hpet")) {
                def.getClock().getExtraElements().add(XlDom.element("timer", "name", "hpet", "present",
                        cfg.getBool("hpet", false) ? "yes" : "no"));
            }
        } else if (cfg.getBool("e820_host", false)) {
            xen = XlDom.element("xen");
            XlDom.append(xen, XlDom.element("e820_host", "state", "on"));
        }
        if (pt != null) {
            xen = xen == null ? XlDom.element("xen") : xen;
            XlDom.append(xen, pt);
        }
        if (xen != null) {
            if (def.getFeatures() == null) {
                def.setFeatures(new FeaturesDef());
            }
            def.getFeatures().getExtraElements().add(xen);
        }
    }

    /** nestedhvm=1 asks for host-passthrough; nestedhvm=0 for it with vmx disabled. */
    private static void nestedHvm(XlConfig cfg, DomainDef def) {
        if (!cfg.has("nestedhvm")) {
            return;
        }
        if (def.getCpu() == null) {
            CpuDef cpu = new CpuDef();
            cpu.setMode("host-passthrough");
            def.setCpu(cpu);
        }
        if (!cfg.getBool("nestedhvm", false)) {
            def.getCpu().getFeatures().add(new CpuFeatureDef("disable", "vmx"));
        }
    }

    /** max_event_channels and max_grant_frames are attributes of the xenbus controller. */
    private static void xenbusLimits(XlConfig cfg, DevicesDef devices) {
        long events = cfg.getLong("max_event_channels", 0);
        long frames = cfg.getLong("max_grant_frames", 0);
        ControllerDef xenbus = new ControllerDef("xenbus", "0");
        if (events > 0) {
            xenbus.setExtraAttribute("maxEventChannels", Long.toString(events));
        }
        if (frames > 0) {
            xenbus.setExtraAttribute("maxGrantFrames", Long.toString(frames));
        }
        devices.getControllers().add(xenbus);
    }

    private static void clock(XlConfig cfg, DomainDef def, boolean hvm) {
        boolean local = cfg.getBool("localtime", false);
        ClockDef clock;
        if (hvm) {
            clock = new ClockDef("variable");
            clock.setAdjustment(Long.toString(cfg.getLong("rtc_timeoffset", 0)));
            clock.setBasis(local ? "localtime" : "utc");
        } else {
            clock = new ClockDef(local ? "localtime" : "utc");
            clock.setAdjustment("reset");
        }
        def.setClock(clock);
    }

    private static final Map<String, String> ACTIONS = Map.of("destroy", "destroy", "restart",
            "restart", "preserve", "preserve", "rename-restart", "rename-restart",
            "coredump-destroy", "coredump-destroy", "coredump-restart", "coredump-restart",
            "soft-reset", "restart");

    private static String lifecycle(XlConfig cfg, String key, String dflt) {
        String v = cfg.getString(key);
        if (v == null) {
            return dflt;
        }
        String action = ACTIONS.get(v);
        if (action == null) {
            throw XlConfig.invalid("unexpected value " + v + " for " + key);
        }
        return action;
    }

    static DiskDef disk(XlDiskSpec spec, boolean hvm) {
        DiskDef disk = new DiskDef();
        disk.setDevice(spec.cdrom() ? "cdrom" : "disk");
        String driver;
        String type;
        if (spec.cdrom() || spec.backendtype() == null || spec.backendtype().equals("qdisk")) {
            driver = "qemu";
            type = "file";
        } else if (spec.backendtype().equals("phy")) {
            driver = "phy";
            type = "block";
        } else if (spec.backendtype().equals("tap")) {
            driver = "tap";
            type = "file";
        } else {
            throw XlConfig.invalid("disk backend '" + spec.backendtype() + "' is not supported");
        }
        String format = spec.format() == null || spec.format().equals("empty") ? "raw" : spec.format();
        if (spec.cdrom()) {
            // a cdrom is raw; libxl's post-parse makes an empty drive's format raw as well
            format = "raw";
        }
        disk.setDriver(new DiskDriverDef(driver, format));
        String target = spec.target();
        if (target != null && !target.isEmpty()) {
            DiskSourceDef src = new DiskSourceDef();
            if (target.startsWith("rbd:")) {
                type = "network";
                src.setProtocol("rbd");
                XlRbd.parse(target.substring(4), src);
            } else if (type.equals("block")) {
                src.setDev(target);
            } else {
                src.setFile(target);
            }
            disk.setSource(src);
        }
        disk.setType(type);
        String vdev = spec.vdev();
        String bus = vdev.startsWith("xvd") || !hvm ? "xen" : vdev.startsWith("sd") ? "scsi" : "ide";
        disk.setTarget(new DiskTargetDef(vdev, bus));
        disk.setReadonly(spec.readOnly());
        return disk;
    }

    private static void graphics(XlConfig cfg, DevicesDef devices, boolean hvm) {
        List<String> vfbs = cfg.getStrings("vfb");
        if (!hvm && !vfbs.isEmpty()) {
            for (String vfb : vfbs) {
                XlConfig one = new XlConfig();
                for (String kv : vfb.split(",")) {
                    int eq = kv.indexOf('=');
                    if (eq > 0) {
                        one.putString(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
                    }
                }
                addGraphics(one, devices);
            }
        } else if (hvm) {
            addGraphics(cfg, devices);
        }
    }

    /** spice=1 (HVM): like libvirt, the spice display replaces any other graphics. */
    private static void spice(XlConfig cfg, DevicesDef devices) {
        if (!cfg.getBool("spice", false)) {
            return;
        }
        GraphicsDef g = new GraphicsDef();
        g.setType("spice");
        g.setListen(cfg.getString("spicehost"));
        long tls = cfg.getLong("spicetls_port", 0);
        long port = cfg.getLong("spiceport", 0);
        if (port != 0) {
            g.setPort(Long.toString(port));
        }
        if (tls != 0) {
            g.setExtraAttribute("tlsPort", Long.toString(tls));
        }
        g.setAutoport(tls == 0 && port == 0 ? "yes" : "no");
        if (!cfg.getBool("spicedisable_ticketing", false)) {
            String passwd = cfg.getString("spicepasswd");
            if (passwd == null) {
                throw XlConfig.malformed("config value spicepasswd was missing");
            }
            g.setExtraAttribute("passwd", passwd);
        }
        g.getExtraElements().add(XlDom.element("mouse", "mode",
                cfg.getBool("spiceagent_mouse", false) ? "client" : "server"));
        g.getExtraElements().add(XlDom.element("clipboard", "copypaste",
                cfg.getBool("spice_clipboard_sharing", false) ? "yes" : "no"));
        devices.getGraphics().clear();
        devices.getGraphics().add(g);
    }

    private static void addGraphics(XlConfig cfg, DevicesDef devices) {
        if (cfg.getBool("vnc", false)) {
            GraphicsDef g = new GraphicsDef();
            g.setType("vnc");
            if (cfg.getBool("vncunused", true)) {
                g.setPort("-1");
                g.setAutoport("yes");
            } else {
                g.setPort(Long.toString(5900 + cfg.getLong("vncdisplay", 0)));
                g.setAutoport("no");
            }
            g.setListen(cfg.getString("vnclisten"));
            g.setExtraAttribute("passwd", cfg.getString("vncpasswd"));
            g.setExtraAttribute("keymap", cfg.getString("keymap"));
            devices.getGraphics().add(g);
        }
        if (cfg.getBool("sdl", false)) {
            GraphicsDef g = new GraphicsDef();
            g.setType("sdl");
            g.setExtraAttribute("display", cfg.getString("display"));
            g.setExtraAttribute("xauth", cfg.getString("xauthority"));
            devices.getGraphics().add(g);
        }
    }

    /** serial="pty" or a list; "none" means no port. PV guests get their xen console instead. */
    private static void serials(XlConfig cfg, DevicesDef devices, boolean hvm) {
        if (!hvm) {
            CharDeviceDef console = new CharDeviceDef("pty");
            CharTargetDef t = new CharTargetDef();
            t.setType("xen");
            t.setPort("0");
            console.setTarget(t);
            devices.getConsoles().add(console);
            return;
        }
        int port = 0;
        for (String s : cfg.getStrings("serial")) {
            if (s.equals("none")) {
                continue;
            }
            if (!s.equals("pty")) {
                throw XlConfig.invalid("serial '" + s + "' is not supported");
            }
            CharDeviceDef serial = new CharDeviceDef("pty");
            CharTargetDef t = new CharTargetDef();
            t.setPort(Integer.toString(port++));
            serial.setTarget(t);
            devices.getSerials().add(serial);
        }
    }
}
