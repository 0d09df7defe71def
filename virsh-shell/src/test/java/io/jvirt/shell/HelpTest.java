package io.jvirt.shell;

import static io.jvirt.shell.OptionSpec.argv;
import static io.jvirt.shell.OptionSpec.bool;
import static io.jvirt.shell.OptionSpec.data;
import static io.jvirt.shell.OptionSpec.integer;
import static io.jvirt.shell.OptionSpec.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HelpTest {

    @Test
    void commandHelpHasVirshsSections() {
        CommandSpec spec = CommandSpec.cmd("shutdown", "gracefully shutdown a domain", "Run shutdown in the target domain.",
                inv -> true, data("domain", "domain name, id or uuid"),
                string("mode", "shutdown mode: acpi|agent|initctl|signal|paravirt"));
        assertEquals("  NAME\n"
                + "    shutdown - gracefully shutdown a domain\n"
                + "\n"
                + "  SYNOPSIS\n"
                + "    shutdown <domain> [--mode <string>]\n"
                + "\n"
                + "  DESCRIPTION\n"
                + "    Run shutdown in the target domain.\n"
                + "\n"
                + "  OPTIONS\n"
                + "    [--domain] <string>  domain name, id or uuid\n"
                + "    --mode <string>  shutdown mode: acpi|agent|initctl|signal|paravirt\n"
                + "\n", Help.command(spec));
    }

    @Test
    void synopsisFormsOfEveryOptionKind() {
        CommandSpec spec = CommandSpec.cmd("x", "h", null, inv -> true, bool("b", "B"), integer("n", "N"),
                OptionSpec.requiredInt("size", "S"), argv("rest", "R"));
        String help = Help.command(spec);
        assertTrue(help.contains("    x [--b] [--n <number>] <size> [[--rest] <string>]...\n"), help);
        assertTrue(help.contains("    --n <number>     N\n"), help);
        assertTrue(help.contains("    [--size] <number>  S\n"), help);
        assertTrue(!help.contains("DESCRIPTION"), help);
    }

    @Test
    void groupHelpListsCommandsPaddedTo30() {
        CommandSpec a = CommandSpec.cmd("uri", "print the hypervisor canonical URI", null, inv -> true);
        CommandTable t = new CommandTable(Map.of(CommandGroup.HOST, List.of(a)));
        assertEquals(" Host and Hypervisor (help keyword 'host'):\n"
                + "    uri                            print the hypervisor canonical URI\n",
                Help.group(t, CommandGroup.HOST));
    }

    @Test
    void everyStandardCommandHasHelpAndAGroup() {
        CommandTable t = CommandTable.standard();
        for (List<CommandSpec> cmds : t.groups().values()) {
            for (CommandSpec c : cmds) {
                assertTrue(c.help() != null && !c.help().isEmpty(), c.name());
                assertEquals(c, t.find(c.name()));
            }
        }
        assertEquals(CommandGroup.POOL, t.findGroup("pool"));
        assertEquals(CommandGroup.POOL, t.findGroup("Storage Pool"));
    }
}
