package io.jvirt.driver.xen;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** Programs of the host that integration tests run, found on PATH. */
public final class HostTools {
    private HostTools() {
    }

    /** The executable's path, or null if no PATH entry has it. */
    public static Path find(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(d, tool);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /**
     * Skips the calling test class loudly when one of the tools is missing; under {@code CI=true}
     * fails it instead, so that CI never passes by skipping.
     */
    public static void require(List<String> tools, String debianPackage) {
        List<String> missing = tools.stream().filter(t -> find(t) == null).toList();
        if (missing.isEmpty()) {
            return;
        }
        String message = "MISSING PREREQUISITE: " + missing + " (apt-get install " + debianPackage + ")";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message + " (required because CI=true)");
        }
        System.err.println("*** SKIPPED: " + message + " ***");
        Assumptions.abort(message);
    }
}
