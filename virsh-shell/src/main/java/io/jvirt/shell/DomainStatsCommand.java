package io.jvirt.shell;

import static io.jvirt.shell.CommandSpec.cmd;
import static io.jvirt.shell.OptionSpec.argv;
import static io.jvirt.shell.OptionSpec.bool;

import io.jvirt.Domain;
import io.jvirt.DomainStatsFlag;
import io.jvirt.DomainStatsGroup;
import io.jvirt.DomainStatsRecord;
import io.jvirt.VirtException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** virsh's {@code domstats}: libvirt's bulk statistics, one "Domain: 'name'" block per domain. */
final class DomainStatsCommand {
    private DomainStatsCommand() {
    }

    /** The option of a group or filter flag: {@code --cpu-total}, {@code --list-active}, ... */
    private static String option(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static CommandSpec spec() {
        return cmd("domstats", "get statistics about one or multiple domains",
                "Gets statistics about one or more (or all) domains",
                DomainStatsCommand::run,
                bool("state", "report domain state"),
                bool("cpu-total", "report domain physical cpu usage"),
                bool("balloon", "report domain balloon statistics"),
                bool("vcpu", "report domain virtual cpu information"),
                bool("interface", "report domain network interface information"),
                bool("block", "report domain block device statistics"),
                bool("perf", "report domain perf event statistics"),
                bool("iothread", "report domain IOThread information"),
                bool("memory", "report domain memory usage"),
                bool("dirtyrate", "report domain dirty rate information"),
                bool("vm", "report hypervisor-specific statistics"),
                bool("list-active", "list only active domains"),
                bool("list-inactive", "list only inactive domains"),
                bool("list-persistent", "list only persistent domains"),
                bool("list-transient", "list only transient domains"),
                bool("list-running", "list only running domains"),
                bool("list-paused", "list only paused domains"),
                bool("list-shutoff", "list only shutoff domains"),
                bool("list-other", "list only domains in other states"),
                bool("raw", "do not pretty-print the fields"),
                bool("enforce", "enforce requested stats parameters"),
                bool("backing", "add backing chain information to block stats"),
                bool("nowait", "report only stats that are accessible instantly"),
                argv("domain", "list of domains to get stats for", Completion.DOMAIN));
    }

    static boolean run(Invocation inv) {
        // The options are named after libvirt's flags, and come in the flags' order.
        Set<DomainStatsGroup> groups = EnumSet.noneOf(DomainStatsGroup.class);
        for (DomainStatsGroup g : DomainStatsGroup.values()) {
            if (inv.bool(option(g))) {
                groups.add(g);
            }
        }
        List<DomainStatsFlag> flags = new ArrayList<>();
        for (DomainStatsFlag f : EnumSet.range(DomainStatsFlag.ACTIVE, DomainStatsFlag.OTHER)) {
            if (inv.bool("list-" + option(f))) {
                flags.add(f);
            }
        }
        if (inv.bool("enforce")) {
            flags.add(DomainStatsFlag.ENFORCE_STATS);
        }
        if (inv.bool("backing")) {
            flags.add(DomainStatsFlag.BACKING);
        }
        if (inv.bool("nowait")) {
            flags.add(DomainStatsFlag.NOWAIT);
        }
        DomainStatsFlag[] flagArray = flags.toArray(new DomainStatsFlag[0]);
        // --raw changes nothing: virsh 9.0 has no pretty-printing to turn off.
        List<String> names = inv.argv("domain");
        List<DomainStatsRecord> records;
        try {
            if (names.isEmpty()) {
                records = inv.conn().allDomainStats(groups, flagArray);
            } else {
                List<Domain> domains = new ArrayList<>(names.size());
                for (String n : names) {
                    domains.add(Lookups.domainByText(inv, inv.name(), n,
                            Lookups.BY_ID | Lookups.BY_UUID | Lookups.BY_NAME));
                }
                records = inv.conn().domainListStats(domains, groups, flagArray);
            }
        } catch (VirtException e) {
            throw CommandFailure.of(e);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < records.size(); i++) {
            if (i > 0) {
                out.append('\n');
            }
            DomainStatsRecord r = records.get(i);
            out.append("Domain: '").append(r.domain().name()).append("'\n");
            r.stats().forEach((key, value) -> out.append("  ").append(key).append('=').append(value).append('\n'));
        }
        inv.print(out.toString());
        return true;
    }
}
