package io.jvirt.shell;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** All commands by group, in virsh's order, and lookup by name or help keyword. */
final class CommandTable {
    private final Map<CommandGroup, List<CommandSpec>> groups;
    private final Map<String, CommandSpec> byName = new HashMap<>();

    CommandTable(Map<CommandGroup, List<CommandSpec>> groups) {
        this.groups = Collections.unmodifiableMap(new EnumMap<>(groups));
        for (List<CommandSpec> commands : groups.values()) {
            for (CommandSpec c : commands) {
                byName.putIfAbsent(c.name(), c);
            }
        }
    }

    /** jvirsh's commands. */
    static CommandTable standard() {
        Map<CommandGroup, List<CommandSpec>> g = new EnumMap<>(CommandGroup.class);
        g.put(CommandGroup.DOMAIN, DomainCommands.commands());
        g.put(CommandGroup.MONITOR, DomainMonitorCommands.commands());
        g.put(CommandGroup.EVENTS, DomainEventCommands.commands());
        g.put(CommandGroup.HOST, HostCommands.commands());
        g.put(CommandGroup.INTERFACE, InterfaceCommands.commands());
        g.put(CommandGroup.NETWORK, NetworkCommands.commands());
        g.put(CommandGroup.POOL, PoolCommands.commands());
        g.put(CommandGroup.VOLUME, VolumeCommands.commands());
        g.put(CommandGroup.CAPACITY, PlanCommands.commands());
        g.put(CommandGroup.VIRSH, ShellCommands.commands());
        return new CommandTable(g);
    }

    /** The command called {@code name}, or null. */
    CommandSpec find(String name) {
        return byName.get(name);
    }

    /** The group whose title or help keyword is {@code name}, or null. */
    CommandGroup findGroup(String name) {
        for (CommandGroup g : groups.keySet()) {
            if (g.title().equals(name) || g.keyword().equals(name)) {
                return g;
            }
        }
        return null;
    }

    /** Groups in order with their commands. */
    Map<CommandGroup, List<CommandSpec>> groups() {
        return groups;
    }
}
