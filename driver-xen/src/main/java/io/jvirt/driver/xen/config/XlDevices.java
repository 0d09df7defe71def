package io.jvirt.driver.xen.config;

import io.jvirt.xml.CharDeviceDef;
import io.jvirt.xml.CharSourceDef;
import io.jvirt.xml.CharTargetDef;
import io.jvirt.xml.ControllerDef;
import io.jvirt.xml.DevicesDef;
import io.jvirt.xml.DomainDef;
import io.jvirt.xml.HostdevDef;
import io.jvirt.xml.HostdevSourceDef;
import io.jvirt.xml.InputDef;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * The xl.cfg device lists besides disk and vif: channel, pci, usbdev, usbctrl, usbdevice, and
 * device_model_args (libvirt's xen namespace), as xen_xl.c / xen_common.c map them.
 */
final class XlDevices {
    static final String XEN_NS = "http://libvirt.org/schemas/domain/xen/1.0";

    private XlDevices() {
    }

    // ---- xl.cfg → XML ----

    /** channel=["connection=pty|socket,path=P,name=N"]: xen channels; other connections are errors. */
    static void parseChannels(XlConfig cfg, DevicesDef devices) {
        if (!(cfg.get("channel") instanceof XlValue.ListVal)) {
            return;
        }
        for (String spec : cfg.getStrings("channel")) {
            String type = null;
            String name = null;
            String path = null;
            for (String kv : spec.split(",")) {
                kv = kv.strip();
                int eq = kv.indexOf('=');
                if (eq < 0) {
                    type = null;
                    name = null;
                    path = null;
                    break; // libvirt skips an entry with a key lacking '='
                }
                String k = kv.substring(0, eq);
                String v = kv.substring(eq + 1);
                if (k.equals("connection")) {
                    type = v;
                } else if (k.equals("name") && name == null) {
                    name = v;
                } else if (k.equals("path") && path == null) {
                    path = v;
                }
            }
            CharDeviceDef ch;
            if (type != null && type.startsWith("socket")) {
                ch = new CharDeviceDef("unix");
                CharSourceDef src = new CharSourceDef();
                src.setMode("bind");
                src.setPath(path);
                ch.getSources().add(src);
            } else if (type != null && type.startsWith("pty")) {
                ch = new CharDeviceDef("pty");
            } else {
                throw XlConfig.invalid("channel connection '" + type + "' is not supported");
            }
            CharTargetDef t = new CharTargetDef();
            t.setType("xen");
            t.setName(name);
            ch.setTarget(t);
            devices.getChannels().add(ch);
        }
    }

    /** pci=["[DDDD:]BB:SS.F[,permissive=N]"]: unmanaged PCI hostdevs with the xen driver. */
    static void parsePci(XlConfig cfg, DevicesDef devices) {
        if (!cfg.has("pci")) {
            return;
        }
        for (String entry : cfg.getStrings("pci")) {
            String[] tokens = entry.split(":", 3);
            int next = 0;
            long domain = 0;
            if (tokens.length == 3) {
                domain = hex(tokens[next++], entry);
            }
            if (tokens.length < 2) {
                throw XlConfig.invalid("Malformed PCI address " + entry);
            }
            long bus = hex(tokens[next++], entry);
            String rest = tokens[next];
            int dot = rest.indexOf('.');
            if (dot < 0) {
                throw XlConfig.invalid("Malformed PCI address " + rest);
            }
            long slot = hex(rest.substring(0, dot), entry);
            rest = rest.substring(dot + 1);
            int comma = rest.indexOf(',');
            long func = hex(comma < 0 ? rest : rest.substring(0, comma), entry);
            String filtering = null;
            if (comma >= 0) {
                for (String opt : rest.substring(comma + 1).split(",")) {
                    int eq = opt.indexOf('=');
                    if (eq < 0) {
                        throw XlConfig.invalid("Malformed PCI options " + rest.substring(comma + 1));
                    }
                    if (opt.substring(0, eq).equals("permissive")) {
                        try {
                            filtering = Long.parseLong(opt.substring(eq + 1).strip()) != 0 ? "no" : "yes";
                        } catch (NumberFormatException e) {
                            throw XlConfig.invalid("Malformed PCI options " + opt);
                        }
                    }
                }
            }
            HostdevDef hd = hostdev("pci");
            hd.getExtraElements().add(XlDom.element("driver", "name", "xen"));
            hd.getSource().setExtraAttribute("writeFiltering", filtering);
            hd.getSource().getExtraElements().add(XlDom.element("address",
                    "domain", String.format("0x%04x", domain), "bus", String.format("0x%02x", bus),
                    "slot", String.format("0x%02x", slot), "function", String.format("0x%x", func)));
            devices.getHostdevs().add(hd);
        }
    }

    /** usbdev=["hostbus=B,hostaddr=A"] (hex): unmanaged USB hostdevs. */
    static void parseUsbdev(XlConfig cfg, DevicesDef devices) {
        if (!(cfg.get("usbdev") instanceof XlValue.ListVal)) {
            return;
        }
        for (String spec : cfg.getStrings("usbdev")) {
            Long bus = null;
            Long dev = null;
            for (String kv : spec.split(",")) {
                kv = kv.strip();
                int eq = kv.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                if (kv.startsWith("hostbus=")) {
                    bus = hex(kv.substring(eq + 1), spec);
                } else if (kv.startsWith("hostaddr=")) {
                    dev = hex(kv.substring(eq + 1), spec);
                }
            }
            if (bus == null || dev == null) {
                throw XlConfig.invalid("usbdev '" + spec + "' needs hostbus and hostaddr");
            }
            HostdevDef hd = hostdev("usb");
            hd.getSource().getExtraElements().add(XlDom.element("address", "bus", Long.toString(bus),
                    "device", Long.toString(dev)));
            devices.getHostdevs().add(hd);
        }
    }

    /** usbctrl=["type=qusb,version=V,ports=N"]: USB controllers, qusb1 or qusb2. */
    static void parseUsbctrl(XlConfig cfg, DevicesDef devices) {
        if (!(cfg.get("usbctrl") instanceof XlValue.ListVal)) {
            return;
        }
        int index = 0;
        entries:
        for (String spec : cfg.getStrings("usbctrl")) {
            long version = 2;
            long ports = 8;
            for (String kv : spec.split(",")) {
                kv = kv.strip();
                int eq = kv.indexOf('=');
                if (eq < 0) {
                    continue entries;
                }
                String v = kv.substring(eq + 1);
                if (kv.startsWith("type=") && !v.startsWith("qusb")) {
                    continue entries; // libvirt skips controllers other than qusb
                } else if (kv.startsWith("version=")) {
                    version = hex(v, spec);
                } else if (kv.startsWith("ports=")) {
                    ports = hex(v, spec);
                }
            }
            ControllerDef c = new ControllerDef("usb", Integer.toString(index++));
            c.setModel(version == 1 ? "qusb1" : "qusb2");
            c.setExtraAttribute("ports", Long.toString(ports));
            devices.getControllers().add(c);
        }
    }

    /** usbdevice="tablet" or a list of tablet/mouse/keyboard (HVM only): USB input devices. */
    static void parseUsbInputs(XlConfig cfg, DevicesDef devices) {
        for (String dev : cfg.getStrings("usbdevice")) {
            switch (dev) {
                case "tablet", "mouse" -> devices.getInputs().add(new InputDef(dev, "usb"));
                case "keyboard" -> devices.getInputs().add(new InputDef("keyboard", "usb"));
                default -> { }
            }
        }
    }

    /** device_model_args=[...] → the xen:commandline of libvirt's xen namespace. */
    static void parseDeviceModelArgs(XlConfig cfg, DomainDef def) {
        if (!(cfg.get("device_model_args") instanceof XlValue.ListVal)) {
            return;
        }
        List<String> args = cfg.getStrings("device_model_args");
        if (args.isEmpty()) {
            return;
        }
        Element cmd = XlDom.elementNS(XEN_NS, "xen:commandline");
        for (String a : args) {
            Element arg = XlDom.elementNS(XEN_NS, "xen:arg");
            arg.setAttribute("value", a);
            XlDom.append(cmd, arg);
        }
        def.getExtraElements().add(cmd);
    }

    private static HostdevDef hostdev(String type) {
        HostdevDef hd = new HostdevDef();
        hd.setMode("subsystem");
        hd.setType(type);
        hd.setManaged("no");
        hd.setSource(new HostdevSourceDef());
        return hd;
    }

    private static long hex(String s, String entry) {
        String t = s.strip();
        if (t.startsWith("0x") || t.startsWith("0X")) {
            t = t.substring(2);
        }
        try {
            return Long.parseLong(t, 16);
        } catch (NumberFormatException e) {
            throw XlConfig.invalid("malformed number '" + s + "' in '" + entry + "'");
        }
    }

    private static long number(String s) {
        String t = s.strip();
        return t.startsWith("0x") || t.startsWith("0X") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
    }

    // ---- XML → xl.cfg ----

    static void format(DomainDef def, XlConfig cfg, boolean hvm) {
        DevicesDef devices = def.getDevices();
        if (devices == null) {
            return;
        }
        if (hvm) {
            List<String> usbdevices = new ArrayList<>();
            for (InputDef in : devices.getInputs()) {
                if ("usb".equals(in.getBus())) {
                    cfg.putLong("usb", 1);
                    switch (in.getType() == null ? "" : in.getType()) {
                        case "mouse", "tablet", "keyboard" -> usbdevices.add(in.getType());
                        default -> { }
                    }
                }
            }
            if (usbdevices.size() == 1) {
                cfg.putString("usbdevice", usbdevices.get(0));
            } else if (!usbdevices.isEmpty()) {
                cfg.putStrings("usbdevice", usbdevices);
            }
        }
        List<String> pci = new ArrayList<>();
        List<String> usbdev = new ArrayList<>();
        for (HostdevDef hd : devices.getHostdevs()) {
            if (!"subsystem".equals(hd.getMode())) {
                continue;
            }
            Element addr = hd.getSource() == null ? null : hd.getSource().getExtraElement("address");
            if ("pci".equals(hd.getType())) {
                if (addr == null) {
                    throw XlConfig.invalid("PCI hostdev without a source address");
                }
                String wf = hd.getSource().getExtraAttribute("writeFiltering");
                String permissive = "yes".equals(wf) ? ",permissive=0" : "no".equals(wf) ? ",permissive=1" : "";
                pci.add(String.format("%04x:%02x:%02x.%x%s", num(addr, "domain"), num(addr, "bus"),
                        num(addr, "slot"), num(addr, "function"), permissive));
            } else if ("usb".equals(hd.getType())) {
                if (addr == null) {
                    throw XlConfig.invalid("USB hostdevs are only supported by bus and device address");
                }
                usbdev.add(String.format("hostbus=%x,hostaddr=%x", num(addr, "bus"), num(addr, "device")));
            }
        }
        if (!pci.isEmpty()) {
            cfg.putStrings("pci", pci);
        }
        if (!usbdev.isEmpty()) {
            cfg.putStrings("usbdev", usbdev);
        }
        List<String> usbctrl = new ArrayList<>();
        for (ControllerDef c : devices.getControllers()) {
            if ("usb".equals(c.getType())) {
                StringBuilder sb = new StringBuilder();
                if ("qusb1".equals(c.getModel())) {
                    sb.append("type=qusb,version=1,");
                } else if ("qusb2".equals(c.getModel())) {
                    sb.append("type=qusb,version=2,");
                }
                String ports = c.getExtraAttribute("ports");
                if (ports != null) {
                    sb.append(String.format("ports=%x", number(ports)));
                }
                usbctrl.add(sb.toString());
            }
        }
        if (!usbctrl.isEmpty()) {
            cfg.putStrings("usbctrl", usbctrl);
        }
        List<String> channels = new ArrayList<>();
        for (CharDeviceDef ch : devices.getChannels()) {
            if (ch.getTarget() == null || !"xen".equals(ch.getTarget().getType())) {
                continue;
            }
            StringBuilder sb = new StringBuilder("connection=");
            switch (ch.getType() == null ? "" : ch.getType()) {
                case "pty" -> sb.append("pty,");
                case "unix" -> {
                    sb.append("socket,");
                    if (ch.getSource() != null && ch.getSource().getPath() != null) {
                        sb.append("path=").append(ch.getSource().getPath()).append(',');
                    }
                }
                default -> throw XlConfig.invalid("channel type '" + ch.getType() + "' is not supported");
            }
            sb.append("name=").append(ch.getTarget().getName());
            channels.add(sb.toString());
        }
        if (!channels.isEmpty()) {
            cfg.putStrings("channel", channels);
        }
    }

    static void formatDeviceModelArgs(DomainDef def, XlConfig cfg) {
        Element cmd = def.getExtraElement(XEN_NS, "commandline");
        if (cmd == null) {
            return;
        }
        List<String> args = new ArrayList<>();
        for (Element arg : XlDom.children(cmd, "arg")) {
            args.add(arg.getAttribute("value"));
        }
        if (!args.isEmpty()) {
            cfg.putStrings("device_model_args", args);
        }
    }

    private static long num(Element addr, String attr) {
        String v = XlDom.attr(addr, attr);
        return v == null ? 0 : number(v);
    }
}
