package io.jvirt.driver.kvm;

import io.jvirt.NodeInfo;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What the host is: name, processors and memory (/proc), and the capabilities XML. */
final class HostFacts {
    private HostFacts() {
    }

    static String hostname() {
        try {
            String h = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            if (!h.isEmpty()) {
                return h;
            }
        } catch (IOException e) {
            // fall through
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    /** libvirt's virNodeGetInfo from /proc/cpuinfo and /proc/meminfo (memory in KiB). */
    static NodeInfo nodeInfo() {
        return nodeInfo(read("/proc/cpuinfo"), read("/proc/meminfo"), System.getProperty("os.arch"));
    }

    static NodeInfo nodeInfo(List<String> cpuinfo, List<String> meminfo, String javaArch) {
        int cpus = 0;
        int mhz = 0;
        int coresPerSocket = 0;
        int siblings = 0;
        Set<String> sockets = new HashSet<>();
        for (String line : cpuinfo) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "processor" -> cpus++;
                case "cpu MHz" -> mhz = mhz == 0 ? (int) Double.parseDouble(value) : mhz;
                case "physical id" -> sockets.add(value);
                case "cpu cores" -> coresPerSocket = Integer.parseInt(value);
                case "siblings" -> siblings = Integer.parseInt(value);
                default -> {
                }
            }
        }
        cpus = Math.max(cpus, 1);
        int nSockets = Math.max(sockets.size(), 1);
        int cores = coresPerSocket > 0 ? coresPerSocket : cpus / nSockets;
        int threads = coresPerSocket > 0 && siblings >= coresPerSocket ? siblings / coresPerSocket : 1;
        if (nSockets * cores * threads != cpus) {
            nSockets = 1;
            cores = cpus;
            threads = 1;
        }
        return new NodeInfo("amd64".equals(javaArch) ? "x86_64" : javaArch, memInfo(meminfo, "MemTotal"),
                cpus, mhz, 1, nSockets, cores, threads);
    }

    static long freeMemoryBytes() {
        return memInfo(read("/proc/meminfo"), "MemFree") * 1024;
    }

    private static long memInfo(List<String> meminfo, String key) {
        for (String line : meminfo) {
            if (line.startsWith(key + ":")) {
                return Long.parseLong(line.substring(key.length() + 1).replace("kB", "").strip());
            }
        }
        return 0;
    }

    private static List<String> read(String file) {
        try {
            return Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }

    /** A minimal capabilities document: the host's arch, and one hvm x86_64 guest with QEMU's machines. */
    static String capabilitiesXml(QemuCapabilities caps) {
        StringBuilder x = new StringBuilder();
        x.append("<capabilities>\n  <host>\n    <cpu>\n      <arch>x86_64</arch>\n    </cpu>\n  </host>\n");
        x.append("  <guest>\n    <os_type>hvm</os_type>\n    <arch name='x86_64'>\n      <wordsize>64</wordsize>\n");
        x.append("      <emulator>").append(escape(caps.binary().toString())).append("</emulator>\n");
        for (QemuCapabilities.Machine m : caps.machines()) {
            if (m.name().equals("none")) {
                continue;
            }
            if (m.alias() != null) {
                x.append("      <machine canonical='").append(escape(m.name())).append("' maxCpus='")
                        .append(m.cpuMax()).append("'>").append(escape(m.alias())).append("</machine>\n");
            }
            x.append("      <machine maxCpus='").append(m.cpuMax()).append("'>").append(escape(m.name()))
                    .append("</machine>\n");
        }
        x.append("      <domain type='qemu'/>\n");
        if (caps.kvmUsable()) {
            x.append("      <domain type='kvm'/>\n");
        }
        x.append("    </arch>\n    <features>\n      <acpi default='on' toggle='yes'/>\n"
                + "      <apic default='on' toggle='no'/>\n    </features>\n  </guest>\n</capabilities>\n");
        return x.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace("'", "&apos;").replace(">", "&gt;");
    }
}
