package io.jvirt.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jvirt.Virt;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import org.junit.jupiter.api.Test;

/**
 * Admission control end to end: jvirsh on the real test driver, opened with
 * {@code ?admission=strict}. test:///default is a 16-CPU, 3 GiB host whose domain 'test' may
 * hold 8 GiB, so a strict connection refuses to start it again; the default one does not.
 */
class AdmissionShellTest {

    private static ShellRunner.Result jvirsh(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ShellIo io = new ShellIo(new ByteArrayInputStream(new byte[0]), out, err, new HashMap<>(),
                Path.of("").toAbsolutePath(), false);
        int status = Jvirsh.run(args, io, Virt::open);
        return new ShellRunner.Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void strictConnectionRefusesAStartThatOvercommitsAndChangesNothing() {
        ShellRunner.Result r = jvirsh("-c", "test:///default?instance=admission-strict&admission=strict",
                "destroy test; start test; domstate test");
        assertEquals("error: Failed to start domain 'test'\n"
                + "error: Requested operation is not valid: admission control refuses to start domain 'test': memory:"
                + " 8 GiB for 'test' + 0 B of 0 running domains + 1 × 32 MiB overhead + 512 MiB reserve = 8736 MiB,"
                + " over the host's 3 GiB\n", r.err());
        assertEquals("Domain 'test' destroyed\n\n\nshut off\n\n", r.out());
    }

    @Test
    void aDomainThatFitsStarts() {
        ShellRunner.Result r = jvirsh("-c", "test:///default?instance=admission-fits&admission=strict",
                "destroy test; setmaxmem test 1G --config; start test; domstate test");
        assertEquals("", r.err());
        assertEquals(0, r.status());
        assertEquals("Domain 'test' destroyed\n\n\nDomain 'test' started\n\nrunning\n\n", r.out());
    }

    @Test
    void byDefaultNothingIsChecked() {
        ShellRunner.Result r = jvirsh("-c", "test:///default?instance=admission-none", "destroy test; start test");
        assertEquals(0, r.status(), r.err());
        assertEquals("Domain 'test' destroyed\n\nDomain 'test' started\n\n", r.out());
    }
}
