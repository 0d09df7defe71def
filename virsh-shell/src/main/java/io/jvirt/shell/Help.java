package io.jvirt.shell;

import java.util.List;
import java.util.Map;

/** virsh's help layouts: all groups, one group, one command (NAME, SYNOPSIS, DESCRIPTION, OPTIONS), and {@code -h}. */
final class Help {
    private Help() {
    }

    /** {@code help}: every group with its commands. */
    static String all(CommandTable table) {
        StringBuilder out = new StringBuilder("Grouped commands:\n\n");
        for (Map.Entry<CommandGroup, List<CommandSpec>> g : table.groups().entrySet()) {
            out.append(' ').append(g.getKey().title()).append(" (help keyword '").append(g.getKey().keyword())
                    .append("'):\n");
            lines(out, g.getValue());
            out.append('\n');
        }
        return out.toString();
    }

    /** {@code help KEYWORD}. */
    static String group(CommandTable table, CommandGroup group) {
        StringBuilder out = new StringBuilder();
        out.append(' ').append(group.title()).append(" (help keyword '").append(group.keyword()).append("'):\n");
        lines(out, table.groups().get(group));
        return out.toString();
    }

    private static void lines(StringBuilder out, List<CommandSpec> commands) {
        for (CommandSpec c : commands) {
            if (!c.hidden()) {
                out.append("    ").append(Text.left(c.name(), 30)).append(' ').append(c.help()).append('\n');
            }
        }
    }

    /** {@code help COMMAND} (and {@code COMMAND --help}). */
    static String command(CommandSpec def) {
        StringBuilder out = new StringBuilder();
        out.append("  NAME\n    ").append(def.name()).append(" - ").append(def.help()).append('\n');
        out.append("\n  SYNOPSIS\n    ").append(def.name());
        boolean shortopt = false;
        for (OptionSpec o : def.options()) {
            String s;
            switch (o.type()) {
                case BOOL -> s = "[--" + o.name() + "]";
                case INT -> {
                    s = o.required() ? "<" + o.name() + ">" : "[--" + o.name() + " <number>]";
                    shortopt |= !o.named();
                }
                case STRING -> {
                    s = "[--" + o.name() + " <string>]";
                    shortopt |= !o.named();
                }
                case DATA -> {
                    s = o.required() ? "<" + o.name() + ">" : "[<" + o.name() + ">]";
                    shortopt |= !o.named();
                }
                case ARGV -> s = shortopt
                        ? (o.required() ? "{[--" + o.name() + "] <string>}..." : "[[--" + o.name() + "] <string>]...")
                        : (o.required() ? "<" + o.name() + ">..." : "[<" + o.name() + ">]...");
                default -> s = null;
            }
            if (s != null) {
                out.append(' ').append(s);
            }
        }
        out.append('\n');
        if (def.desc() != null && !def.desc().isEmpty()) {
            out.append("\n  DESCRIPTION\n    ").append(def.desc()).append('\n');
        }
        if (!def.options().isEmpty()) {
            out.append("\n  OPTIONS\n");
            for (OptionSpec o : def.options()) {
                String buf;
                switch (o.type()) {
                    case BOOL -> buf = "--" + o.name();
                    case INT -> buf = o.required() ? "[--" + o.name() + "] <number>" : "--" + o.name() + " <number>";
                    case STRING -> buf = "--" + o.name() + " <string>";
                    case DATA -> buf = "[--" + o.name() + "] <string>";
                    case ARGV -> buf = shortopt ? "[--" + o.name() + "] <string>" : "<" + o.name() + ">";
                    default -> buf = null;
                }
                if (buf != null) {
                    out.append("    ").append(Text.left(buf, 15)).append("  ").append(o.help()).append('\n');
                }
            }
        }
        out.append('\n');
        return out.toString();
    }

    /** {@code jvirsh -h}. */
    static String usage(CommandTable table, String progname) {
        StringBuilder out = new StringBuilder();
        out.append('\n').append(progname).append(" [options]... [<command_string>]")
                .append('\n').append(progname).append(" [options]... <command> [args...]\n\n")
                .append("  options:\n")
                .append("    -c | --connect=URI      hypervisor connection URI\n")
                .append("    -d | --debug=NUM        debug level [0-4]\n")
                .append("    -e | --escape <char>    set escape sequence for console\n")
                .append("    -h | --help             this help\n")
                .append("    -k | --keepalive-interval=NUM\n")
                .append("                            keepalive interval in seconds, 0 for disable\n")
                .append("    -K | --keepalive-count=NUM\n")
                .append("                            number of possible missed keepalive messages\n")
                .append("    -l | --log=FILE         output logging to file\n")
                .append("    -q | --quiet            quiet mode\n")
                .append("    -r | --readonly         connect readonly\n")
                .append("    -t | --timing           print timing information\n")
                .append("    -v                      short version\n")
                .append("    -V                      long version\n")
                .append("         --version[=TYPE]   version, TYPE is short or long (default short)\n")
                .append("  commands (non interactive mode):\n\n");
        for (Map.Entry<CommandGroup, List<CommandSpec>> g : table.groups().entrySet()) {
            out.append(' ').append(g.getKey().title()).append(" (help keyword '").append(g.getKey().keyword())
                    .append("')\n");
            lines(out, g.getValue());
            out.append('\n');
        }
        out.append("\n  (specify help <group> for details about the commands in the group)\n");
        out.append("\n  (specify help <command> for details about the command)\n\n");
        return out.toString();
    }
}
