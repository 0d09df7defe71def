package io.jvirt.xml;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Test helper for tests that need something from the machine (libvirt's schemas, its source
 * tree): outside CI a missing prerequisite skips the test with a loud message; in CI
 * ({@code CI=true}) it fails the test, so a broken CI image cannot pass silently.
 */
final class HostTools {
    private HostTools() {
    }

    static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Skips (or, in CI, fails) unless {@code available}. */
    static void require(boolean available, String what) {
        if (available) {
            return;
        }
        String message = "MISSING PREREQUISITE: " + what;
        if (inCi()) {
            Assertions.fail(message + " (required because CI=true)");
        }
        System.err.println("*** SKIPPED: " + message + " ***");
        Assumptions.abort(message);
    }
}
