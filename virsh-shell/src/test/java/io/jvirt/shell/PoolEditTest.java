package io.jvirt.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.Connection;
import io.jvirt.Virt;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code pool-edit} on the test driver with scripted editors: virsh-edit.c's outcomes. */
class PoolEditTest {
    private static ShellRunner.Result edit(String editor, String... args) {
        try (Connection conn = Virt.open("test:///default?instance=" + UUID.randomUUID())) {
            return ShellRunner.run("", conn, Map.of("EDITOR", editor), args);
        }
    }

    @Test
    void anInactivePoolTakesTheEditedDefinition() {
        ShellRunner.Result r = edit("sed -i -e s,/default-pool,/moved,",
                "pool-destroy default-pool; pool-edit default-pool; pool-dumpxml default-pool --xpath //path");
        assertEquals("Pool default-pool destroyed\n\nPool default-pool XML configuration edited.\n\n"
                + "<path>/moved</path>\n\n", r.out());
        assertEquals(0, r.status());
    }

    @Test
    void aFailingEditorIsLibvirtsChildProcessError() {
        ShellRunner.Result direct = edit("false", "pool-edit default-pool");
        assertTrue(direct.err().matches("error: internal error: Child process \\(false /\\S+\\.xml\\) "
                + "unexpected exit status 1\n"), direct.err());
        assertEquals(1, direct.status());
        ShellRunner.Result viaShell = edit("exit 3;", "pool-edit default-pool");
        assertTrue(viaShell.err().matches("error: internal error: Child process \\(sh -c 'exit 3; /\\S+\\.xml'\\) "
                + "unexpected exit status 3\n"), viaShell.err());
    }

    @Test
    void aRefusedDefinitionWithoutATerminalIsReportedAndTheCommandGoesOn() {
        ShellRunner.Result r = edit("sed -i s,default-pool,other,g", "pool-edit default-pool");
        assertEquals("error: Failed.\n", r.err());
        assertEquals("Pool (null) XML configuration edited.\n\n", r.out());
        assertEquals(0, r.status());
    }
}
