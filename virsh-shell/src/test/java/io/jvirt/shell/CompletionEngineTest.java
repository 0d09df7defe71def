package io.jvirt.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.jvirt.Connection;
import io.jvirt.Domain;
import io.jvirt.ListDomainsFlag;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Completion as virsh's {@code complete} command answers it (virsh 9.0 outputs). */
class CompletionEngineTest {
    private CompletionEngine engine;

    @BeforeEach
    void engine() {
        Connection conn = mock(Connection.class);
        when(conn.isAlive()).thenReturn(true);
        Domain test = mock(Domain.class);
        when(test.name()).thenReturn("test");
        when(conn.listAllDomains(any(ListDomainsFlag[].class))).thenReturn(List.of(test));
        ShellIo io = new ShellIo(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(),
                new ByteArrayOutputStream(), Map.of(), Path.of("."), false);
        Shell shell = new Shell(io, CommandTable.standard(), (uri, o) -> conn);
        shell.ensureConnected();
        engine = new CompletionEngine(shell);
    }

    private List<String> complete(String line) {
        return engine.complete(line, line.length()).candidates();
    }

    @Test
    void commandNamesWhileTheFirstWordIsTyped() {
        assertEquals(List.of("domname"), complete("domna"));
        assertEquals(List.of("net-start", "net-undefine", "net-uuid").size(),
                complete("net-").stream().filter(c -> c.equals("net-start") || c.equals("net-undefine")
                        || c.equals("net-uuid")).count());
        assertTrue(complete("").contains("list"));
        assertTrue(complete("list; dom").contains("dominfo"));
        assertTrue(!complete("").contains("complete"), "hidden commands are not offered");
    }

    @Test
    void optionsWhenNoValueIsBeingTyped() {
        assertEquals(List.of("--domain"), complete("dominfo "));
        assertEquals(List.of("--all", "--autostart"), complete("list --a"));
        assertEquals(List.of("--transient", "--table", "--title"), complete("list --all --inactive --t"));
        assertEquals(List.of("--domain"), complete("domstate --reason "));
        assertEquals(List.of(), complete("dominfo test "));
    }

    @Test
    void valuesFromTheOptionsCompleter() {
        assertEquals(List.of("test"), complete("dominfo t"));
        assertEquals(List.of("test"), complete("dominfo --domain "));
        assertEquals(List.of("acpi", "agent", "initctl", "signal", "paravirt"), complete("shutdown test --mode "));
        assertEquals(List.of("acpi", "agent"), complete("shutdown test a"));
        assertEquals(List.of("lifecycle"), complete("event --event li"));
        assertEquals(List.of("test"), complete("dominfo --domain=t"));
    }

    @Test
    void theHiddenCompleteCommandPrintsOneCandidatePerLine() {
        Connection conn = mock(Connection.class);
        when(conn.isAlive()).thenReturn(true);
        ShellRunner.Result r = ShellRunner.run(conn, "complete", "--", "shutdown", "test", "--mode", "");
        assertEquals("acpi\nagent\ninitctl\nsignal\nparavirt\n\n", r.out());
    }
}
