package io.jvirt.shell;

import java.util.ArrayList;
import java.util.List;

/** A command with the options the parser gave it, in the order they were given. */
record ParsedCommand(CommandSpec spec, List<Value> values) {

    /** An option and its word (null for a boolean option). */
    record Value(OptionSpec option, String text) {
    }

    ParsedCommand {
        values = List.copyOf(values);
    }

    /** The first value given to {@code name}, or null. */
    Value find(String name) {
        for (Value v : values) {
            if (v.option().name().equals(name)) {
                return v;
            }
        }
        return null;
    }

    /** Every word given to the ARGV option {@code name}, in order. */
    List<String> all(String name) {
        List<String> out = new ArrayList<>();
        for (Value v : values) {
            if (v.option().name().equals(name)) {
                out.add(v.text());
            }
        }
        return out;
    }
}
