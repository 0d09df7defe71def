package io.jvirt.driver.kvm;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The host's qemu-system-x86_64 for integration tests. Missing, it skips the test loudly, or
 * fails it when {@code CI=true}: CI must never pass by skipping.
 */
final class InstalledQemu {
    static final Path BINARY = Path.of("/usr/bin/qemu-system-x86_64");

    private InstalledQemu() {
    }

    static Path require() {
        if (!Files.isExecutable(BINARY)) {
            String msg = BINARY + " is missing: install Debian's qemu-system-x86 to run the QEMU"
                    + " integration tests";
            if ("true".equals(System.getenv("CI"))) {
                fail(msg + " (CI=true: failing rather than skipping)");
            }
            System.err.println("SKIPPED: " + msg);
            Assumptions.abort(msg);
        }
        return BINARY;
    }
}
