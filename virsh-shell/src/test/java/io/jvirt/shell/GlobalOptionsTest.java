package io.jvirt.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.jvirt.ConnectUri;
import io.jvirt.Connection;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** virsh's own options and modes: getopt's rules, errors and exit statuses. */
class GlobalOptionsTest {
    private Connection conn;

    @BeforeEach
    void connection() {
        conn = mock(Connection.class);
        when(conn.isAlive()).thenReturn(true);
        when(conn.uri()).thenReturn(ConnectUri.parse("test:///default"));
    }

    @Test
    void versionOptionsPrintAndExitAtOnce() {
        for (String[] args : new String[][] {{"-v"}, {"--version"}, {"--version=short"}, {"--version=x"}, {"-v", "--bogus"}}) {
            ShellRunner.Result r = ShellRunner.run(conn, args);
            assertEquals(Jvirsh.version() + "\n", r.out(), String.join(" ", args));
            assertEquals(0, r.status());
        }
        assertTrue(ShellRunner.run(conn, "-V").out().startsWith("jvirsh command line tool of jvirt "));
        assertTrue(ShellRunner.run(conn, "--version=long").out().startsWith("jvirsh command line tool"));
    }

    @Test
    void helpPrintsUsageWithEveryGroup() {
        ShellRunner.Result r = ShellRunner.run(conn, "-h");
        assertEquals(0, r.status());
        assertTrue(r.out().startsWith("\njvirsh [options]... [<command_string>]\n"), r.out());
        assertTrue(r.out().contains(" Storage Volume (help keyword 'volume')\n"), r.out());
        assertTrue(r.out().endsWith("\n  (specify help <command> for details about the command)\n\n"));
    }

    @Test
    void optionErrorsUseGetoptsWording() {
        assertEquals("error: option '-c'/'--connect' requires an argument\n", ShellRunner.run(conn, "-c").err());
        assertEquals("error: unsupported option '--bogus'. See --help.\n", ShellRunner.run(conn, "--bogus").err());
        assertEquals("error: unsupported option '-x'. See --help.\n", ShellRunner.run(conn, "-x").err());
        assertEquals("error: unsupported option '-q'. See --help.\n", ShellRunner.run(conn, "--quiet=1").err());
        assertEquals("error: unsupported option '--keep'. See --help.\n", ShellRunner.run(conn, "--keep", "4").err());
        assertEquals("error: Invalid string 'xx' for escape sequence\n", ShellRunner.run(conn, "-e", "xx", "uri").err());
        assertEquals("error: option --debug takes a numeric argument\n", ShellRunner.run(conn, "--debug=x").err());
        assertEquals("error: Invalid value for option -k\n", ShellRunner.run(conn, "-k", "abc").err());
        assertEquals(1, ShellRunner.run(conn, "-x").status());
    }

    @Test
    void bundledAndAbbreviatedOptionsWork() {
        ShellRunner.Result r = ShellRunner.run(conn, "-qc", "test:///default", "uri");
        assertEquals("test:///default\n", r.out());
        assertEquals("test:///default\n\n", ShellRunner.run(conn, "--conn", "test:///default", "uri").out());
    }

    @Test
    void optionParsingStopsAtTheCommand() {
        ShellRunner.Result r = ShellRunner.run(conn, "echo", "-q", "x");
        assertEquals("-q x\n", r.out());
    }

    @Test
    void oneArgumentIsACommandStringAndItsLastCommandDecidesTheStatus() {
        when(conn.hostname()).thenReturn("vm");
        ShellRunner.Result r = ShellRunner.run(conn, "hostname; dominfo; hostname");
        assertEquals(1, r.status());
        assertEquals("error: command 'dominfo' requires <domain> option\n", r.err());
        assertEquals("", r.out());
        r = ShellRunner.run(conn, "nosuchcmd");
        assertEquals("error: unknown command: 'nosuchcmd'\n", r.err());
        assertEquals(1, r.status());
    }

    @Test
    void aNamedUriMustConnectAtOnceEvenForCommandsThatNeedNoConnection() {
        ShellRunner.Result r = ShellRunner.run(null, "-c", "bad:///", "echo", "hi");
        assertEquals(1, r.status());
        assertEquals("error: failed to connect to the hypervisor\n"
                + "error: no connection driver available for bad:///\n", r.err());
    }

    @Test
    void withoutAUriTheConnectionOpensOnFirstNeedOnly() {
        ShellRunner.Result r = ShellRunner.run(null, "echo", "hi");
        assertEquals(0, r.status());
        assertEquals("hi\n", r.out());
        verify(conn, never()).isAlive();
    }

    @Test
    void forcedKeepaliveCannotBeHonouredInProcess() {
        ShellRunner.Result r = ShellRunner.run(conn, "-k", "5", "-c", "test:///default", "uri");
        assertEquals("error: Cannot setup keepalive on connection as requested, disconnecting\n"
                + "error: failed to connect to the hypervisor\n"
                + "error: this function is not supported by the connection driver: virConnectSetKeepAlive\n", r.err());
        assertEquals(1, r.status());
        verify(conn).close();
        assertEquals(0, ShellRunner.run(conn, "-k", "0", "-c", "test:///default", "uri").status());
    }

    @Test
    void theDefaultUriComesFromTheEnvironment() {
        String[] opened = new String[1];
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ShellIo io = new ShellIo(new java.io.ByteArrayInputStream(new byte[0]), out, new java.io.ByteArrayOutputStream(),
                Map.of("LIBVIRT_DEFAULT_URI", "test:///env"), java.nio.file.Path.of("."), false);
        Jvirsh.run(new String[] {"uri"}, io, (uri, options) -> {
            opened[0] = uri;
            return conn;
        });
        assertEquals("test:///env", opened[0]);
        Jvirsh.run(new String[] {"uri"}, new ShellIo(io.in(), out, io.err(), Map.of(), io.workingDirectory(), false),
                (uri, options) -> {
                    opened[0] = uri;
                    return conn;
                });
        assertEquals(Shell.FALLBACK_URI, opened[0]);
    }

    @Test
    void readOnlyOpensReadOnly() {
        boolean[] ro = new boolean[1];
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ShellIo io = new ShellIo(new java.io.ByteArrayInputStream(new byte[0]), out, new java.io.ByteArrayOutputStream(),
                Map.of(), java.nio.file.Path.of("."), false);
        Jvirsh.run(new String[] {"-r", "uri"}, io, (uri, options) -> {
            ro[0] = options.readOnly();
            return conn;
        });
        assertTrue(ro[0]);
    }

    @Test
    void timingReplacesTheBlankLine() {
        ShellRunner.Result r = ShellRunner.run(conn, "-t", "echo", "x");
        assertTrue(r.out().matches("x\n\\(Time: \\d+\\.\\d{3} ms\\)\n\n"), r.out());
    }
}
