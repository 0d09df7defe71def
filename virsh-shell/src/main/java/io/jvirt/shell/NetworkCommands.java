package io.jvirt.shell;

import static io.jvirt.shell.CommandSpec.cmd;
import static io.jvirt.shell.OptionSpec.bool;
import static io.jvirt.shell.OptionSpec.data;
import static io.jvirt.shell.OptionSpec.string;

import io.jvirt.ListNetworksFlag;
import io.jvirt.Network;
import io.jvirt.VirtException;
import io.jvirt.shell.OptionSpec.Opt;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** virsh's "Networking" group. */
final class NetworkCommands {
    private NetworkCommands() {
    }

    static List<CommandSpec> commands() {
        return List.of(
        cmd("net-autostart", "autostart a network",
                "Configure a network to be automatically started at boot.",
                NetworkCommands::autostart,
                data("network", "network name or uuid", Completion.NETWORK),
                bool("disable", "disable autostarting")),
        cmd("net-create", "create a network from an XML file",
                "Create a network.",
                NetworkCommands::create,
                data("file", "file containing an XML network description", Completion.FILE),
                bool("validate", "validate the XML against the schema")),
        cmd("net-define", "define an inactive persistent virtual network or modify an existing persistent one from an XML file",
                "Define or modify a persistent virtual network.",
                NetworkCommands::define,
                data("file", "file containing an XML network description", Completion.FILE),
                bool("validate", "validate the XML against the schema")),
        cmd("net-destroy", "destroy (stop) a network",
                "Forcefully stop a given network.",
                NetworkCommands::destroy,
                data("network", "network name or uuid", Completion.NETWORK)),
        cmd("net-dumpxml", "network information in XML",
                "Output the network information as an XML dump to stdout.",
                NetworkCommands::dumpxml,
                data("network", "network name or uuid", Completion.NETWORK),
                bool("inactive", "show inactive defined XML"),
                string("xpath", "xpath expression to filter the XML document", Opt.NAMED),
                bool("wrap", "wrap xpath results in an common root element")),
        cmd("net-info", "network information",
                "Returns basic information about the network",
                NetworkCommands::info,
                data("network", "network name or uuid", Completion.NETWORK)),
        cmd("net-list", "list networks",
                "Returns list of networks.",
                NetworkCommands::list,
                bool("inactive", "list inactive networks"),
                bool("all", "list inactive & active networks"),
                bool("persistent", "list persistent networks"),
                bool("transient", "list transient networks"),
                bool("autostart", "list networks with autostart enabled"),
                bool("no-autostart", "list networks with autostart disabled"),
                bool("uuid", "list uuid's only"),
                bool("name", "list network names only"),
                bool("table", "list table (default)")),
        cmd("net-name", "convert a network UUID to network name",
                null,
                NetworkCommands::name,
                data("network", "network uuid", Completion.NETWORK)),
        cmd("net-start", "start a (previously defined) inactive network",
                "Start a network.",
                NetworkCommands::start,
                data("network", "network name or uuid", Completion.NETWORK)),
        cmd("net-undefine", "undefine a persistent network",
                "Undefine the configuration for a persistent network.",
                NetworkCommands::undefine,
                data("network", "network name or uuid", Completion.NETWORK)),
        cmd("net-uuid", "convert a network name to network UUID",
                null,
                NetworkCommands::uuid,
                data("network", "network name", Completion.NETWORK)));
    }

    static boolean autostart(Invocation inv) {
        Network net = Lookups.network(inv);
        String name = inv.required("network");
        boolean enable = !inv.bool("disable");
        try {
            net.setAutostart(enable);
        } catch (VirtException e) {
            throw CommandFailure.of(enable ? "failed to mark network " + name + " as autostarted"
                    : "failed to unmark network " + name + " as autostarted", e);
        }
        inv.printExtra(enable ? "Network " + name + " marked as autostarted\n"
                : "Network " + name + " unmarked as autostarted\n");
        return true;
    }

    static boolean create(Invocation inv) {
        String from = inv.required("file");
        String xml = TextFiles.read(inv.shell(), from);
        Network net;
        try {
            net = inv.conn().createNetwork(xml);
        } catch (VirtException e) {
            throw CommandFailure.of("Failed to create network from " + from, e);
        }
        inv.printExtra("Network " + net.name() + " created from " + from + "\n");
        return true;
    }

    static boolean define(Invocation inv) {
        String from = inv.required("file");
        String xml = TextFiles.read(inv.shell(), from);
        Network net;
        try {
            net = inv.conn().defineNetwork(xml);
        } catch (VirtException e) {
            throw CommandFailure.of("Failed to define network from " + from, e);
        }
        inv.printExtra("Network " + net.name() + " defined from " + from + "\n");
        return true;
    }

    static boolean destroy(Invocation inv) {
        Network net = Lookups.network(inv);
        String name = inv.required("network");
        try {
            net.destroy();
        } catch (VirtException e) {
            throw CommandFailure.of("Failed to destroy network " + name, e);
        }
        inv.printExtra("Network " + name + " destroyed\n");
        return true;
    }

    static boolean dumpxml(Invocation inv) {
        Network net = Lookups.network(inv);
        boolean inactive = inv.bool("inactive");
        String xpath = inv.stringQuiet("xpath");
        return XmlDump.print(inv, net.xml(inactive), xpath, inv.bool("wrap"));
    }

    static boolean info(Invocation inv) {
        Network net = Lookups.network(inv);
        inv.print(Text.field("Name:", net.name()));
        inv.print(Text.field("UUID:", net.uuid()));
        try {
            inv.print(Text.field("Active:", net.isActive() ? "yes" : "no"));
        } catch (VirtException e) {
            // virsh leaves the line out
        }
        String persistent;
        try {
            persistent = net.isPersistent() ? "yes" : "no";
        } catch (VirtException e) {
            persistent = "unknown";
        }
        inv.print(Text.field("Persistent:", persistent));
        String autostart;
        try {
            autostart = net.autostart() ? "yes" : "no";
        } catch (VirtException e) {
            autostart = "no autostart";
        }
        inv.print(Text.field("Autostart:", autostart));
        try {
            String bridge = net.bridgeName();
            if (bridge != null) {
                inv.print(Text.field("Bridge:", bridge));
            }
        } catch (VirtException e) {
            // a network without a bridge: virsh leaves the line out
        }
        return true;
    }

    static boolean list(Invocation inv) {
        boolean optName = inv.bool("name");
        boolean optTable = inv.bool("table");
        boolean optUuid = inv.bool("uuid");
        Set<ListNetworksFlag> flags = EnumSet.of(ListNetworksFlag.ACTIVE);
        if (inv.bool("inactive")) {
            flags = EnumSet.of(ListNetworksFlag.INACTIVE);
        }
        if (inv.bool("all")) {
            flags = EnumSet.of(ListNetworksFlag.ACTIVE, ListNetworksFlag.INACTIVE);
        }
        if (inv.bool("persistent")) {
            flags.add(ListNetworksFlag.PERSISTENT);
        }
        if (inv.bool("transient")) {
            flags.add(ListNetworksFlag.TRANSIENT);
        }
        if (inv.bool("autostart")) {
            flags.add(ListNetworksFlag.AUTOSTART);
        }
        if (inv.bool("no-autostart")) {
            flags.add(ListNetworksFlag.NO_AUTOSTART);
        }
        if ((optTable ? 1 : 0) + (optName ? 1 : 0) + (optUuid ? 1 : 0) > 1) {
            throw CommandFailure.of("Only one argument from --table, --name and --uuid may be specified.");
        }
        if (!optUuid && !optName) {
            optTable = true;
        }
        List<Network> nets;
        try {
            nets = new ArrayList<>(inv.conn().listAllNetworks(flags.toArray(new ListNetworksFlag[0])));
        } catch (VirtException e) {
            throw CommandFailure.of("Failed to list networks", e);
        }
        nets.sort((a, b) -> Text.strcasecmp(a.name(), b.name()));
        Table table = optTable ? new Table("Name", "State", "Autostart", "Persistent") : null;
        for (Network net : nets) {
            if (table != null) {
                String autostart;
                try {
                    autostart = net.autostart() ? "yes" : "no";
                } catch (VirtException e) {
                    autostart = "no autostart";
                }
                table.add(net.name(), truthy(net::isActive) ? "active" : "inactive", autostart,
                        truthy(net::isPersistent) ? "yes" : "no");
            } else if (optUuid) {
                inv.print(net.uuid() + "\n");
            } else {
                inv.print(net.name() + "\n");
            }
        }
        if (table != null) {
            inv.print(table.render(!inv.shell().quiet));
        }
        return true;
    }

    /** A yes/no query as virsh tests it in C: an error (-1) counts as true. */
    static boolean truthy(java.util.function.BooleanSupplier query) {
        try {
            return query.getAsBoolean();
        } catch (VirtException e) {
            return true;
        }
    }

    static boolean name(Invocation inv) {
        Network net = Lookups.network(inv, Lookups.BY_UUID);
        inv.print(net.name() + "\n");
        return true;
    }

    static boolean start(Invocation inv) {
        Network net = Lookups.network(inv);
        String name = inv.required("network");
        try {
            net.start();
        } catch (VirtException e) {
            throw CommandFailure.of("Failed to start network " + name, e);
        }
        inv.printExtra("Network " + name + " started\n");
        return true;
    }

    static boolean undefine(Invocation inv) {
        Network net = Lookups.network(inv);
        String name = inv.required("network");
        try {
            net.undefine();
        } catch (VirtException e) {
            throw CommandFailure.of("Failed to undefine network " + name, e);
        }
        inv.printExtra("Network " + name + " has been undefined\n");
        return true;
    }

    static boolean uuid(Invocation inv) {
        Network net = Lookups.network(inv, Lookups.BY_NAME);
        inv.print(net.uuid() + "\n");
        return true;
    }
}
