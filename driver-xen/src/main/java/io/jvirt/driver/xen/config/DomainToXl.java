package io.jvirt.driver.xen.config;

import io.jvirt.xml.BootDeviceDef;
import io.jvirt.xml.CharDeviceDef;
import io.jvirt.xml.ControllerDef;
import io.jvirt.xml.CpuDef;
import io.jvirt.xml.CpuFeatureDef;
import io.jvirt.xml.DiskDef;
import io.jvirt.xml.DomainDef;
import io.jvirt.xml.DomainInterfaceDef;
import io.jvirt.xml.FeaturesDef;
import io.jvirt.xml.GraphicsDef;
import io.jvirt.xml.OsDef;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/** Domain XML → xl.cfg, following libvirt's xenFormatXL, in its key order. */
final class DomainToXl {
    private DomainToXl() {
    }

    static XlConfig convert(DomainDef def) {
        XlConfig cfg = new XlConfig();
        OsDef os = def.getOs();
        String osType = def.getOsType();
        boolean hvm = "hvm".equals(osType);
        boolean pvh = "xenpvh".equals(osType);
        cfg.putString("name", def.getName());
        cfg.putString("uuid", def.getUuid());
        cfg.putLong("maxmem", def.getMemoryKiB() / 1024);
        long cur = def.getCurrentMemoryKiB() == 0 ? def.getMemoryKiB() : def.getCurrentMemoryKiB();
        cfg.putLong("memory", cur / 1024);
        int max = def.getVcpuCount();
        if (def.getVcpu() != null && def.getVcpu().getCurrent() != null
                && Integer.parseInt(def.getVcpu().getCurrent()) < max) {
            cfg.putLong("maxvcpus", max);
            cfg.putLong("vcpus", Integer.parseInt(def.getVcpu().getCurrent()));
        } else {
            cfg.putLong("vcpus", max);
        }
        if (def.getVcpu() != null) {
            cfg.putString("cpus", def.getVcpu().getCpuset());
        }
        if (pvh) {
            cfg.putString("type", "pvh");
        }
        if (hvm) {
            FeaturesDef f = def.getFeatures() == null ? new FeaturesDef() : def.getFeatures();
            cfg.putLong("pae", f.isPaeEnabled() ? 1 : 0);
            cfg.putLong("acpi", f.isAcpiEnabled() ? 1 : 0);
            cfg.putLong("apic", f.isApicEnabled() ? 1 : 0);
            cfg.putLong("viridian", f.isViridianEnabled() ? 1 : 0);
            if (f.getHap() != null) {
                cfg.putLong("hap", f.isHapEnabled() ? 1 : 0);
            }
            if (def.getClock() != null && def.getClock().getAdjustment() != null
                    && !def.getClock().getAdjustment().equals("reset")) {
                cfg.putLong("rtc_timeoffset", Long.parseLong(def.getClock().getAdjustment()));
            }
        }
        hypervisorFeatures(def, cfg, hvm);
        boolean local = def.getClock() != null && ("localtime".equals(def.getClock().getOffset())
                || "localtime".equals(def.getClock().getBasis()));
        cfg.putLong("localtime", local ? 1 : 0);
        cfg.putString("on_poweroff", def.getOnPoweroff());
        cfg.putString("on_reboot", def.getOnReboot());
        cfg.putString("on_crash", def.getOnCrash());
        if (def.getDevices() != null) {
            cfg.putString("device_model_override", def.getDevices().getEmulator());
        }
        if (hvm) {
            graphics(def, cfg);
            spice(def, cfg);
        }
        List<String> vifs = new ArrayList<>();
        for (DomainInterfaceDef nic : def.getInterfaces()) {
            vifs.add(XlVif.toSpec(nic, hvm));
        }
        if (!vifs.isEmpty()) {
            cfg.putStrings("vif", vifs);
        }
        if (hvm) {
            cfg.putString("parallel", "none");
            List<String> serials = new ArrayList<>();
            for (CharDeviceDef s : def.getDevices() == null ? List.<CharDeviceDef>of()
                    : def.getDevices().getSerials()) {
                serials.add(s.getType());
            }
            if (serials.size() > 1) {
                cfg.putStrings("serial", serials);
            } else {
                cfg.putString("serial", serials.isEmpty() ? "none" : serials.get(0));
            }
            cfg.putString("builder", "hvm");
            Element acpi = os == null ? null : os.getExtraElement("acpi");
            for (Element table : acpi == null ? List.<Element>of() : XlDom.children(acpi, "table")) {
                if ("slic".equals(table.getAttribute("type"))) {
                    cfg.putString("acpi_firmware", table.getTextContent().strip());
                }
            }
            nestedHvm(def, cfg);
            if (os != null && os.getLoader() != null && os.getLoader().getText() != null
                    && os.getLoader().getText().endsWith("ovmf.bin")) {
                cfg.putString("bios", "ovmf");
            }
            // libvirt always writes boot for HVM, "c" when the XML names no boot device.
            if (os == null || os.getBoots().isEmpty()) {
                cfg.putString("boot", "c");
            } else {
                StringBuilder boot = new StringBuilder();
                for (BootDeviceDef b : os.getBoots()) {
                    boot.append(switch (b.getDev()) {
                        case "fd" -> 'a';
                        case "cdrom" -> 'd';
                        case "network" -> 'n';
                        default -> 'c';
                    });
                }
                cfg.putString("boot", boot.toString());
            }
        }
        if (os != null) {
            cfg.putString("kernel", os.getKernel());
            cfg.putString("ramdisk", os.getInitrd());
            cfg.putString("cmdline", os.getCmdline());
        }
        cfg.putString("bootloader", def.getBootloader());
        cfg.putString("bootargs", def.getBootloaderArgs());
        if (def.getDevices() != null) {
            for (ControllerDef c : def.getDevices().getControllers()) {
                if ("xenbus".equals(c.getType())) {
                    putPositive(cfg, "max_event_channels", c.getExtraAttribute("maxEventChannels"));
                    putPositive(cfg, "max_grant_frames", c.getExtraAttribute("maxGrantFrames"));
                }
            }
        }
        XlCpuid.format(def, cfg);
        XlVnuma.format(def, cfg);
        XlDevices.format(def, cfg, hvm);
        XlDevices.formatDeviceModelArgs(def, cfg);
        List<String> disks = new ArrayList<>();
        for (DiskDef disk : def.getDisks()) {
            disks.add(diskSpec(disk).toSpec());
        }
        if (!disks.isEmpty()) {
            cfg.putStrings("disk", disks);
        }
        return cfg;
    }

    private static void putPositive(XlConfig cfg, String key, String value) {
        if (value != null && Long.parseLong(value.strip()) > 0) {
            cfg.putLong(key, Long.parseLong(value.strip()));
        }
    }

    /** host-passthrough CPU: nestedhvm=1 unless vmx or svm is disabled or forbidden. */
    private static void nestedHvm(DomainDef def, XlConfig cfg) {
        CpuDef cpu = def.getCpu();
        if (cpu == null || !"host-passthrough".equals(cpu.getMode())) {
            return;
        }
        boolean hwVirt = true;
        for (CpuFeatureDef f : cpu.getFeatures()) {
            if (("disable".equals(f.getPolicy()) || "forbid".equals(f.getPolicy()))
                    && ("vmx".equals(f.getName()) || "svm".equals(f.getName()))) {
                hwVirt = false;
            }
        }
        cfg.putLong("nestedhvm", hwVirt ? 1 : 0);
    }

    /** The xen features (e820_host, passthrough) and the tsc and hpet timers (xenFormatHypervisorFeatures). */
    private static void hypervisorFeatures(DomainDef def, XlConfig cfg, boolean hvm) {
        Element xen = def.getFeatures() == null ? null : def.getFeatures().getExtraElement("xen");
        if (xen != null) {
            if (!hvm && "on".equals(XlDom.attr(XlDom.child(xen, "e820_host"), "state"))) {
                cfg.putLong("e820_host", 1);
            }
            Element pt = XlDom.child(xen, "passthrough");
            if ("on".equals(XlDom.attr(pt, "state"))) {
                String mode = XlDom.attr(pt, "mode");
                cfg.putString("passthrough",
                        "sync_pt".equals(mode) || "share_pt".equals(mode) ? mode : "enabled");
            }
        }
        if (def.getClock() == null) {
            return;
        }
        for (Element timer : def.getClock().getTimers()) {
            String name = timer.getAttribute("name");
            if (name.equals("tsc")) {
                String mode = XlDom.attr(timer, "mode");
                cfg.putString("tsc_mode", mode == null ? "default" : switch (mode) {
                    case "native" -> "native";
                    case "paravirt" -> "native_paravirt";
                    case "emulate" -> "always_emulate";
                    default -> "default";
                });
            } else if (name.equals("hpet")) {
                if (!hvm) {
                    throw XlConfig.invalid("unsupported timer type (name) 'hpet'");
                }
                cfg.putLong("hpet", "no".equals(XlDom.attr(timer, "present")) ? 0 : 1);
            }
        }
    }

    static XlDiskSpec diskSpec(DiskDef disk) {
        String driver = disk.getDriver() == null ? null : disk.getDriver().getName();
        String backend = driver == null ? null : switch (driver) {
            case "qemu", "file" -> "qdisk";
            case "tap", "tap2" -> "tap";
            case "phy" -> "phy";
            default -> null;
        };
        String format = disk.getDriver() == null ? null : disk.getDriver().getType();
        String target = null;
        if (disk.getSource() != null) {
            var src = disk.getSource();
            if ("rbd".equals(src.getProtocol())) {
                target = XlRbd.format(src);
            } else {
                target = src.getFile() != null ? src.getFile() : src.getDev();
            }
        }
        return new XlDiskSpec(target, format == null ? "raw" : format,
                disk.getTarget() == null ? null : disk.getTarget().getDev(),
                disk.isReadonly() ? "ro" : disk.isShareable() ? "!" : "rw",
                "cdrom".equals(disk.getDevice()) ? "cdrom" : null, backend, null, null);
    }

    /** The first graphics, when spice (HVM only), as xenFormatXLSpice writes it. */
    private static void spice(DomainDef def, XlConfig cfg) {
        List<GraphicsDef> all = def.getDevices() == null ? List.of() : def.getDevices().getGraphics();
        if (all.isEmpty() || !"spice".equals(all.get(0).getType())) {
            return;
        }
        GraphicsDef g = all.get(0);
        cfg.putLong("sdl", 0);
        cfg.putLong("vnc", 0);
        cfg.putLong("spice", 1);
        cfg.putString("spicehost", g.getListen());
        cfg.putLong("spiceport", parsePort(g.getPort()));
        cfg.putLong("spicetls_port", parsePort(g.getExtraAttribute("tlsPort")));
        String passwd = g.getExtraAttribute("passwd");
        if (passwd != null) {
            cfg.putLong("spicedisable_ticketing", 0);
            cfg.putString("spicepasswd", passwd);
        } else {
            cfg.putLong("spicedisable_ticketing", 1);
        }
        String mouse = XlDom.attr(g.getExtraElement("mouse"), "mode");
        if ("server".equals(mouse)) {
            cfg.putLong("spiceagent_mouse", 0);
        } else if ("client".equals(mouse)) {
            cfg.putLong("spiceagent_mouse", 1);
            cfg.putLong("spicevdagent", 1); // client mouse mode needs the vdagent
        }
        if ("yes".equals(XlDom.attr(g.getExtraElement("clipboard"), "copypaste"))) {
            cfg.putLong("spice_clipboard_sharing", 1);
            cfg.putLong("spicevdagent", 1);
        }
    }

    private static long parsePort(String port) {
        return port == null || port.equals("-1") ? 0 : Long.parseLong(port.strip());
    }

    private static void graphics(DomainDef def, XlConfig cfg) {
        GraphicsDef vnc = null;
        GraphicsDef sdl = null;
        for (GraphicsDef g : def.getDevices() == null ? List.<GraphicsDef>of() : def.getDevices().getGraphics()) {
            if ("vnc".equals(g.getType()) && vnc == null) {
                vnc = g;
            } else if ("sdl".equals(g.getType()) && sdl == null) {
                sdl = g;
            }
        }
        cfg.putLong("sdl", sdl != null ? 1 : 0);
        cfg.putLong("vnc", vnc != null ? 1 : 0);
        if (vnc != null) {
            boolean auto = "yes".equals(vnc.getAutoport()) || vnc.getPort() == null
                    || "-1".equals(vnc.getPort());
            cfg.putLong("vncunused", auto ? 1 : 0);
            if (!auto) {
                cfg.putLong("vncdisplay", Long.parseLong(vnc.getPort()) - 5900);
            }
            cfg.putString("vnclisten", vnc.getListen());
            cfg.putString("vncpasswd", vnc.getExtraAttribute("passwd"));
            cfg.putString("keymap", vnc.getExtraAttribute("keymap"));
        }
    }
}
