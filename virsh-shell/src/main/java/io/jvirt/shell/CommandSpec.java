package io.jvirt.shell;

import java.util.List;

/**
 * One command, as virsh's {@code vshCmdDef}: name, one-line help, description, options in
 * virsh's order (which is also the order bare words fill them) and the handler.
 *
 * @param noConnect the command runs without a connection (virsh's VSH_CMD_FLAG_NOCONNECT)
 * @param hidden    left out of help and completion (virsh's VSH_CMD_FLAG_HIDDEN)
 */
record CommandSpec(String name, String help, String desc, Handler handler, List<OptionSpec> options,
        boolean noConnect, boolean hidden) {

    /** Runs a parsed command; false (or a {@link CommandFailure}) means it failed. */
    @FunctionalInterface
    interface Handler {
        boolean run(Invocation inv);
    }

    static CommandSpec cmd(String name, String help, String desc, Handler handler, OptionSpec... options) {
        return new CommandSpec(name, help, desc, handler, List.of(options), false, false);
    }

    /** The same command, runnable without a connection. */
    CommandSpec withoutConnection() {
        return new CommandSpec(name, help, desc, handler, options, true, hidden);
    }

    /** The same command, left out of help and completion. */
    CommandSpec asHidden() {
        return new CommandSpec(name, help, desc, handler, options, noConnect, true);
    }

    /** The option called {@code name}, or null. */
    OptionSpec option(String optionName) {
        for (OptionSpec o : options) {
            if (o.name().equals(optionName)) {
                return o;
            }
        }
        return null;
    }
}
