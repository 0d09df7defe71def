package io.jvirt.shell;

import java.util.List;

/**
 * jvirsh's own options, parsed as virsh's {@code getopt_long("+:c:d:e:hk:K:l:qrtvV")} does:
 * short options may be bundled ({@code -qr}) and take their value attached or as the next
 * word; long options may be abbreviated and take {@code =value}; parsing stops at the first
 * word that is not an option (or after {@code --}), which starts the command. Options act as
 * they are read, so {@code -h} and {@code -v} exit at once.
 */
final class GlobalOptions {
    private enum Arg { NONE, REQUIRED, OPTIONAL }

    private record LongOption(String name, Arg arg, char val) {
    }

    private static final List<LongOption> LONG = List.of(
            new LongOption("connect", Arg.REQUIRED, 'c'),
            new LongOption("debug", Arg.REQUIRED, 'd'),
            new LongOption("escape", Arg.REQUIRED, 'e'),
            new LongOption("help", Arg.NONE, 'h'),
            new LongOption("keepalive-interval", Arg.REQUIRED, 'k'),
            new LongOption("keepalive-count", Arg.REQUIRED, 'K'),
            new LongOption("log", Arg.REQUIRED, 'l'),
            new LongOption("quiet", Arg.NONE, 'q'),
            new LongOption("readonly", Arg.NONE, 'r'),
            new LongOption("timing", Arg.NONE, 't'),
            new LongOption("version", Arg.OPTIONAL, 'v'));

    private static final String SHORT_WITH_ARG = "cdekKl";
    private static final String SHORT_FLAGS = "hqrtvV";

    /** The outcome: exit now with {@code exitCode}, or go on with the words from {@code commandStart}. */
    record Result(int exitCode, int commandStart) {
        boolean exits() {
            return exitCode >= 0;
        }
    }

    private GlobalOptions() {
    }

    static Result parse(String[] args, Shell shell) {
        int i = 0;
        while (i < args.length) {
            String arg = args[i];
            if (arg.equals("--")) {
                return new Result(-1, i + 1);
            }
            if (arg.startsWith("--")) {
                String body = arg.substring(2);
                String value = null;
                int eq = body.indexOf('=');
                String name = eq >= 0 ? body.substring(0, eq) : body;
                if (eq >= 0) {
                    value = body.substring(eq + 1);
                }
                LongOption opt = findLong(name);
                if (opt == null) {
                    shell.error("unsupported option '" + arg + "'. See --help.");
                    return new Result(1, i);
                }
                i++;
                if (opt.arg() == Arg.NONE && value != null) {
                    shell.error("unsupported option '-" + opt.val() + "'. See --help.");
                    return new Result(1, i);
                }
                if (opt.arg() == Arg.REQUIRED && value == null) {
                    if (i >= args.length) {
                        shell.error("option '-" + opt.val() + "'/'--" + opt.name() + "' requires an argument");
                        return new Result(1, i);
                    }
                    value = args[i++];
                }
                Integer exit = apply(opt.val(), value, true, shell);
                if (exit != null) {
                    return new Result(exit, i);
                }
                continue;
            }
            if (arg.startsWith("-") && arg.length() > 1) {
                i++;
                for (int j = 1; j < arg.length(); j++) {
                    char c = arg.charAt(j);
                    String value = null;
                    if (SHORT_WITH_ARG.indexOf(c) >= 0) {
                        if (j + 1 < arg.length()) {
                            value = arg.substring(j + 1);
                        } else if (i < args.length) {
                            value = args[i++];
                        } else {
                            shell.error("option '-" + c + "'/'--" + longName(c) + "' requires an argument");
                            return new Result(1, i);
                        }
                        Integer exit = apply(c, value, false, shell);
                        if (exit != null) {
                            return new Result(exit, i);
                        }
                        break;
                    }
                    if (SHORT_FLAGS.indexOf(c) < 0) {
                        shell.error("unsupported option '-" + c + "'. See --help.");
                        return new Result(1, i);
                    }
                    Integer exit = apply(c, null, false, shell);
                    if (exit != null) {
                        return new Result(exit, i);
                    }
                }
                continue;
            }
            return new Result(-1, i);
        }
        return new Result(-1, i);
    }

    /** An exact long name, else the one option it abbreviates (null when none or ambiguous). */
    private static LongOption findLong(String name) {
        LongOption found = null;
        for (LongOption o : LONG) {
            if (o.name().equals(name)) {
                return o;
            }
            if (!name.isEmpty() && o.name().startsWith(name)) {
                if (found != null) {
                    return null;
                }
                found = o;
            }
        }
        return found;
    }

    private static String longName(char c) {
        for (LongOption o : LONG) {
            if (o.val() == c) {
                return o.name();
            }
        }
        return "";
    }

    /** Acts on one option; a non-null result means exit with it. */
    private static Integer apply(char c, String value, boolean longForm, Shell shell) {
        switch (c) {
            case 'c' -> shell.connName = value;
            case 'd' -> {
                Integer level = CNumbers.parseInt(value);
                if (level == null) {
                    shell.error("option " + (longForm ? "--debug" : "-d") + " takes a numeric argument");
                    return 1;
                }
                if (level < Shell.DEBUG || level > Shell.ERROR) {
                    shell.error("ignoring debug level " + level + " out of range [0-4]");
                } else {
                    shell.debugLevel = level;
                }
            }
            case 'e' -> {
                boolean ok = (value.length() == 2 && value.charAt(0) == '^' && allowedEscape(value.charAt(1)))
                        || (value.length() == 1 && value.charAt(0) != '^');
                if (!ok) {
                    shell.error("Invalid string '" + value + "' for escape sequence");
                    return 1;
                }
                shell.escapeChar = value;
            }
            case 'h' -> {
                shell.print(Help.usage(shell.table(), Jvirsh.PROGNAME));
                shell.flush();
                return 0;
            }
            case 'k', 'K' -> {
                String name = c == 'k' ? (longForm ? "--keepalive-interval" : "-k")
                        : (longForm ? "--keepalive-count" : "-K");
                Integer n = CNumbers.parseInt(value, 0);
                if (n == null) {
                    shell.error("Invalid value for option " + name);
                    return 1;
                }
                if (n < 0) {
                    shell.error("option " + name + " requires a positive integer argument");
                    return 1;
                }
                if (c == 'k') {
                    shell.keepaliveInterval = n;
                } else {
                    shell.keepaliveCount = n;
                }
            }
            case 'l' -> {
                if (!shell.openLog(shell.resolve(value))) {
                    shell.error("failed to open the log file. check the log file path");
                    return 1;
                }
            }
            case 'q' -> shell.quiet = true;
            case 't' -> shell.timing = true;
            case 'r' -> shell.readOnly = true;
            case 'v' -> {
                if (!"long".equals(value)) {
                    shell.print(Jvirsh.version() + "\n");
                    shell.flush();
                    return 0;
                }
                shell.print(Jvirsh.longVersion());
                shell.flush();
                return 0;
            }
            case 'V' -> {
                shell.print(Jvirsh.longVersion());
                shell.flush();
                return 0;
            }
            default -> {
                shell.error("unknown option");
                return 1;
            }
        }
        return null;
    }

    /** Escape characters virsh allows after '^': a-z, A-Z and @ [ \ ] ^ _. */
    private static boolean allowedEscape(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '@' && c <= '_');
    }
}
