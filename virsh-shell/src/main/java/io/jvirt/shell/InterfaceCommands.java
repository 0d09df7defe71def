package io.jvirt.shell;

import static io.jvirt.shell.CommandSpec.cmd;
import static io.jvirt.shell.OptionSpec.bool;
import static io.jvirt.shell.OptionSpec.data;
import static io.jvirt.shell.OptionSpec.string;

import io.jvirt.HostInterface;
import io.jvirt.ListInterfacesFlag;
import io.jvirt.VirtException;
import io.jvirt.shell.OptionSpec.Opt;
import java.util.ArrayList;
import java.util.List;

/** virsh's "Interface" group (the host's network interfaces). */
final class InterfaceCommands {
    private InterfaceCommands() {
    }

    static List<CommandSpec> commands() {
        return List.of(
        cmd("iface-dumpxml", "interface information in XML",
                "Output the physical host interface information as an XML dump to stdout.",
                InterfaceCommands::dumpxml,
                data("interface", "interface name or MAC address", Completion.INTERFACE),
                bool("inactive", "show inactive defined XML"),
                string("xpath", "xpath expression to filter the XML document", Opt.NAMED),
                bool("wrap", "wrap xpath results in an common root element")),
        cmd("iface-list", "list physical host interfaces",
                "Returns list of physical host interfaces.",
                InterfaceCommands::list,
                bool("inactive", "list inactive interfaces"),
                bool("all", "list inactive & active interfaces")));
    }

    static boolean dumpxml(Invocation inv) {
        boolean inactive = inv.bool("inactive");
        HostInterface iface = Lookups.hostInterface(inv);
        String xpath = inv.stringQuiet("xpath");
        return XmlDump.print(inv, iface.xml(inactive), xpath, inv.bool("wrap"));
    }

    static boolean list(Invocation inv) {
        boolean inactive = inv.bool("inactive");
        boolean all = inv.bool("all");
        Invocation.exclusive("all", all, "inactive", inactive);
        ListInterfacesFlag[] flags = all
                ? new ListInterfacesFlag[] {ListInterfacesFlag.INACTIVE, ListInterfacesFlag.ACTIVE}
                : new ListInterfacesFlag[] {inactive ? ListInterfacesFlag.INACTIVE : ListInterfacesFlag.ACTIVE};
        List<HostInterface> ifaces;
        try {
            ifaces = new ArrayList<>(inv.conn().listAllInterfaces(flags));
        } catch (VirtException e) {
            throw CommandFailure.of("Failed to list interfaces", e);
        }
        ifaces.sort((a, b) -> Text.strcasecmp(a.name(), b.name()));
        Table table = new Table("Name", "State", "MAC Address");
        for (HostInterface iface : ifaces) {
            table.add(iface.name(), NetworkCommands.truthy(iface::isActive) ? "active" : "inactive", iface.mac());
        }
        inv.print(table.render(!inv.shell().quiet));
        return true;
    }
}
