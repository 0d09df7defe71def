package io.jvirt.shell;

import io.jvirt.Virt;
import java.io.Console;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;

/**
 * {@code jvirsh}: a virsh-compatible shell over jvirt. As virsh: one argument is a command
 * string ({@code 'list --all; dominfo test'}), several are one command ({@code dominfo test}),
 * none starts the interactive shell. The exit status is 0 or 1: the last command's in a batch,
 * always 0 interactively.
 */
public final class Jvirsh {
    /** The program name the banner, usage and version show. */
    static final String PROGNAME = "jvirsh";

    private Jvirsh() {
    }

    public static void main(String[] args) {
        ShellIo io = new ShellIo(new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out),
                new FileOutputStream(FileDescriptor.err), System.getenv(), Path.of("").toAbsolutePath(),
                stdinIsTerminal());
        int status = run(args, io);
        // Not System.exit: since JDK 21 it asks for a System.Logger first, and finding the logger
        // service reads every jar on the class path — a quarter of a one-command run. run() has
        // flushed and closed everything, and jvirsh registers no shutdown hooks.
        Runtime.getRuntime().halt(status);
    }

    /** Runs jvirsh with {@code args} over {@code io}; returns the exit status. */
    static int run(String[] args, ShellIo io) {
        return run(args, io, Virt::open);
    }

    /** As {@link #run(String[], ShellIo)}, with connections from {@code opener} (tests pass fakes). */
    static int run(String[] args, ShellIo io, Shell.Opener opener) {
        Shell shell = new Shell(io, CommandTable.standard(), opener);
        try {
            initFromEnvironment(shell, io);
            GlobalOptions.Result options = GlobalOptions.parse(args, shell);
            if (options.exits()) {
                return options.exitCode();
            }
            List<String> rest = Arrays.asList(args).subList(options.commandStart(), args.length);
            List<ParsedCommand> commands = null;
            shell.imode = rest.isEmpty();
            if (!shell.imode) {
                CommandParser parser = new CommandParser(shell.table(), shell);
                try {
                    if (rest.size() == 1) {
                        shell.debug(Shell.INFO, "commands: \"" + rest.get(0) + "\"\n");
                        commands = parser.parseString(rest.get(0));
                    } else {
                        commands = parser.parseArgv(rest);
                    }
                } catch (CommandParser.ParseFailure e) {
                    return 1;
                }
            }
            // As virsh: a URI named with -c must work at once; the default one is opened on first need.
            if (shell.connName != null && !shell.reconnect(null, false, false)) {
                shell.reportError();
                return 1;
            }
            if (shell.connName == null) {
                shell.connName = io.getenv("VIRSH_DEFAULT_CONNECT_URI");
            }
            if (!shell.imode) {
                return shell.run(commands) ? 0 : 1;
            }
            try (LineSource lines = lineSource(shell, io, null)) {
                InteractiveShell.run(shell, lines);
            }
            return 0;
        } finally {
            shell.close();
        }
    }

    /** The interactive line source: JLine on a terminal ({@code terminal}, or the system's), else the pipe reader. */
    static LineSource lineSource(Shell shell, ShellIo io, org.jline.terminal.Terminal given) {
        if (given == null && !io.terminal()) {
            return new PipedLineSource(io.in(), shell);
        }
        try {
            org.jline.terminal.Terminal terminal = given != null ? given
                    : org.jline.terminal.TerminalBuilder.builder().name(PROGNAME).system(true).build();
            return new JLineSource(terminal, shell, JLineSource.historyPath(io));
        } catch (java.io.IOException | RuntimeException e) {
            return new PipedLineSource(io.in(), shell);
        }
    }

    /** VIRSH_DEBUG and VIRSH_LOG_FILE, read before the options as virsh does. */
    private static void initFromEnvironment(Shell shell, ShellIo io) {
        String debug = io.getenv("VIRSH_DEBUG");
        if (debug != null) {
            Integer level = CNumbers.parseInt(debug);
            if (level == null || level < Shell.DEBUG || level > Shell.ERROR) {
                shell.error("VIRSH_DEBUG not set with a valid numeric value");
            } else {
                shell.debugLevel = level;
            }
        }
        String log = io.getenv("VIRSH_LOG_FILE");
        if (log != null && !log.isEmpty() && !shell.openLog(shell.resolve(log))) {
            shell.error("failed to open the log file. check the log file path");
        }
    }

    /** True when stdin is a terminal (System.console() alone also needs stdout to be one before JDK 22). */
    static boolean stdinIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** jvirt's version, "major.minor.micro". */
    static String version() {
        return Text.version(Virt.VERSION);
    }

    /** {@code -V}: the version and what this build supports. */
    static String longVersion() {
        StringBuilder out = new StringBuilder();
        out.append(PROGNAME).append(" command line tool of jvirt ").append(version()).append('\n');
        out.append("See web site at https://libvirt.org/ for virsh, whose commands jvirsh follows\n\n");
        out.append("Compiled with support for:\n");
        out.append(" Hypervisors:");
        for (io.jvirt.spi.Driver d : ServiceLoader.load(io.jvirt.spi.Driver.class, Jvirsh.class.getClassLoader())) {
            out.append(' ').append(d.name());
        }
        out.append('\n');
        out.append(" Miscellaneous: Debug Readline\n");
        return out.toString();
    }
}
