package io.jvirt.driver.xen.config;

import io.jvirt.xml.CpuDef;
import io.jvirt.xml.CpuFeatureDef;
import io.jvirt.xml.DomainDef;
import java.util.ArrayList;
import java.util.List;

/** cpuid="host,NAME=V,..." (libxl syntax only) ⇄ host-passthrough CPU features. */
final class XlCpuid {
    /** libvirt feature name, libxl name: the names that differ (xenTranslateCPUFeature). */
    private static final String[][] NAMES = {
        {"cx16", "cmpxchg16"}, {"cid", "cntxid"}, {"ds_cpl", "dscpl"}, {"pclmuldq", "pclmulqdq"},
        {"pni", "sse3"}, {"ht", "htt"}, {"pn", "psn"}, {"clflush", "clfsh"}, {"sep", "sysenter"},
        {"cx8", "cmpxchg8"}, {"nodeid_msr", "nodeid"}, {"cr8legacy", "altmovcr8"},
        {"lahf_lm", "lahfsahf"}, {"cmp_legacy", "cmplegacy"}, {"fxsr_opt", "ffxsr"},
        {"pdpe1gb", "page1gb"}, {"spec-ctrl", "ibrsb"},
    };

    private XlCpuid() {
    }

    private static String translate(String name, boolean fromLibxl) {
        for (String[] pair : NAMES) {
            if (pair[fromLibxl ? 1 : 0].equals(name)) {
                return pair[fromLibxl ? 0 : 1];
            }
        }
        return name;
    }

    static void parse(XlConfig cfg, DomainDef def) {
        String cpuid = cfg.getString("cpuid");
        if (cpuid == null) {
            return;
        }
        if (def.getCpu() == null) {
            CpuDef cpu = new CpuDef();
            cpu.setMode("host-passthrough");
            def.setCpu(cpu);
        }
        String[] pairs = cpuid.split(",", -1);
        if (!pairs[0].equals("host")) {
            throw XlConfig.invalid("cpuid starting with " + pairs[0] + " is not supported, only libxl format is");
        }
        for (int i = 1; i < pairs.length; i++) {
            int eq = pairs[i].indexOf('=');
            if (eq < 0) {
                throw XlConfig.invalid("Invalid libxl cpuid key=value element: " + pairs[i]);
            }
            String policy = switch (pairs[i].substring(eq + 1)) {
                case "1" -> "force";
                case "0" -> "disable";
                case "x", "k", "s" -> "optional";
                default -> throw XlConfig.invalid("Invalid libxl cpuid value: " + pairs[i]);
            };
            def.getCpu().getFeatures().add(new CpuFeatureDef(policy, translate(pairs[i].substring(0, eq), true)));
        }
    }

    /** Only a host-passthrough CPU maps; vmx/svm are nestedhvm's business. */
    static void format(DomainDef def, XlConfig cfg) {
        CpuDef cpu = def.getCpu();
        if (cpu == null || !"host-passthrough".equals(cpu.getMode())) {
            return;
        }
        List<String> pairs = new ArrayList<>();
        pairs.add("host");
        for (CpuFeatureDef f : cpu.getFeatures()) {
            String name = translate(f.getName(), false);
            if (name.equals("vmx") || name.equals("svm")) {
                continue;
            }
            String policy = switch (f.getPolicy() == null ? "require" : f.getPolicy()) {
                case "force", "require" -> "1";
                case "optional" -> "x";
                case "disable", "forbid" -> "0";
                default -> throw XlConfig.invalid("unknown CPU feature policy '" + f.getPolicy() + "'");
            };
            pairs.add(name + "=" + policy);
        }
        if (pairs.size() > 1) {
            cfg.putString("cpuid", String.join(",", pairs));
        }
    }
}
