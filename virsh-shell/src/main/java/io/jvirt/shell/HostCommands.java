package io.jvirt.shell;

import static io.jvirt.shell.CommandSpec.cmd;
import static io.jvirt.shell.OptionSpec.bool;
import static io.jvirt.shell.OptionSpec.integer;
import static io.jvirt.shell.OptionSpec.string;

import io.jvirt.Connection;
import io.jvirt.NodeInfo;
import io.jvirt.Virt;
import io.jvirt.VirtException;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/** virsh's "Host and Hypervisor" group. */
final class HostCommands {
    private HostCommands() {
    }

    static List<CommandSpec> commands() {
        return List.of(
        cmd("capabilities", "capabilities",
                "Returns capabilities of hypervisor/driver.",
                HostCommands::capabilities),
        cmd("freecell", "NUMA free memory",
                "display available free memory for the NUMA cell.",
                HostCommands::freecell,
                integer("cellno", "NUMA cell number"),
                bool("all", "show free memory for all NUMA cells")),
        cmd("hostname", "print the hypervisor hostname",
                null,
                HostCommands::hostname),
        cmd("maxvcpus", "connection vcpu maximum",
                "Show maximum number of virtual CPUs for guests on this connection.",
                HostCommands::maxvcpus,
                string("type", "domain type")),
        cmd("nodeinfo", "node information",
                "Returns basic information about the node.",
                HostCommands::nodeinfo),
        cmd("sysinfo", "print the hypervisor sysinfo",
                "output an XML string for the hypervisor sysinfo, if available",
                HostCommands::sysinfo),
        cmd("uri", "print the hypervisor canonical URI",
                null,
                HostCommands::uri),
        cmd("version", "show version",
                "Display the system version information.",
                HostCommands::version,
                bool("daemon", "report daemon version too")));
    }

    static boolean capabilities(Invocation inv) {
        String caps;
        try {
            caps = inv.conn().capabilities();
        } catch (VirtException e) {
            throw CommandFailure.of("failed to get capabilities", e);
        }
        inv.print(caps + "\n");
        return true;
    }

    static boolean freecell(Invocation inv) {
        boolean all = inv.bool("all");
        boolean cellno = inv.bool("cellno");
        Invocation.exclusive("all", all, "cellno", cellno);
        Connection conn = inv.conn();
        if (!all) {
            if (cellno) {
                int cell = inv.integer("cellno");
                List<Long> free = conn.cellsFreeMemory(cell, 1);
                if (free.size() != 1) {
                    return false;
                }
                inv.print(cell + ": " + Long.toUnsignedString(Long.divideUnsigned(free.get(0), 1024)) + " KiB\n");
                return true;
            }
            long memory = conn.freeMemory();
            if (memory == 0) {
                return false;
            }
            inv.print("Total: " + Long.toUnsignedString(Long.divideUnsigned(memory, 1024)) + " KiB\n");
            return true;
        }
        Element root;
        try {
            root = XmlDocuments.parse(conn.capabilities());
        } catch (VirtException e) {
            throw CommandFailure.of("unable to get node capabilities", e);
        }
        List<Long> ids = new ArrayList<>();
        List<Long> frees = new ArrayList<>();
        for (Element cell : XmlDocuments.children(XmlDocuments.path(root, "host", "topology", "cells"), "cell")) {
            String idText = XmlDocuments.attr(cell, "id");
            CNumbers.Prefix p = idText == null ? null : CNumbers.prefix(idText, 10);
            if (p == null || p.end() != idText.length() || p.negative() || p.overflow()) {
                throw CommandFailure.of("conversion from string failed");
            }
            long id = p.value();
            List<Long> free;
            try {
                free = conn.cellsFreeMemory((int) id, 1);
            } catch (VirtException e) {
                throw CommandFailure.of("failed to get free memory for NUMA node number: " + id, e);
            }
            if (free.size() != 1) {
                throw CommandFailure.of("failed to get free memory for NUMA node number: " + id);
            }
            ids.add(id);
            frees.add(free.get(0));
        }
        long total = 0;
        for (int i = 0; i < ids.size(); i++) {
            inv.print(Text.right(Long.toUnsignedString(ids.get(i)), 5) + ": "
                    + Text.right(Long.toUnsignedString(Long.divideUnsigned(frees.get(i), 1024)), 10) + " KiB\n");
            total += frees.get(i);
        }
        inv.printExtra("--------------------\n");
        inv.printExtra(Text.right("Total", 5) + ": "
                + Text.right(Long.toUnsignedString(Long.divideUnsigned(total, 1024)), 10) + " KiB\n");
        return true;
    }

    static boolean hostname(Invocation inv) {
        String name;
        try {
            name = inv.conn().hostname();
        } catch (VirtException e) {
            throw CommandFailure.of("failed to get hostname", e);
        }
        inv.print(name + "\n");
        return true;
    }

    static boolean maxvcpus(Invocation inv) {
        String type = inv.string("type");
        inv.print(inv.conn().maxVcpus(type) + "\n");
        return true;
    }

    static boolean nodeinfo(Invocation inv) {
        NodeInfo info;
        try {
            info = inv.conn().nodeInfo();
        } catch (VirtException e) {
            throw CommandFailure.of("failed to get node information", e);
        }
        inv.print(Text.left("CPU model:", 20) + " " + info.model() + "\n");
        inv.print(Text.left("CPU(s):", 20) + " " + info.cpus() + "\n");
        if (info.mhz() != 0) {
            inv.print(Text.left("CPU frequency:", 20) + " " + info.mhz() + " MHz\n");
        }
        inv.print(Text.left("CPU socket(s):", 20) + " " + info.sockets() + "\n");
        inv.print(Text.left("Core(s) per socket:", 20) + " " + info.cores() + "\n");
        inv.print(Text.left("Thread(s) per core:", 20) + " " + info.threads() + "\n");
        inv.print(Text.left("NUMA cell(s):", 20) + " " + info.nodes() + "\n");
        inv.print(Text.left("Memory size:", 20) + " " + Long.toUnsignedString(info.memory()) + " KiB\n");
        return true;
    }

    static boolean sysinfo(Invocation inv) {
        String sysinfo;
        try {
            sysinfo = inv.conn().sysinfo();
        } catch (VirtException e) {
            throw CommandFailure.of("failed to get sysinfo", e);
        }
        inv.print(sysinfo);
        return true;
    }

    static boolean uri(Invocation inv) {
        String uri;
        try {
            uri = inv.conn().uri().text();
        } catch (VirtException e) {
            throw CommandFailure.of("failed to get URI", e);
        }
        inv.print(uri + "\n");
        return true;
    }

    /** jvirt stands where virsh names libvirt: the library is jvirt, at jvirt's version. */
    static boolean version(Invocation inv) {
        Connection conn = inv.conn();
        String type;
        try {
            type = conn.hypervisorType();
        } catch (VirtException e) {
            throw CommandFailure.of("failed to get hypervisor type", e);
        }
        String lib = Text.version(Virt.VERSION);
        inv.print("Compiled against library: jvirt " + lib + "\n");
        inv.print("Using library: jvirt " + lib + "\n");
        inv.print("Using API: " + type + " " + lib + "\n");
        long hv;
        try {
            hv = conn.hypervisorVersion();
        } catch (VirtException e) {
            throw CommandFailure.of("failed to get the hypervisor version", e);
        }
        if (hv == 0) {
            inv.print("Cannot extract running " + type + " hypervisor version\n");
        } else {
            inv.print("Running hypervisor: " + type + " " + Text.version(hv) + "\n");
        }
        if (inv.bool("daemon")) {
            try {
                inv.print("Running against daemon: " + Text.version(conn.libraryVersion()) + "\n");
            } catch (VirtException e) {
                inv.shell().error("failed to get the daemon version");
            }
        }
        return true;
    }
}
