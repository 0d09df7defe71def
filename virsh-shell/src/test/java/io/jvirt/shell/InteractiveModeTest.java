package io.jvirt.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.jvirt.ConnectUri;
import io.jvirt.Connection;
import io.jvirt.Domain;
import io.jvirt.ListDomainsFlag;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interactive mode over a real JLine LineReader on a dumb terminal fed from a byte stream
 * (as JLine's own tests do), and over a pipe as readline behaves there.
 */
class InteractiveModeTest {
    @TempDir
    Path tmp;

    private Connection conn;
    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();

    @BeforeEach
    void connection() {
        conn = mock(Connection.class);
        when(conn.isAlive()).thenReturn(true);
        when(conn.uri()).thenReturn(ConnectUri.parse("test:///default"));
        when(conn.hostname()).thenReturn("vm");
        Domain test = mock(Domain.class);
        when(test.name()).thenReturn("test");
        when(test.id()).thenReturn(41);
        when(conn.lookupDomainByName("test")).thenReturn(test);
        when(conn.listAllDomains(any(ListDomainsFlag[].class))).thenReturn(List.of(test));
    }

    /** Runs the interactive loop over JLine with {@code typed} as the keyboard; returns what the screen showed. */
    private String jline(String typed, Path history, String... options) throws IOException {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        ShellIo io = new ShellIo(new ByteArrayInputStream(new byte[0]), screen, errors,
                Map.of("XDG_CACHE_HOME", tmp.toString()), tmp, true);
        Shell shell = new Shell(io, CommandTable.standard(), (uri, o) -> conn);
        for (String o : options) {
            if (o.equals("-q")) {
                shell.quiet = true;
            }
            if (o.equals("-r")) {
                shell.readOnly = true;
            }
        }
        shell.imode = true;
        Terminal terminal = new DumbTerminal("test", "xterm",
                new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), screen, StandardCharsets.UTF_8);
        // A sized terminal of a known type, so JLine edits (and completes) as on a real one.
        terminal.setSize(new Size(160, 40));
        try (LineSource lines = new JLineSource(terminal, shell, history)) {
            InteractiveShell.run(shell, lines);
        }
        shell.close();
        return screen.toString(StandardCharsets.UTF_8);
    }

    @Test
    void bannerPromptsAndCommandOutput() throws IOException {
        String screen = jline("uri\nquit\n", null);
        assertTrue(screen.startsWith("Welcome to jvirsh, the virtualization interactive terminal.\n\n"
                + "Type:  'help' for help with commands\n       'quit' to quit\n\n"), screen);
        assertTrue(screen.contains("jvirsh # "), screen);
        assertTrue(screen.contains("test:///default\n\n"), screen);
    }

    @Test
    void readOnlyPromptAndQuietMode() throws IOException {
        String screen = jline("hostname\n", null, "-q", "-r");
        assertTrue(screen.contains("jvirsh > hostname"), screen);
        assertTrue(screen.contains("vm\n"), screen);
        assertTrue(!screen.contains("Welcome"), screen);
    }

    @Test
    void endOfInputEndsTheSessionLikeQuit() throws IOException {
        String screen = jline("hostname\n", null, "-q");
        assertTrue(screen.endsWith("\n"), screen);
        assertEquals(1, count(screen, "vm\n"));
    }

    @Test
    void linesAfterQuitAreNotRun() throws IOException {
        String screen = jline("quit\nhostname\n", null, "-q");
        assertEquals(0, count(screen, "vm"));
    }

    @Test
    void tabCompletesCommandNamesAndLiveDomainNames() throws IOException {
        // "hostn<TAB>" completes to "hostname "; "domstate te<TAB>" to the domain called test.
        String screen = jline("uri\nhostn\t\ndomid te\t\n", null, "-q");
        assertEquals(1, count(screen, "vm\n"), screen);
        assertEquals(1, count(screen, "41\n"), screen);
        assertEquals("", errors.toString(StandardCharsets.UTF_8));
    }

    @Test
    void historyIsSavedUnderTheCacheDirectory() throws IOException {
        Path history = JLineSource.historyPath(new ShellIo(null, null, null,
                Map.of("XDG_CACHE_HOME", tmp.toString()), tmp, true));
        assertEquals(tmp.resolve("jvirsh").resolve("history"), history);
        jline("hostname\nuri\n", history, "-q");
        List<String> lines = Files.readAllLines(history);
        assertEquals(List.of("hostname", "uri"), lines);
    }

    @Test
    void aPipeShowsPromptsAndEchoesLinesAsReadlineDoes() {
        ShellRunner.Result r = ShellRunner.run("uri\n\nhostname", conn, Map.of(), "-q");
        assertEquals("jvirsh # uri\ntest:///default\njvirsh # \njvirsh # hostname\nvm\njvirsh # \n", r.out());
        assertEquals(0, r.status());
    }

    @Test
    void aPipedSessionPrintsErrorsAndStillExitsZero() {
        ShellRunner.Result r = ShellRunner.run("dominfo\nnosuch\nquit\nuri\n", conn, Map.of(), "-q");
        assertEquals("jvirsh # dominfo\njvirsh # nosuch\njvirsh # quit\n\n", r.out());
        assertEquals("error: command 'dominfo' requires <domain> option\nerror: unknown command: 'nosuch'\n", r.err());
        assertEquals(0, r.status());
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
