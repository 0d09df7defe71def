package io.jvirt.shell;

import io.jvirt.Connection;
import io.jvirt.Domain;
import io.jvirt.HostInterface;
import io.jvirt.Network;
import io.jvirt.StoragePool;
import io.jvirt.StorageVolume;
import io.jvirt.VirtException;
import io.jvirt.shell.CommandLineTokenizer.Kind;
import io.jvirt.shell.CommandLineTokenizer.Token;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tab completion as virsh's {@code vshReadlineParse} does it: parse the line up to the cursor
 * leniently; with no command yet, offer command names; when the word under the cursor fills an
 * option that has a completer, offer its values (domain, network, pool, volume and interface
 * names, shutdown modes, event names, files); otherwise offer the {@code --options} not given
 * yet. Used by the JLine completer and the hidden {@code complete} command. Never connects: it
 * asks only a connection that is already open.
 */
final class CompletionEngine {
    /** readline's word-break characters as virsh sets them. */
    private static final String BREAKS = " \t\n`@$><=;|&{(";
    private static final List<String> SHUTDOWN_MODES = List.of("acpi", "agent", "initctl", "signal", "paravirt");

    private final Shell shell;

    CompletionEngine(Shell shell) {
        this.shell = shell;
    }

    /**
     * The result: the raw text being completed starts at {@code wordStart}; {@code word} is it
     * without a leading quote; {@code quoted} when the user opened a quote (then candidates are
     * not escaped).
     */
    record Result(int wordStart, String word, boolean quoted, List<String> candidates) {
    }

    /** Completes {@code line} at {@code cursor}. */
    Result complete(String line, int cursor) {
        String before = line.substring(0, cursor);
        int start = wordStart(before);
        String text = before.substring(start);
        boolean quoted = !text.isEmpty() && (text.charAt(0) == '"' || text.charAt(0) == '\'');
        if (quoted) {
            text = text.substring(1);
        }
        return new Result(start, text, quoted, matches(before, text, quoted));
    }

    /**
     * The candidates for the word {@code text} at the end of {@code line}: escaped (blanks
     * get a backslash) unless the word opened a quote, and starting with {@code text}.
     */
    List<String> matches(String line, String text, boolean quoted) {
        List<String> out = new ArrayList<>();
        for (String c : candidates(line, text)) {
            String v = quoted ? c : c.replace(" ", "\\ ");
            if (v.startsWith(text)) {
                out.add(v);
            }
        }
        return out;
    }

    /** Where readline's current word starts: after the last unquoted break character. */
    static int wordStart(String s) {
        int start = 0;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && quote != '\'') {
                i++;
                continue;
            }
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '"' || c == '\'') {
                quote = c;
                start = i;
                continue;
            }
            if (BREAKS.indexOf(c) >= 0) {
                start = i + 1;
            }
        }
        return start;
    }

    private List<String> candidates(String line, String text) {
        Partial partial = parsePartial(line);
        CommandSpec cmd = partial == null ? null : partial.cmd;
        if (cmd != null && cmd.name().equals(text)) {
            cmd = null;
        }
        OptionSpec opt = partial == null ? null : partial.completing;
        if (cmd == null) {
            return commandNames();
        }
        if (opt == null || opt.type() == OptionType.BOOL) {
            List<String> out = new ArrayList<>();
            for (OptionSpec o : cmd.options()) {
                if (o.type() == OptionType.ALIAS) {
                    continue;
                }
                boolean given = partial.values.stream()
                        .anyMatch(v -> v.option().name().equals(o.name()) && o.type() != OptionType.ARGV);
                if (!given) {
                    out.add("--" + o.name());
                }
            }
            return out;
        }
        return values(opt.completion(), partial, text);
    }

    /** Command names, in help order, without hidden ones. */
    List<String> commandNames() {
        List<String> out = new ArrayList<>();
        for (Map.Entry<CommandGroup, List<CommandSpec>> g : shell.table().groups().entrySet()) {
            for (CommandSpec c : g.getValue()) {
                if (!c.hidden()) {
                    out.add(c.name());
                }
            }
        }
        return out;
    }

    private List<String> values(Completion kind, Partial partial, String text) {
        switch (kind) {
            case COMMAND:
                return commandNames();
            case SHUTDOWN_MODE:
                return SHUTDOWN_MODES;
            case EVENT_NAME:
                return DomainEventCommands.EVENT_NAMES;
            case POOL_EVENT_NAME:
                return PoolEventCommand.EVENT_NAMES;
            case FILE:
                return files(text);
            default:
                break;
        }
        Connection conn = shell.connectionIfOpen();
        if (conn == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        try {
            switch (kind) {
                case DOMAIN -> {
                    for (Domain d : conn.listAllDomains()) {
                        out.add(d.name());
                    }
                }
                case NETWORK -> {
                    for (Network n : conn.listAllNetworks()) {
                        out.add(n.name());
                    }
                }
                case POOL -> {
                    for (StoragePool p : conn.listAllStoragePools()) {
                        out.add(p.name());
                    }
                }
                case INTERFACE -> {
                    for (HostInterface i : conn.listAllInterfaces()) {
                        out.add(i.name());
                    }
                }
                case VOLUME -> {
                    ParsedCommand.Value pool = partial.values.stream()
                            .filter(v -> v.option().name().equals("pool")).findFirst().orElse(null);
                    if (pool != null && pool.text() != null) {
                        for (StorageVolume v : conn.lookupStoragePoolByName(pool.text()).listAllVolumes()) {
                            out.add(v.name());
                        }
                    }
                }
                default -> {
                }
            }
        } catch (VirtException e) {
            return List.of();
        }
        return out;
    }

    /** Files and directories under the shell's directory starting with {@code text}. */
    private List<String> files(String text) {
        int slash = text.lastIndexOf('/');
        String dirPart = slash >= 0 ? text.substring(0, slash + 1) : "";
        Path dir = shell.resolve(dirPart.isEmpty() ? "." : dirPart);
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = dirPart + p.getFileName();
                out.add(Files.isDirectory(p) ? name + "/" : name);
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        out.sort(null);
        return out;
    }

    /** The command being typed, its options so far and the option the cursor's word fills. */
    private static final class Partial {
        CommandSpec cmd;
        List<ParsedCommand.Value> values = new ArrayList<>();
        OptionSpec completing;
    }

    /** vshCommandParse in its lenient mode: errors end the parse but keep what was read. */
    private Partial parsePartial(String line) {
        CommandLineTokenizer tokens = CommandLineTokenizer.ofString(line);
        int point = line.length();
        Partial partial = null;
        while (true) {
            Partial p = new Partial();
            partial = p;
            long needArg = 0;
            long seen = 0;
            boolean dataOnly = false;
            Token tk;
            while (true) {
                tk = tokens.next(false);
                if (tk.kind() == Kind.ERROR) {
                    return p;
                }
                if (tk.kind() != Kind.ARG) {
                    break;
                }
                String word = tk.text();
                OptionSpec opt = null;
                String value = null;
                if (p.cmd == null) {
                    if (word.startsWith("#")) {
                        do {
                            tk = tokens.next(false);
                        } while (tk.kind() == Kind.ARG);
                        break;
                    }
                    p.cmd = shell.table().find(word);
                    if (p.cmd == null) {
                        return p;
                    }
                    for (int i = 0; i < p.cmd.options().size(); i++) {
                        if (p.cmd.options().get(i).positional()) {
                            needArg |= 1L << i;
                        }
                    }
                    continue;
                } else if (!dataOnly && word.length() > 2 && word.startsWith("--")
                        && Character.isLetterOrDigit(word.charAt(2)) && word.charAt(2) < 128) {
                    String name = word.substring(2);
                    String inline = null;
                    int eq = name.indexOf('=');
                    if (eq >= 0) {
                        inline = name.substring(eq + 1);
                        name = name.substring(0, eq);
                    }
                    int index = -1;
                    List<OptionSpec> options = p.cmd.options();
                    for (int i = 0; i < options.size(); i++) {
                        OptionSpec o = options.get(i);
                        if (!o.name().equals(name)) {
                            continue;
                        }
                        if (o.type() == OptionType.ALIAS) {
                            String target = o.help();
                            int teq = target.indexOf('=');
                            if (teq >= 0) {
                                if (inline != null) {
                                    return p;
                                }
                                inline = target.substring(teq + 1);
                                target = target.substring(0, teq);
                            }
                            name = target;
                            continue;
                        }
                        if ((seen & (1L << i)) != 0 && o.type() != OptionType.ARGV) {
                            return p;
                        }
                        seen |= 1L << i;
                        index = i;
                        opt = o;
                        break;
                    }
                    if (opt == null) {
                        if (p.cmd.name().equals("help")) {
                            continue;
                        }
                        return p;
                    }
                    if (opt.type() != OptionType.BOOL) {
                        if (inline != null) {
                            value = inline;
                        } else {
                            int optionEnd = tk.end();
                            tk = tokens.next(false);
                            if (tk.kind() != Kind.ARG) {
                                // "--mode " with the cursor after the blank: complete the value.
                                if (optionEnd == point - 1) {
                                    p.completing = opt;
                                }
                                p.values.add(new ParsedCommand.Value(opt, null));
                                return p;
                            }
                            value = tk.text();
                        }
                        if (opt.type() != OptionType.ARGV) {
                            needArg &= ~(1L << index);
                        }
                    } else if (inline != null) {
                        return p;
                    }
                } else if (!dataOnly && word.equals("--")) {
                    dataOnly = true;
                    continue;
                } else {
                    if (needArg != 0) {
                        int i = Long.numberOfTrailingZeros(needArg);
                        opt = p.cmd.options().get(i);
                        if (opt.type() != OptionType.ARGV) {
                            needArg &= ~(1L << i);
                        }
                        seen |= 1L << i;
                    }
                    if (opt == null) {
                        if (p.cmd.name().equals("help")) {
                            continue;
                        }
                        return p;
                    }
                    value = word;
                }
                p.values.add(new ParsedCommand.Value(opt, value));
                if (tk.end() == point) {
                    p.completing = opt;
                }
            }
            if (tk.kind() == Kind.END) {
                return partial;
            }
        }
    }
}
