package io.jvirt.driver.xen.config;

import io.jvirt.xml.BootDeviceDef;
import io.jvirt.xml.CharDeviceDef;
import io.jvirt.xml.CharTargetDef;
import io.jvirt.xml.ClockDef;
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

/** xl.cfg → domain XML, following libvirt's xenParseXL (xen_xl.c / xen_common.c). */
final class XlToDomain {
    /** Where libxl looks for firmware; libvirt's LIBXL_FIRMWARE_DIR. */
    static final String FIRMWARE_DIR = "/usr/lib/xen/boot";

    private XlToDomain() {
    }

    static DomainDef convert(XlConfig cfg) {
        DomainDef def = new DomainDef("xen", cfg.getString("name"));
        if (def.getName() == null || def.getName().isEmpty()) {
            throw XlConfig.invalid("config value name was missing");
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
        serials(cfg, devices, hvm);
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
            }
            if (os.getKernel() == null) {
                String boot = cfg.getString("boot");
                for (char c : (boot == null ? "c" : boot).toCharArray()) {
                    String dev = switch (c) {
                        case 'a' -> "fd";
                        case 'd' -> "cdrom";
                        case 'n' -> "network";
                        default -> "hd";
                    };
                    os.getBoots().add(new BootDeviceDef(dev));
                }
            }
        } else {
            def.setBootloader(cfg.getString("bootloader"));
            def.setBootloaderArgs(cfg.getString("bootloader_args"));
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
            format = spec.target() == null || spec.target().isEmpty() ? null : "raw";
        }
        disk.setDriver(new DiskDriverDef(driver, format));
        String target = spec.target();
        if (target != null && !target.isEmpty()) {
            DiskSourceDef src = new DiskSourceDef();
            if (target.startsWith("rbd:")) {
                type = "network";
                src.setProtocol("rbd");
                String rest = target.substring(4);
                int colon = rest.indexOf(':');
                src.setName(colon < 0 ? rest : rest.substring(0, colon));
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
