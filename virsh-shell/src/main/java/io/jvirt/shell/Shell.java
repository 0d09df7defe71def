package io.jvirt.shell;

import io.jvirt.ConnectOptions;
import io.jvirt.Connection;
import io.jvirt.CredentialType;
import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.Virt;
import io.jvirt.VirtException;
import java.io.BufferedOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The state of one jvirsh session, virsh's {@code vshControl}: output streams and their
 * rules ({@code -q} silences the "extra" output), the connection (opened on first need),
 * the current directory ({@code cd}), the last library error, and the command runner.
 */
final class Shell implements CommandParser.Listener, AutoCloseable {
    /** The URI used when neither {@code -c} nor the environment names one. */
    static final String FALLBACK_URI = "test:///default";

    static final int DEBUG = 0;
    static final int INFO = 1;
    static final int ERROR = 4;

    /** Opens connections: {@link Virt#open} in jvirsh, a fake in tests. */
    @FunctionalInterface
    interface Opener {
        Connection open(String uri, ConnectOptions options);
    }

    private final ShellIo io;
    private final Opener opener;
    private final PrintStream out;
    private boolean flushEachCommand = true;
    private final PrintStream err;
    private final CommandTable table;

    boolean quiet;
    boolean timing;
    int debugLevel = ERROR;
    /** True while reading commands interactively; {@code quit} clears it. */
    boolean imode;
    String connName;
    boolean readOnly;
    int keepaliveInterval = -1;
    int keepaliveCount = -1;
    String escapeChar = "^]";
    private LogFile log;
    private Path logPath;

    private Connection conn;
    private boolean disconnected;
    private VirtException lastError;
    private Path cwd;

    Shell(ShellIo io, CommandTable table) {
        this(io, table, Virt::open);
    }

    Shell(ShellIo io, CommandTable table, Opener opener) {
        this.io = io;
        this.opener = opener;
        this.table = table;
        this.out = new PrintStream(new BufferedOutputStream(io.out(), 1 << 14), false, StandardCharsets.UTF_8);
        this.err = new PrintStream(io.err(), false, StandardCharsets.UTF_8);
        this.cwd = io.workingDirectory();
    }

    CommandTable table() {
        return table;
    }

    ShellIo io() {
        return io;
    }

    // ---- output ----

    /** vshPrint: data on stdout. */
    void print(String text) {
        out.print(text);
    }

    /** vshPrintExtra: decoration and confirmations, silenced by {@code -q}. */
    void printExtra(String text) {
        if (!quiet) {
            out.print(text);
        }
    }

    void flush() {
        out.flush();
    }

    /**
     * Stop flushing stdout after every command: for a line source that flushes before it waits
     * for input, so a script's output goes out in buffers-full rather than a write per command.
     */
    void flushOnlyBeforeWaiting() {
        flushEachCommand = false;
    }

    /** vshError: {@code error: <message>} on stderr, after flushing stdout so the two interleave. */
    @Override
    public void error(String message) {
        logWrite(ERROR, message);
        out.flush();
        err.print("error: " + message + "\n");
        err.flush();
    }

    /** Writes to stderr without the {@code error: } prefix (progress lines). */
    void stderr(String text) {
        out.flush();
        err.print(text);
        err.flush();
    }

    /** vshDebug: shown (on stdout) and logged when {@code level} reaches the {@code -d} level. */
    void debug(int level, String message) {
        if (level < debugLevel) {
            return;
        }
        logWrite(level, message);
        out.print(message);
        out.flush();
    }

    @Override
    public void debug(String message) {
        debug(INFO, message);
    }

    private void logWrite(int level, String message) {
        if (log == null) {
            return;
        }
        try {
            log.write(level, message);
        } catch (IOException e) {
            closeLog();
            error("failed to write the log file");
        }
    }

    /** Opens the {@code -l} log file; false when it cannot be opened. */
    boolean openLog(Path path) {
        closeLog();
        try {
            log = LogFile.open(path);
            logPath = path;
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    void closeLog() {
        LogFile current = log;
        log = null;
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                error((logPath == null ? "?" : logPath) + ": failed to write log file: " + e.getMessage());
            }
        }
    }

    // ---- the current directory (cd, pwd, relative file names) ----

    Path cwd() {
        return cwd;
    }

    void cd(Path dir) {
        cwd = dir;
    }

    /** A file name as the user gave it, resolved against the shell's current directory. */
    Path resolve(String file) {
        return cwd.resolve(file);
    }

    // ---- the connection ----

    /** The connection; commands get here only after the runner connected. */
    Connection connection() {
        if (conn == null) {
            throw new IllegalStateException("not connected");
        }
        return conn;
    }

    /** The connection if one is open, else null (for completion, which must not connect). */
    Connection connectionIfOpen() {
        return conn;
    }

    /** Remembers a library error, to be printed when the command ends (virsh's last_error). */
    void setLastError(VirtException e) {
        lastError = e;
    }

    /** The URI to open when no name is given: {@code -c}, else the environment, else the test driver. */
    String defaultUri() {
        if (connName != null && !connName.isEmpty()) {
            return connName;
        }
        return environmentUri();
    }

    /** virshConnectionHandler: connects when needed; false (after reporting) when it cannot. */
    boolean ensureConnected() {
        if ((conn == null || disconnected) && !reconnect(null, false, false)) {
            return false;
        }
        if (!conn.isAlive()) {
            error("no valid connection");
            return false;
        }
        return true;
    }

    /**
     * virshReconnect: closes any connection and opens {@code name} (null: the current URI).
     * Read-only stays as it was unless a new URI or {@code readOnlyRequested} says otherwise.
     */
    boolean reconnect(String name, boolean readOnlyRequested, boolean force) {
        boolean ro = readOnlyRequested;
        if (!ro && name == null) {
            ro = readOnly;
        }
        boolean connected = false;
        if (conn != null) {
            connected = true;
            Connection old = conn;
            conn = null;
            try {
                old.close();
            } catch (RuntimeException e) {
                error("Failed to disconnect from the hypervisor");
            }
        }
        String uri = name == null ? defaultUri() : name.isEmpty() ? environmentUri() : name;
        Connection opened = open(uri, ro);
        if (opened == null) {
            error(disconnected ? "Failed to reconnect to the hypervisor" : "failed to connect to the hypervisor");
            return false;
        }
        conn = opened;
        if (name != null) {
            connName = name;
        }
        readOnly = ro;
        if (connected && !force) {
            error("Reconnected to the hypervisor");
        }
        disconnected = false;
        return true;
    }

    private String environmentUri() {
        String env = io.getenv("LIBVIRT_DEFAULT_URI");
        return env != null && !env.isEmpty() ? env : FALLBACK_URI;
    }

    /** virshConnect: opens {@code uri}, then sets up keepalive as virsh asks. */
    private Connection open(String uri, boolean ro) {
        Connection c;
        try {
            c = opener.open(uri, ConnectOptions.defaults().readOnly(ro).withCredentials(this::askCredential));
        } catch (VirtException e) {
            lastError = e;
            return null;
        } catch (RuntimeException e) {
            lastError = internalError(e);
            return null;
        }
        int interval = keepaliveInterval >= 0 ? keepaliveInterval : 5;
        boolean forced = keepaliveInterval >= 0 || keepaliveCount >= 0;
        if (interval > 0) {
            // jvirt's drivers run inside this JVM: there is no peer to keep alive, so the
            // request fails as it does against libvirt's in-process drivers.
            VirtException unsupported = VirtException.noSupport("virConnectSetKeepAlive");
            if (forced) {
                error("Cannot setup keepalive on connection as requested, disconnecting");
                lastError = unsupported;
                c.close();
                return null;
            }
            debug(INFO, "Failed to setup keepalive on connection\n");
        }
        return c;
    }

    /** virConnectAuthPtrDefault: asks on the terminal, when there is one. */
    private String askCredential(CredentialType type, String prompt) {
        Console console = System.console();
        if (console == null) {
            return null;
        }
        String name = type.name().toLowerCase(Locale.ROOT);
        if (name.contains("pass") || name.contains("secret") || name.contains("noecho")) {
            char[] secret = console.readPassword("%s: ", prompt);
            return secret == null ? null : new String(secret);
        }
        return console.readLine("%s: ", prompt);
    }

    static VirtException internalError(RuntimeException e) {
        String text = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE, text, e);
    }

    // ---- running commands ----

    /** Parses a command string, reporting errors; null when it does not parse. */
    List<ParsedCommand> parse(String line) {
        try {
            return new CommandParser(table, this).parseString(line);
        } catch (CommandParser.ParseFailure e) {
            return null;
        }
    }

    /**
     * vshCommandRun: runs every command even after failures, printing the errors of each and a
     * blank line (or the timing) after each; {@code quit} stops. The result is the last
     * command's.
     */
    boolean run(List<ParsedCommand> commands) {
        boolean ret = true;
        for (ParsedCommand c : commands) {
            long before = System.nanoTime();
            if (c.spec().noConnect() || ensureConnected()) {
                ret = invoke(c);
            } else {
                ret = false;
            }
            long after = System.nanoTime();
            if (!ret && lastError != null && isDisconnect(lastError)) {
                disconnected = true;
            }
            if (!ret) {
                reportError();
            }
            String name = c.spec().name();
            if (name.equals("quit") || name.equals("exit")) {
                out.flush();
                return ret;
            }
            if (timing) {
                print("\n(Time: " + CNumbers.fixed((after - before) / 1_000_000.0, 3) + " ms)\n\n");
            } else {
                printExtra("\n");
            }
            if (flushEachCommand) {
                out.flush();
            }
        }
        return ret;
    }

    private static boolean isDisconnect(VirtException e) {
        return e.code() == ErrorCode.RPC || e.code() == ErrorCode.NO_CONNECT
                || e.code() == ErrorCode.INVALID_CONN;
    }

    private boolean invoke(ParsedCommand c) {
        try {
            return c.spec().handler().run(new Invocation(this, c));
        } catch (CommandFailure f) {
            if (f.getMessage() != null) {
                error(f.getMessage());
            }
            if (f.libvirtError() != null) {
                lastError = f.libvirtError();
            }
            return false;
        } catch (VirtException e) {
            lastError = e;
            return false;
        } catch (RuntimeException e) {
            lastError = internalError(e);
            return false;
        }
    }

    /** vshReportError: prints the library error kept from the failed command, once. */
    void reportError() {
        VirtException e = lastError;
        lastError = null;
        if (e == null || e.code() == ErrorCode.OK) {
            return;
        }
        error(e.getMessage());
    }

    /** virshDeinit: flushes, closes the log and the connection. */
    @Override
    public void close() {
        out.flush();
        closeLog();
        if (conn != null) {
            try {
                conn.close();
            } catch (RuntimeException e) {
                error("Failed to disconnect from the hypervisor");
            }
            conn = null;
        }
        out.flush();
        err.flush();
    }
}
