package io.jvirt.driver.xen.config;

import io.jvirt.xml.DomainInterfaceDef;
import io.jvirt.xml.IpDef;
import io.jvirt.xml.InterfaceSourceDef;
import io.jvirt.xml.InterfaceTargetDef;
import io.jvirt.xml.ModelDef;
import io.jvirt.xml.ScriptDef;
import java.util.ArrayList;
import java.util.List;

/** One vif=[...] entry (xl-network-configuration) ⇄ an interface element, as xen_common.c. */
final class XlVif {
    private XlVif() {
    }

    static DomainInterfaceDef toInterface(String spec, boolean hvm) {
        DomainInterfaceDef nic = new DomainInterfaceDef("ethernet");
        String model = null;
        String type = null;
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
            String value = token.substring(eq + 1).strip();
            switch (key) {
                case "mac" -> nic.setMacAddress(value);
                case "bridge" -> {
                    nic.setType("bridge");
                    InterfaceSourceDef src = new InterfaceSourceDef();
                    src.setBridge(value);
                    nic.setSource(src);
                }
                case "ip" -> {
                    for (String ip : value.split(" ")) {
                        if (!ip.isEmpty()) {
                            IpDef def = new IpDef();
                            def.setAddress(ip);
                            nic.getIps().add(def);
                        }
                    }
                }
                case "script" -> {
                    ScriptDef s = new ScriptDef();
                    s.setPath(value);
                    nic.setScript(s);
                }
                case "model" -> model = value;
                case "type" -> type = value;
                case "vifname" -> nic.setTarget(new InterfaceTargetDef(value));
                case "backend" -> { } // driver domains: not modelled yet
                default -> { } // rate, mtu, gatewaydev...: not mapped yet
            }
        }
        // type=vif (or netfront) means PV only: libvirt records it as model netfront.
        if (type != null && (type.equals("vif") || type.equals("netfront"))) {
            nic.setModel(new ModelDef("netfront"));
        } else if (model != null) {
            nic.setModel(new ModelDef(model));
        }
        return nic;
    }

    static String toSpec(DomainInterfaceDef nic, boolean hvm) {
        List<String> parts = new ArrayList<>();
        if (nic.getMac() != null && nic.getMac().getAddress() != null) {
            parts.add("mac=" + nic.getMac().getAddress());
        }
        if (nic.getSource() != null && nic.getSource().getBridge() != null) {
            parts.add("bridge=" + nic.getSource().getBridge());
        }
        List<String> ips = new ArrayList<>();
        nic.getIps().forEach(ip -> ips.add(ip.getAddress()));
        if (!ips.isEmpty()) {
            parts.add("ip=" + String.join(" ", ips));
        }
        if (nic.getScript() != null && nic.getScript().getPath() != null) {
            parts.add("script=" + nic.getScript().getPath());
        }
        String model = nic.getModel() == null ? null : nic.getModel().getType();
        if (model != null) {
            parts.add(model.equals("netfront") ? "type=vif" : "model=" + model);
        }
        if (nic.getTarget() != null && nic.getTarget().getDev() != null) {
            parts.add("vifname=" + nic.getTarget().getDev());
        }
        return String.join(",", parts);
    }
}
