package io.jvirt.driver.xen.config;

import io.jvirt.xml.DomainInterfaceDef;
import io.jvirt.xml.IpDef;
import io.jvirt.xml.InterfaceSourceDef;
import io.jvirt.xml.InterfaceTargetDef;
import io.jvirt.xml.ModelDef;
import io.jvirt.xml.ScriptDef;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/** One vif=[...] entry (xl-network-configuration) ⇄ an interface element, as xen_common.c. */
final class XlVif {
    /** xl's type= value for a PV-only NIC (libvirt's vif_typename for the xl format). */
    private static final String VIF_TYPENAME = "vif";
    private static final String DEFAULT_SCRIPT = "vif-bridge";
    /** rate=NUM[GMK](B|b)/s, optionally @interval (xenParseSxprVifRate). */
    private static final Pattern RATE = Pattern.compile("([0-9]+)([GMK]?)([Bb])/s");

    private XlVif() {
    }

    static DomainInterfaceDef toInterface(String spec, boolean hvm) {
        String mac = null;
        String bridge = null;
        String script = null;
        String model = null;
        String type = null;
        String vifname = null;
        String ip = null;
        String rate = null;
        for (String token : spec.split(",")) {
            token = token.strip();
            if (token.isEmpty()) {
                continue;
            }
            int eq = token.indexOf('=');
            if (eq < 0) {
                continue; // flags such as "accel" carry nothing for the XML
            }
            String key = token.substring(0, eq).strip();
            String value = token.substring(eq + 1);
            switch (key) {
                case "mac" -> mac = value;
                case "bridge" -> bridge = value;
                case "script" -> script = value;
                case "model" -> model = value;
                case "type" -> type = value;
                case "vifname" -> vifname = value;
                case "ip" -> ip = value;
                case "rate" -> rate = value;
                default -> { } // backend, mtu, gatewaydev...: not mapped (libvirt ignores them too)
            }
        }
        boolean isBridge = bridge != null || "vif-bridge".equals(script) || "vif-vnic".equals(script);
        DomainInterfaceDef nic = new DomainInterfaceDef(isBridge ? "bridge" : "ethernet");
        if (mac != null) {
            nic.setMacAddress(mac);
        }
        if (isBridge && bridge != null) {
            bridge(nic, bridge);
        }
        if (ip != null) {
            for (String one : ip.split(" ")) {
                if (!one.isEmpty()) {
                    IpDef def = new IpDef();
                    def.setAddress(one);
                    def.setFamily(one.contains(":") ? "ipv6" : "ipv4");
                    nic.getIps().add(def);
                }
            }
        }
        if (script != null && !script.isEmpty()) {
            ScriptDef s = new ScriptDef();
            s.setPath(script);
            nic.setScript(s);
        }
        // model= wins; type=vif alone means a PV-only NIC, which libvirt records as model netfront.
        if (model != null) {
            nic.setModel(new ModelDef(model));
        } else if (VIF_TYPENAME.equals(type)) {
            nic.setModel(new ModelDef("netfront"));
        }
        if (vifname != null && !vifname.isEmpty()) {
            nic.setTarget(new InterfaceTargetDef(vifname));
        }
        if (rate != null) {
            Element bw = XlDom.element("bandwidth");
            XlDom.append(bw, XlDom.element("outbound", "average", Long.toString(rateKBps(rate))));
            nic.getExtraElements().add(bw);
        }
        return nic;
    }

    /** BRIDGE, BRIDGE.TAG or BRIDGE:TAG:TAG...: the last two mean an Open vSwitch port with VLANs. */
    private static void bridge(DomainInterfaceDef nic, String bridge) {
        InterfaceSourceDef src = new InterfaceSourceDef();
        nic.setSource(src);
        int dot = bridge.indexOf('.');
        int colon = bridge.indexOf(':');
        if (dot < 0 && colon < 0) {
            src.setBridge(bridge);
            return;
        }
        Element vlan = XlDom.element("vlan");
        if (dot >= 0) {
            src.setBridge(bridge.substring(0, dot));
            XlDom.append(vlan, XlDom.element("tag", "id", vlanTag(bridge.substring(dot + 1), bridge)));
        } else {
            String[] parts = bridge.split(":");
            src.setBridge(parts[0]);
            vlan.setAttribute("trunk", "yes");
            for (int i = 1; i < parts.length; i++) {
                XlDom.append(vlan, XlDom.element("tag", "id", vlanTag(parts[i], bridge)));
            }
        }
        nic.getExtraElements().add(vlan);
        nic.getExtraElements().add(XlDom.element("virtualport", "type", "openvswitch"));
    }

    private static String vlanTag(String s, String bridge) {
        try {
            return Long.toString(Long.parseUnsignedLong(s.strip()));
        } catch (NumberFormatException e) {
            throw XlConfig.invalid("invalid VLAN tag in bridge '" + bridge + "'");
        }
    }

    /** rate= as KB/s: G and M scale by 1024s, a lower-case b means bits. */
    static long rateKBps(String rate) {
        int at = rate.indexOf('@');
        Matcher m = RATE.matcher(at < 0 ? rate : rate.substring(0, at));
        if (!m.matches()) {
            throw XlConfig.invalid("Invalid rate '" + rate + "' specified");
        }
        long v = Long.parseLong(m.group(1));
        if (m.group(2).equals("G")) {
            v *= 1024 * 1024;
        } else if (m.group(2).equals("M")) {
            v *= 1024;
        }
        if (m.group(3).equals("b")) {
            v /= 8;
        }
        return v;
    }

    static String toSpec(DomainInterfaceDef nic, boolean hvm) {
        List<String> parts = new ArrayList<>();
        if (nic.getMac() != null && nic.getMac().getAddress() != null) {
            parts.add("mac=" + nic.getMac().getAddress());
        }
        List<String> ips = new ArrayList<>();
        nic.getIps().forEach(ip -> ips.add(ip.getAddress()));
        String script = nic.getScript() == null ? null : nic.getScript().getPath();
        String type = nic.getType() == null ? "ethernet" : nic.getType();
        switch (type) {
            case "bridge" -> {
                StringBuilder br = new StringBuilder("bridge=");
                br.append(nic.getSource() == null ? null : nic.getSource().getBridge());
                Element port = nic.getExtraElement("virtualport");
                if (port != null && "openvswitch".equals(port.getAttribute("type"))) {
                    if (script == null) {
                        script = "vif-openvswitch";
                    }
                    Element vlan = nic.getExtraElement("vlan");
                    List<Element> tags = vlan == null ? List.of() : XlDom.children(vlan, "tag");
                    if (!tags.isEmpty()) {
                        if ("yes".equals(XlDom.attr(vlan, "trunk"))) {
                            tags.forEach(t -> br.append(':').append(t.getAttribute("id")));
                        } else {
                            br.append('.').append(tags.get(0).getAttribute("id"));
                        }
                    }
                }
                parts.add(br.toString());
                if (!ips.isEmpty()) {
                    parts.add("ip=" + String.join(" ", ips));
                }
                parts.add("script=" + (script != null ? script : DEFAULT_SCRIPT));
            }
            case "ethernet" -> {
                if (script != null) {
                    parts.add("script=" + script);
                }
                if (!ips.isEmpty()) {
                    parts.add("ip=" + String.join(" ", ips));
                }
            }
            default -> throw XlConfig.invalid("Unsupported net type '" + type + "'");
        }
        String model = nic.getModel() == null ? null : nic.getModel().getType();
        if (model != null) {
            parts.add(hvm && model.equals("netfront") ? "type=" + VIF_TYPENAME : "model=" + model);
        }
        if (nic.getTarget() != null && nic.getTarget().getDev() != null) {
            parts.add("vifname=" + nic.getTarget().getDev());
        }
        Element bw = nic.getExtraElement("bandwidth");
        String avg = XlDom.attr(bw == null ? null : XlDom.child(bw, "outbound"), "average");
        if (avg != null && !avg.equals("0")) {
            parts.add("rate=" + avg + "KB/s");
        }
        return String.join(",", parts);
    }
}
