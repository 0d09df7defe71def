package io.jvirt.shell;

import io.jvirt.shell.CommandLineTokenizer.Kind;
import io.jvirt.shell.CommandLineTokenizer.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns words into commands with their options, following virsh's {@code vshCommandParse}: the
 * first word names the command; {@code --opt value}, {@code --opt=value} and bare words (which
 * fill the positional options in declaration order) may come in any order; {@code --} makes
 * every later word data; {@code --help} turns any command into {@code help CMD}. Errors carry
 * virsh's wording and stop the whole parse, so nothing of a bad line runs.
 *
 * <p>Hand-written rather than picocli: picocli cannot reproduce virsh's messages ("command 'x'
 * doesn't support option --y", "unexpected data 'x'"), its positional rules (an optional
 * {@code --mode} of {@code shutdown} may be filled by a bare word) or its {@code ;}-separated
 * batches.
 */
final class CommandParser {

    /** Where the parser reports. */
    interface Listener {
        /** A parse error, printed by virsh as {@code error: <message>}. */
        void error(String message);

        /** virsh's debug trace of each option (shown with {@code -d 0} or {@code -d 1}). */
        default void debug(String message) {
        }
    }

    /** The parse failed; the listener has been told why. */
    static final class ParseFailure extends Exception {
        private static final long serialVersionUID = 1L;

        ParseFailure() {
            super(null, null, false, false);
        }
    }

    private static final OptionSpec HELP_OPTION = OptionSpec.bool("help", "print help for this function");

    private final CommandTable table;
    private final Listener listener;

    CommandParser(CommandTable table, Listener listener) {
        this.table = table;
        this.listener = listener;
    }

    /** Parses a command string ({@code "list --all; dominfo test"}). */
    List<ParsedCommand> parseString(String line) throws ParseFailure {
        if (line == null || line.isEmpty()) {
            throw new ParseFailure();
        }
        return parse(CommandLineTokenizer.ofString(line));
    }

    /** Parses one command given as separate words, as on virsh's command line. */
    List<ParsedCommand> parseArgv(List<String> words) throws ParseFailure {
        if (words.isEmpty()) {
            throw new ParseFailure();
        }
        return parse(CommandLineTokenizer.ofArgv(words));
    }

    private List<ParsedCommand> parse(CommandLineTokenizer tokens) throws ParseFailure {
        List<ParsedCommand> out = new ArrayList<>();
        while (true) {
            CommandSpec cmd = null;
            List<ParsedCommand.Value> values = new ArrayList<>();
            boolean dataOnly = false;
            long needArg = 0;
            long required = 0;
            long seen = 0;
            Token tk;
            while (true) {
                tk = tokens.next(true);
                if (tk.kind() == Kind.ERROR) {
                    fail(tk.text());
                }
                if (tk.kind() != Kind.ARG) {
                    break;
                }
                String word = tk.text();
                OptionSpec opt;
                String value = null;
                if (cmd == null) {
                    if (word.startsWith("#")) {
                        do {
                            tk = tokens.next(false);
                        } while (tk.kind() == Kind.ARG);
                        break;
                    }
                    cmd = table.find(word);
                    if (cmd == null) {
                        fail("unknown command: '" + word + "'");
                    }
                    List<OptionSpec> options = cmd.options();
                    for (int i = 0; i < options.size(); i++) {
                        OptionSpec o = options.get(i);
                        if (o.positional()) {
                            needArg |= 1L << i;
                        }
                        if (o.required()) {
                            required |= 1L << i;
                        }
                    }
                    continue;
                } else if (!dataOnly && word.length() > 2 && word.startsWith("--")
                        && isAsciiAlnum(word.charAt(2))) {
                    String name = word.substring(2);
                    String inline = null;
                    int eq = name.indexOf('=');
                    if (eq >= 0) {
                        inline = name.substring(eq + 1);
                        name = name.substring(0, eq);
                    }
                    String[] inlineHolder = {inline};
                    int index = -1;
                    if (name.equals(HELP_OPTION.name())) {
                        opt = HELP_OPTION;
                    } else {
                        opt = null;
                        List<OptionSpec> options = cmd.options();
                        for (int i = 0; i < options.size(); i++) {
                            OptionSpec o = options.get(i);
                            if (!o.name().equals(name)) {
                                continue;
                            }
                            if (o.type() == OptionType.ALIAS) {
                                String target = o.help();
                                int teq = target.indexOf('=');
                                if (teq >= 0) {
                                    if (inlineHolder[0] != null) {
                                        fail("invalid '=' after option --" + o.name());
                                    }
                                    inlineHolder[0] = target.substring(teq + 1);
                                    target = target.substring(0, teq);
                                }
                                name = target;
                                continue;
                            }
                            if ((seen & (1L << i)) != 0 && o.type() != OptionType.ARGV) {
                                fail("option --" + name + " already seen");
                            }
                            seen |= 1L << i;
                            index = i;
                            opt = o;
                            break;
                        }
                        if (opt == null) {
                            if (cmd.name().equals("help")) {
                                continue;
                            }
                            fail("command '" + cmd.name() + "' doesn't support option --" + name);
                        }
                    }
                    inline = inlineHolder[0];
                    if (opt.type() != OptionType.BOOL) {
                        if (inline != null) {
                            value = inline;
                        } else {
                            tk = tokens.next(true);
                            if (tk.kind() == Kind.ERROR) {
                                fail(tk.text());
                            }
                            if (tk.kind() != Kind.ARG) {
                                fail("expected syntax: --" + opt.name() + " <"
                                        + (opt.type() == OptionType.INT ? "number" : "string") + ">");
                            }
                            value = tk.text();
                        }
                        if (opt.type() != OptionType.ARGV && index >= 0) {
                            needArg &= ~(1L << index);
                        }
                    } else if (inline != null) {
                        fail("invalid '=' after option --" + opt.name());
                    }
                } else if (!dataOnly && word.equals("--")) {
                    dataOnly = true;
                    continue;
                } else {
                    opt = null;
                    if (needArg != 0) {
                        int i = Long.numberOfTrailingZeros(needArg);
                        opt = cmd.options().get(i);
                        if (opt.type() != OptionType.ARGV) {
                            needArg &= ~(1L << i);
                        }
                        seen |= 1L << i;
                    }
                    if (opt == null) {
                        if (cmd.name().equals("help")) {
                            continue;
                        }
                        fail("unexpected data '" + word + "'");
                    }
                    value = word;
                }
                values.add(new ParsedCommand.Value(opt, value));
                listener.debug(cmd.name() + ": " + opt.name() + "("
                        + (opt.type() != OptionType.BOOL ? "optdata" : "bool") + "): "
                        + (opt.type() != OptionType.BOOL ? value : "(none)") + "\n");
            }
            if (cmd != null) {
                if (values.stream().anyMatch(v -> v.option() == HELP_OPTION)) {
                    CommandSpec help = table.find("help");
                    values = List.of(new ParsedCommand.Value(help.option("command"), cmd.name()));
                    cmd = help;
                    required = 0;
                    seen = 0;
                }
                long missing = required & ~seen;
                if (missing != 0) {
                    for (int i = 0; i < cmd.options().size(); i++) {
                        if ((missing & (1L << i)) != 0) {
                            OptionSpec o = cmd.options().get(i);
                            listener.error(o.type() == OptionType.DATA || o.type() == OptionType.ARGV
                                    ? "command '" + cmd.name() + "' requires <" + o.name() + "> option"
                                    : "command '" + cmd.name() + "' requires --" + o.name() + " option");
                        }
                    }
                    throw new ParseFailure();
                }
                out.add(new ParsedCommand(cmd, values));
            }
            if (tk.kind() == Kind.END) {
                break;
            }
        }
        return out;
    }

    private void fail(String message) throws ParseFailure {
        if (message != null) {
            listener.error(message);
        }
        throw new ParseFailure();
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
