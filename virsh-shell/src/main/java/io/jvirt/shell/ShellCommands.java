package io.jvirt.shell;

import static io.jvirt.shell.CommandSpec.cmd;
import static io.jvirt.shell.OptionSpec.alias;
import static io.jvirt.shell.OptionSpec.argv;
import static io.jvirt.shell.OptionSpec.bool;
import static io.jvirt.shell.OptionSpec.string;

import io.jvirt.shell.OptionSpec.Opt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** virsh's "Virsh itself" group: help, echo, cd, pwd, quit, exit, connect (and hidden complete). */
final class ShellCommands {
    private ShellCommands() {
    }

    static List<CommandSpec> commands() {
        return List.of(
        cmd("cd", "change the current directory",
                "Change the current directory.",
                ShellCommands::cd,
                string("dir", "directory to switch to (default: home or else root)", Completion.FILE))
                .withoutConnection(),
        cmd("echo", "echo arguments. Used for internal testing.",
                "Echo back arguments, possibly with quoting. Used for internal testing.",
                ShellCommands::echo,
                bool("shell", "escape for shell use"),
                bool("xml", "escape for XML use"),
                bool("split", "split each argument on ','; ',,' is an escape sequence"),
                bool("err", "output to stderr"),
                alias("str", "string"),
                alias("hi", "string=hello"),
                argv("string", "arguments to echo")).withoutConnection(),
        cmd("exit", "quit this interactive terminal", null, ShellCommands::quit).withoutConnection(),
        cmd("help", "print help",
                "Prints global help, command specific help, or help for a\n    group of related commands",
                ShellCommands::help,
                string("command", "Prints global help, command specific help, or help for a group of related commands",
                        Completion.COMMAND)).withoutConnection(),
        cmd("pwd", "print the current directory", "Print the current directory.", ShellCommands::pwd)
                .withoutConnection(),
        cmd("quit", "quit this interactive terminal", null, ShellCommands::quit).withoutConnection(),
        cmd("complete", "internal command for autocompletion", "internal use only",
                ShellCommands::complete,
                argv("string", "partial string to autocomplete", Completion.NONE, Opt.EMPTY_OK))
                .withoutConnection().asHidden(),
        cmd("connect", "(re)connect to hypervisor",
                "Connect to local hypervisor. This is built-in command after shell start up.",
                ShellCommands::connect,
                string("name", "hypervisor connection URI", Opt.EMPTY_OK),
                bool("readonly", "read-only connection")).withoutConnection());
    }

    static boolean help(Invocation inv) {
        String name = inv.stringOrNull("command");
        Shell shell = inv.shell();
        if (name == null) {
            inv.print(Help.all(shell.table()));
            return true;
        }
        CommandSpec spec = shell.table().find(name);
        if (spec != null) {
            inv.print(Help.command(spec));
            return true;
        }
        CommandGroup group = shell.table().findGroup(name);
        if (group != null) {
            inv.print(Help.group(shell.table(), group));
            return true;
        }
        throw CommandFailure.of("command or command group '" + name + "' doesn't exist");
    }

    static boolean echo(Invocation inv) {
        boolean shell = inv.bool("shell");
        boolean xml = inv.bool("xml");
        boolean err = inv.bool("err");
        boolean split = inv.bool("split");
        Invocation.exclusive("shell", shell, "xml", xml);
        Invocation.exclusive("shell", shell, "split", split);
        Invocation.exclusive("xml", xml, "split", split);
        List<String> args = inv.argv("string");
        if (args.isEmpty()) {
            return true;
        }
        StringBuilder buf = new StringBuilder();
        for (String arg : args) {
            if (xml) {
                buf.append(escapeXml(arg));
            } else if (shell) {
                buf.append(escapeShell(arg));
            } else if (split) {
                for (String part : Text.splitEscapedCommas(arg)) {
                    buf.append(part).append('\n');
                }
            } else {
                buf.append(arg);
            }
            buf.append(' ');
        }
        // virBufferTrim drops one trailing blank.
        String text = buf.substring(0, buf.length() - 1);
        if (err) {
            inv.shell().error(text);
        } else {
            inv.print(text);
        }
        return true;
    }

    /** virBufferEscapeString: XML entities; most control characters dropped. */
    static String escapeXml(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if ((c >= 0x01 && c <= 0x19 && c != '\t' && c != '\n' && c != '\r')) {
                        continue;
                    }
                    out.append(c);
                }
            }
        }
        return out.toString();
    }

    /** virBufferEscapeShell: single-quoted when the word holds a shell metacharacter. */
    static String escapeShell(String s) {
        if (s.isEmpty()) {
            return "''";
        }
        boolean special = false;
        for (char c : s.toCharArray()) {
            if ("\r\t\n !\"#$&'()*;<>?[\\]^`{|}~".indexOf(c) >= 0) {
                special = true;
                break;
            }
        }
        if (!special) {
            return s;
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }

    static boolean cd(Invocation inv) {
        Shell shell = inv.shell();
        if (!shell.imode) {
            throw CommandFailure.of("cd: command valid only in interactive mode");
        }
        String dir = inv.stringOrNull("dir");
        if (dir == null) {
            // virGetUserDirectory: $HOME, else the account's home, else the root
            dir = shell.io().getenv("HOME");
            if (dir == null || dir.isEmpty()) {
                dir = System.getProperty("user.home", "/");
            }
        }
        Path target = shell.resolve(dir).normalize();
        if (!Files.exists(target)) {
            throw CommandFailure.of("cd: No such file or directory: " + dir);
        }
        if (!Files.isDirectory(target)) {
            throw CommandFailure.of("cd: Not a directory: " + dir);
        }
        if (!Files.isExecutable(target)) {
            throw CommandFailure.of("cd: Permission denied: " + dir);
        }
        shell.cd(target);
        return true;
    }

    static boolean pwd(Invocation inv) {
        inv.print(inv.shell().cwd() + "\n");
        return true;
    }

    static boolean quit(Invocation inv) {
        inv.shell().imode = false;
        return true;
    }

    static boolean connect(Invocation inv) {
        boolean ro = inv.bool("readonly");
        String name = inv.string("name");
        return inv.shell().reconnect(name, ro, true);
    }

    /** The hidden {@code complete} command behind bash completion: one candidate per line. */
    static boolean complete(Invocation inv) {
        List<String> words = inv.argv("string");
        if (words.isEmpty() || (words.get(0).isEmpty() && !inv.command().find("string").option().emptyOk())) {
            return false;
        }
        Shell shell = inv.shell();
        if (!shell.ensureConnected()) {
            return false;
        }
        String line = String.join(" ", words);
        String text = words.get(words.size() - 1);
        // As virsh's cmdComplete: the whole last argument is the word being completed.
        List<String> matches = new CompletionEngine(shell).matches(line, text, false);
        if (matches.isEmpty()) {
            return false;
        }
        for (String c : matches) {
            inv.print(c + "\n");
        }
        return true;
    }
}
