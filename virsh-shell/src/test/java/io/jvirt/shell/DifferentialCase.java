package io.jvirt.shell;

import java.util.List;
import java.util.Map;

/**
 * One script run through both virsh and jvirsh: the arguments after the program name, what
 * stdin holds (null: nothing), environment variables to set (an editor, say), and, when the
 * two are known to differ for a reason outside the shell, that reason (the case is then
 * reported, not failed).
 */
record DifferentialCase(String name, List<String> args, String stdin, Map<String, String> env,
        String knownDifference) {

    static DifferentialCase of(String name, String... args) {
        return new DifferentialCase(name, List.of(args), null, Map.of(), null);
    }

    /** The script through {@code -c test:///default 'SCRIPT'}. */
    static DifferentialCase script(String name, String script) {
        return of(name, "-c", "test:///default", script);
    }

    DifferentialCase withStdin(String input) {
        return new DifferentialCase(name, args, input, env, knownDifference);
    }

    /** The same case with environment variable {@code variable} set for both programs. */
    DifferentialCase withEnv(String variable, String value) {
        Map<String, String> more = new java.util.HashMap<>(env);
        more.put(variable, value);
        return new DifferentialCase(name, args, stdin, Map.copyOf(more), knownDifference);
    }

    DifferentialCase knownToDiffer(String reason) {
        return new DifferentialCase(name, args, stdin, env, reason);
    }
}
