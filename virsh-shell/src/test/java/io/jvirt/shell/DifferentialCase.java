package io.jvirt.shell;

import java.util.List;

/**
 * One script run through both virsh and jvirsh: the arguments after the program name, what
 * stdin holds (null: nothing), and, when the two are known to differ for a reason outside the
 * shell, that reason (the case is then reported, not failed).
 */
record DifferentialCase(String name, List<String> args, String stdin, String knownDifference) {

    static DifferentialCase of(String name, String... args) {
        return new DifferentialCase(name, List.of(args), null, null);
    }

    /** The script through {@code -c test:///default 'SCRIPT'}. */
    static DifferentialCase script(String name, String script) {
        return of(name, "-c", "test:///default", script);
    }

    DifferentialCase withStdin(String input) {
        return new DifferentialCase(name, args, input, knownDifference);
    }

    DifferentialCase knownToDiffer(String reason) {
        return new DifferentialCase(name, args, stdin, reason);
    }
}
