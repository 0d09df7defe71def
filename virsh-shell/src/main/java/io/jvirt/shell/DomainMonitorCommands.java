package io.jvirt.shell;

import static io.jvirt.shell.CommandSpec.cmd;
import static io.jvirt.shell.OptionSpec.bool;
import static io.jvirt.shell.OptionSpec.data;
import static io.jvirt.shell.OptionSpec.domainArg;

import io.jvirt.Domain;
import io.jvirt.DomainInfo;
import io.jvirt.DomainMetadataType;
import io.jvirt.DomainState;
import io.jvirt.DomainStateInfo;
import io.jvirt.DomainXmlFlag;
import io.jvirt.ErrorCode;
import io.jvirt.ListDomainsFlag;
import io.jvirt.SecurityLabel;
import io.jvirt.SecurityModel;
import io.jvirt.VirtException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;

/** virsh's "Domain Monitoring" group: list, dominfo, domstate, domblklist, domiflist. */
final class DomainMonitorCommands {
    private DomainMonitorCommands() {
    }

    static List<CommandSpec> commands() {
        return List.of(
        cmd("domblklist", "list all domain blocks",
                "Get the summary of block devices for a domain.",
                DomainMonitorCommands::domblklist,
                domainArg(),
                bool("inactive", "get inactive rather than running configuration"),
                bool("details", "additionally display the type and device value")),
        cmd("domiflist", "list all domain virtual interfaces",
                "Get the summary of virtual interfaces for a domain.",
                DomainMonitorCommands::domiflist,
                domainArg(),
                bool("inactive", "get inactive rather than running configuration")),
        cmd("dominfo", "domain information",
                "Returns basic information about the domain.",
                DomainMonitorCommands::dominfo,
                domainArg()),
        cmd("domstate", "domain state",
                "Returns state about a domain.",
                DomainMonitorCommands::domstate,
                domainArg(),
                bool("reason", "also print reason for the state")),
        DomainStatsCommand.spec(),
        cmd("list", "list domains",
                "Returns list of domains.",
                DomainMonitorCommands::list,
                bool("inactive", "list inactive domains"),
                bool("all", "list inactive & active domains"),
                bool("transient", "list transient domains"),
                bool("persistent", "list persistent domains"),
                bool("with-snapshot", "list domains with existing snapshot"),
                bool("without-snapshot", "list domains without a snapshot"),
                bool("with-checkpoint", "list domains with existing checkpoint"),
                bool("without-checkpoint", "list domains without a checkpoint"),
                bool("state-running", "list domains in running state"),
                bool("state-paused", "list domains in paused state"),
                bool("state-shutoff", "list domains in shutoff state"),
                bool("state-other", "list domains in other states"),
                bool("autostart", "list domains with autostart enabled"),
                bool("no-autostart", "list domains with autostart disabled"),
                bool("with-managed-save", "list domains with managed save state"),
                bool("without-managed-save", "list domains without managed save"),
                bool("uuid", "list uuid's only"),
                bool("name", "list domain names only"),
                bool("id", "list domain IDs only"),
                bool("table", "list table (default)"),
                bool("managed-save", "mark inactive domains with managed save state"),
                bool("title", "show domain title")));
    }

    // ---- list ----

    static boolean list(Invocation inv) {
        boolean managed = inv.bool("managed-save");
        boolean optTitle = inv.bool("title");
        boolean optTable = inv.bool("table");
        boolean optUuid = inv.bool("uuid");
        boolean optName = inv.bool("name");
        boolean optId = inv.bool("id");

        Set<ListDomainsFlag> flags = EnumSet.of(ListDomainsFlag.ACTIVE);
        if (inv.bool("inactive") || inv.bool("state-shutoff")) {
            flags = EnumSet.of(ListDomainsFlag.INACTIVE);
        }
        if (inv.bool("all")) {
            flags = EnumSet.of(ListDomainsFlag.ACTIVE, ListDomainsFlag.INACTIVE);
        }
        filter(inv, flags, "persistent", ListDomainsFlag.PERSISTENT);
        filter(inv, flags, "transient", ListDomainsFlag.TRANSIENT);
        filter(inv, flags, "with-managed-save", ListDomainsFlag.MANAGEDSAVE);
        filter(inv, flags, "without-managed-save", ListDomainsFlag.NO_MANAGEDSAVE);
        filter(inv, flags, "autostart", ListDomainsFlag.AUTOSTART);
        filter(inv, flags, "no-autostart", ListDomainsFlag.NO_AUTOSTART);
        filter(inv, flags, "with-snapshot", ListDomainsFlag.HAS_SNAPSHOT);
        filter(inv, flags, "without-snapshot", ListDomainsFlag.NO_SNAPSHOT);
        filter(inv, flags, "with-checkpoint", ListDomainsFlag.HAS_CHECKPOINT);
        filter(inv, flags, "without-checkpoint", ListDomainsFlag.NO_CHECKPOINT);
        filter(inv, flags, "state-running", ListDomainsFlag.RUNNING);
        filter(inv, flags, "state-paused", ListDomainsFlag.PAUSED);
        filter(inv, flags, "state-shutoff", ListDomainsFlag.SHUTOFF);
        filter(inv, flags, "state-other", ListDomainsFlag.OTHER);

        inv.exclusive("table", "name");
        inv.exclusive("table", "uuid");
        inv.exclusive("table", "id");
        if (!optUuid && !optName && !optId) {
            optTable = true;
        }

        List<Listed> domains = collect(inv, flags);
        Table table = null;
        if (optTable) {
            table = optTitle ? new Table("Id", "Name", "State", "Title") : new Table("Id", "Name", "State");
        }
        for (Listed l : domains) {
            Domain dom = l.domain;
            String id = l.id < 0 ? "-" : Integer.toString(l.id);
            if (table != null) {
                DomainState state;
                try {
                    state = dom.state().state();
                } catch (VirtException e) {
                    continue; // the domain went away meanwhile
                }
                String stateText = state.label();
                if (managed && state == DomainState.SHUTOFF && hasManagedSave(dom)) {
                    stateText = "saved";
                }
                if (optTitle) {
                    table.add(id, dom.name(), stateText, description(dom, true, false));
                } else {
                    table.add(id, dom.name(), stateText);
                }
            } else {
                StringBuilder line = new StringBuilder();
                String sep = "";
                if (optUuid) {
                    line.append(dom.uuid());
                    sep = " ";
                }
                if (optId) {
                    if (l.id < 0 && !optUuid && !optName) {
                        continue;
                    }
                    line.append(sep).append(id);
                    sep = " ";
                }
                if (optName) {
                    line.append(sep).append(dom.name());
                }
                inv.print(line.append('\n').toString());
            }
        }
        if (table != null) {
            inv.print(table.render(!inv.shell().quiet));
        }
        return true;
    }

    private static void filter(Invocation inv, Set<ListDomainsFlag> flags, String option, ListDomainsFlag flag) {
        if (inv.bool(option)) {
            flags.add(flag);
        }
    }

    private record Listed(Domain domain, int id) {
    }

    /** virshDomainListCollect: running domains by id, then the others by name. */
    private static List<Listed> collect(Invocation inv, Set<ListDomainsFlag> flags) {
        List<Domain> all;
        try {
            all = inv.conn().listAllDomains(flags.toArray(new ListDomainsFlag[0]));
        } catch (VirtException e) {
            throw CommandFailure.of("Failed to list domains", e);
        }
        List<Listed> out = new ArrayList<>(all.size());
        for (Domain d : all) {
            int id;
            try {
                id = d.id();
            } catch (VirtException e) {
                id = -1;
            }
            out.add(new Listed(d, id));
        }
        out.sort((a, b) -> {
            if (a.id < 0 && b.id < 0) {
                return Text.strcasecmp(a.domain.name(), b.domain.name());
            }
            if (a.id >= 0 && b.id >= 0) {
                return Integer.compareUnsigned(a.id, b.id);
            }
            return a.id >= 0 ? -1 : 1;
        });
        return out;
    }

    private static boolean hasManagedSave(Domain dom) {
        try {
            return dom.hasManagedSaveImage();
        } catch (VirtException e) {
            return false;
        }
    }

    /**
     * virshGetDomainDescription: the title or description; "" when there is none. A driver
     * without metadata support is asked for the XML instead.
     */
    static String description(Domain dom, boolean title, boolean inactive) {
        DomainMetadataType type = title ? DomainMetadataType.TITLE : DomainMetadataType.DESCRIPTION;
        try {
            String s = inactive
                    ? dom.metadata(type, null, io.jvirt.DomainModification.CONFIG)
                    : dom.metadata(type, null);
            return s == null ? "" : s;
        } catch (VirtException e) {
            if (e.code() == ErrorCode.NO_DOMAIN_METADATA) {
                return "";
            }
            if (e.code() != ErrorCode.NO_SUPPORT) {
                throw e;
            }
        }
        Element root = XmlDocuments.parse(inactive ? dom.xml(DomainXmlFlag.INACTIVE) : dom.xml());
        return XmlDocuments.text(root, title ? "title" : "description");
    }

    // ---- dominfo, domstate ----

    static boolean dominfo(Invocation inv) {
        Domain dom = Lookups.domain(inv);
        boolean ret = true;
        int id = dom.id();
        inv.print(Text.field("Id:", id < 0 ? "-" : Integer.toString(id)));
        inv.print(Text.field("Name:", dom.name()));
        inv.print(Text.field("UUID:", dom.uuid()));
        try {
            inv.print(Text.field("OS Type:", dom.osType()));
        } catch (VirtException e) {
            // virsh leaves the line out
        }
        try {
            DomainInfo info = dom.info();
            inv.print(Text.field("State:", info.state().label()));
            inv.print(Text.field("CPU(s):", info.vcpus()));
            if (info.cpuTimeNs() != 0) {
                double seconds = CNumbers.unsignedToDouble(info.cpuTimeNs()) / 1_000_000_000.0;
                inv.print(Text.field("CPU time:", CNumbers.fixed(seconds, 1) + "s"));
            }
            if (info.maxMemory() != 0xFFFF_FFFFL) {
                inv.print(Text.field("Max memory:", Long.toUnsignedString(info.maxMemory()) + " KiB"));
            } else {
                inv.print(Text.field("Max memory:", "no limit"));
            }
            inv.print(Text.field("Used memory:", Long.toUnsignedString(info.memory()) + " KiB"));
        } catch (VirtException e) {
            inv.shell().setLastError(e);
            ret = false;
        }
        String persistent;
        try {
            persistent = dom.isPersistent() ? "yes" : "no";
        } catch (VirtException e) {
            persistent = "unknown";
        }
        inv.print(Text.field("Persistent:", persistent));
        try {
            inv.print(Text.field("Autostart:", dom.autostart() ? "enable" : "disable"));
        } catch (VirtException e) {
            // virsh leaves the line out
        }
        String managed;
        try {
            managed = dom.hasManagedSaveImage() ? "yes" : "no";
        } catch (VirtException e) {
            managed = "unknown";
        }
        inv.print(Text.field("Managed save:", managed));
        SecurityModel model;
        try {
            model = inv.conn().securityModel();
        } catch (VirtException e) {
            if (e.code() != ErrorCode.NO_SUPPORT) {
                throw CommandFailure.of(e);
            }
            model = SecurityModel.NONE;
        }
        if (!model.model().isEmpty()) {
            inv.print(Text.field("Security model:", model.model()));
            inv.print(Text.field("Security DOI:", model.doi()));
            // Security labels are only valid for active domains; virsh fails dominfo if it can't read one.
            SecurityLabel label;
            try {
                label = dom.securityLabel();
            } catch (VirtException e) {
                return false;
            }
            if (!label.label().isEmpty()) {
                inv.print(Text.field("Security label:", label.label() + " ("
                        + (label.enforcing() ? "enforcing" : "permissive") + ")"));
            }
        }
        return ret;
    }

    static boolean domstate(Invocation inv) {
        Domain dom = Lookups.domain(inv);
        DomainStateInfo s = dom.state();
        if (inv.bool("reason")) {
            inv.print(s.state().label() + " (" + s.reason().label() + ")\n");
        } else {
            inv.print(s.state().label() + "\n");
        }
        return true;
    }

    // ---- domblklist, domiflist ----

    static boolean domblklist(Invocation inv) {
        boolean details = inv.bool("details");
        Domain dom = Lookups.domain(inv);
        Element root = XmlDocuments.parse(inv.bool("inactive") ? dom.xml(DomainXmlFlag.INACTIVE) : dom.xml());
        Table table = details ? new Table("Type", "Device", "Target", "Source") : new Table("Target", "Source");
        for (Element disk : XmlDocuments.children(XmlDocuments.child(root, "devices"), "disk")) {
            String type = nonEmpty(XmlDocuments.attr(disk, "type"));
            String device = null;
            if (details) {
                device = nonEmpty(XmlDocuments.attr(disk, "device"));
                if (type == null || device == null) {
                    inv.print("unable to query block list details");
                    return false;
                }
            }
            String target = nonEmpty(XmlDocuments.attr(XmlDocuments.child(disk, "target"), "dev"));
            if (target == null) {
                throw CommandFailure.of("unable to query block list");
            }
            Element source = XmlDocuments.child(disk, "source");
            String src;
            if ("nvme".equals(type)) {
                src = nvmeSource(source);
            } else {
                src = firstAttr(source, "file", "dev", "dir", "name", "volume", "path");
            }
            if (details) {
                table.add(type, device, target, src == null ? "-" : src);
            } else {
                table.add(target, src == null ? "-" : src);
            }
        }
        inv.print(table.render(!inv.shell().quiet));
        return true;
    }

    private static String nvmeSource(Element source) {
        String namespace = nonEmpty(XmlDocuments.attr(source, "namespace"));
        Element addr = XmlDocuments.child(source, "address");
        if (namespace == null || addr == null) {
            throw CommandFailure.of("Unable to query NVMe disk address");
        }
        try {
            int domain = Integer.decode(XmlDocuments.attr(addr, "domain"));
            int bus = Integer.decode(XmlDocuments.attr(addr, "bus"));
            int slot = Integer.decode(XmlDocuments.attr(addr, "slot"));
            int function = Integer.decode(XmlDocuments.attr(addr, "function"));
            return String.format("nvme://%04x:%02x:%02x.%d/%s", domain, bus, slot, function, namespace);
        } catch (RuntimeException e) {
            throw CommandFailure.of("Unable to query NVMe disk address");
        }
    }

    static boolean domiflist(Invocation inv) {
        Domain dom = Lookups.domain(inv);
        Element root = XmlDocuments.parse(inv.bool("inactive") ? dom.xml(DomainXmlFlag.INACTIVE) : dom.xml());
        Table table = new Table("Interface", "Type", "Source", "Model", "MAC");
        for (Element nic : XmlDocuments.children(XmlDocuments.child(root, "devices"), "interface")) {
            String type = nonEmpty(XmlDocuments.attr(nic, "type"));
            String source = firstAttr(XmlDocuments.child(nic, "source"), "bridge", "dev", "network", "name", "path");
            String target = nonEmpty(XmlDocuments.attr(XmlDocuments.child(nic, "target"), "dev"));
            String model = nonEmpty(XmlDocuments.attr(XmlDocuments.child(nic, "model"), "type"));
            String mac = nonEmpty(XmlDocuments.attr(XmlDocuments.child(nic, "mac"), "address"));
            table.add(target == null ? "-" : target, type == null ? "" : type, source == null ? "-" : source,
                    model == null ? "-" : model, mac == null ? "-" : mac);
        }
        inv.print(table.render(!inv.shell().quiet));
        return true;
    }

    /** XPath's string() of an attribute union: the first one present, null when empty (virXPathString). */
    private static String firstAttr(Element e, String... names) {
        return nonEmpty(XmlDocuments.firstAttribute(e, names));
    }

    private static String nonEmpty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
