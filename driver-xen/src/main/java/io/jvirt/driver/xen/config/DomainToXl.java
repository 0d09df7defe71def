package io.jvirt.driver.xen.config;

import io.jvirt.xml.BootDeviceDef;
import io.jvirt.xml.CharDeviceDef;
import io.jvirt.xml.DiskDef;
import io.jvirt.xml.DomainDef;
import io.jvirt.xml.DomainInterfaceDef;
import io.jvirt.xml.FeaturesDef;
import io.jvirt.xml.GraphicsDef;
import io.jvirt.xml.OsDef;
import java.util.ArrayList;
import java.util.List;

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
            if (os != null && os.getLoader() != null && os.getLoader().getText() != null
                    && os.getLoader().getText().endsWith("ovmf.bin")) {
                cfg.putString("bios", "ovmf");
            }
            if (os != null && !os.getBoots().isEmpty()) {
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
        cfg.putString("bootloader_args", def.getBootloaderArgs());
        List<String> disks = new ArrayList<>();
        for (DiskDef disk : def.getDisks()) {
            disks.add(diskSpec(disk).toSpec());
        }
        if (!disks.isEmpty()) {
            cfg.putStrings("disk", disks);
        }
        return cfg;
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
                target = "rbd:" + src.getName() + ":auth_supported=none";
            } else {
                target = src.getFile() != null ? src.getFile() : src.getDev();
            }
        }
        return new XlDiskSpec(target, format == null ? "raw" : format,
                disk.getTarget() == null ? null : disk.getTarget().getDev(),
                disk.isReadonly() ? "ro" : disk.isShareable() ? "!" : "rw",
                "cdrom".equals(disk.getDevice()) ? "cdrom" : null, backend, null, null);
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
