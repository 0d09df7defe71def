package io.jvirt.shell;

import io.jvirt.Connection;
import java.util.List;

/**
 * One run of a command: its parsed options and the shell it runs in. The option getters
 * follow virsh's {@code vshCommandOpt*} functions, including their error messages.
 */
final class Invocation {
    private final Shell shell;
    private final ParsedCommand command;

    Invocation(Shell shell, ParsedCommand command) {
        this.shell = shell;
        this.command = command;
    }

    Shell shell() {
        return shell;
    }

    /** The command's name, as virsh's debug lines show it. */
    String name() {
        return command.spec().name();
    }

    ParsedCommand command() {
        return command;
    }

    /** The open connection (the runner connects before calling a command that needs one). */
    Connection conn() {
        return shell.connection();
    }

    /** vshCommandOptBool: whether the option was given. */
    boolean bool(String name) {
        return command.find(name) != null;
    }

    /**
     * vshCommandOptStringReq: the value, or null when absent; an empty value (unless the
     * option allows it) fails with "Failed to get option ...: Option argument is empty".
     */
    String string(String name) {
        ParsedCommand.Value v = command.find(name);
        if (v == null) {
            return null;
        }
        if (v.text().isEmpty() && !v.option().emptyOk()) {
            throw CommandFailure.of("Failed to get option '" + name + "': Option argument is empty");
        }
        return v.text();
    }

    /** The value of a required option (the parser guarantees it is there). */
    String required(String name) {
        String s = string(name);
        if (s == null) {
            throw CommandFailure.of("Failed to get option '" + name + "': Mandatory option not present");
        }
        return s;
    }

    /**
     * vshCommandOptStringQuiet: the value or null; an empty value the option does not allow
     * fails the command without a message.
     */
    String stringQuiet(String name) {
        ParsedCommand.Value v = command.find(name);
        if (v == null) {
            return null;
        }
        if (v.text().isEmpty() && !v.option().emptyOk()) {
            throw CommandFailure.silent();
        }
        return v.text();
    }

    /** Like {@link #stringQuiet} but an empty value counts as absent (virsh's {@code <= 0} tests). */
    String stringOrNull(String name) {
        ParsedCommand.Value v = command.find(name);
        if (v == null || (v.text().isEmpty() && !v.option().emptyOk())) {
            return null;
        }
        return v.text();
    }

    /** vshCommandOptInt: a decimal int, or null when absent. */
    Integer integer(String name) {
        ParsedCommand.Value v = command.find(name);
        if (v == null) {
            return null;
        }
        Integer i = CNumbers.parseInt(v.text());
        if (i == null) {
            throw malformed(v.text(), name);
        }
        return i;
    }

    /** vshCommandOptUInt: an unsigned int without a minus sign, or null when absent. */
    Long unsigned(String name) {
        ParsedCommand.Value v = command.find(name);
        if (v == null) {
            return null;
        }
        Long i = CNumbers.parseUint(v.text());
        if (i == null) {
            throw malformed(v.text(), name);
        }
        return i;
    }

    /** vshCommandOptScaledInt: a size with an optional suffix, {@code scale} for a bare number. */
    Long scaled(String name, long scale, long limit) {
        ParsedCommand.Value v = command.find(name);
        if (v == null) {
            return null;
        }
        try {
            return ScaledSize.parse(v.text(), scale, limit);
        } catch (ScaledSize.Invalid e) {
            throw CommandFailure.of("Scaled numeric value '" + v.text() + "' for <" + name
                    + "> option is malformed or out of range", e.libvirtError());
        }
    }

    /** Every word of an ARGV option. */
    List<String> argv(String name) {
        return command.all(name);
    }

    /** VSH_EXCLUSIVE_OPTIONS: fails when both options were given. */
    void exclusive(String a, String b) {
        exclusive(a, bool(a), b, bool(b));
    }

    /** VSH_EXCLUSIVE_OPTIONS_EXPR. */
    static void exclusive(String a, boolean hasA, String b, boolean hasB) {
        if (hasA && hasB) {
            throw CommandFailure.of("Options --" + a + " and --" + b + " are mutually exclusive");
        }
    }

    /** VSH_REQUIRE_OPTION: {@code b} must come with {@code a}. */
    static void requireOption(String a, boolean hasA, String b, boolean hasB) {
        if (hasA && !hasB) {
            throw CommandFailure.of("Option --" + b + " is required by option --" + a);
        }
    }

    static CommandFailure malformed(String text, String name) {
        return CommandFailure.of("Numeric value '" + text + "' for <" + name
                + "> option is malformed or out of range");
    }

    /** vshPrint. */
    void print(String text) {
        shell.print(text);
    }

    /** vshPrintExtra: suppressed by {@code -q}. */
    void printExtra(String text) {
        shell.printExtra(text);
    }

    /** vshDebug. */
    void debug(int level, String text) {
        shell.debug(level, text);
    }
}
