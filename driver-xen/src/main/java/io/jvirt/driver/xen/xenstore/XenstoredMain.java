package io.jvirt.driver.xen.xenstore;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs {@link XenstoreDaemon} on its own until it is killed:
 * <pre>
 * java -cp ... io.jvirt.driver.xen.xenstore.XenstoredMain --socket /run/xenstored/socket
 * XENSTORED_PATH=/run/xenstored/socket xenstore-ls
 * </pre>
 * Besides {@code --socket PATH}, it takes xenstored's quota options: {@code -E/--entry-nb},
 * {@code -S/--entry-size}, {@code -W/--watch-nb}, {@code -t/--transaction},
 * {@code -A/--perm-nb}, {@code -M/--path-max}, {@code -Q/--quota transaction-nodes=N},
 * {@code -K/--keep-orphans} and {@code -p/--priv-domid}.
 *
 * @since 0.1
 */
public final class XenstoredMain {
    private static final String USAGE = """
            Usage: xenstored --socket PATH [options]
              --socket PATH            the unix socket to serve (required)
              -E, --entry-nb N         nodes per domain (1000)
              -S, --entry-size N       bytes per node (2048)
              -W, --watch-nb N         watches per domain (128)
              -t, --transaction N      transactions per domain (10)
              -A, --perm-nb N          permissions per node (5)
              -M, --path-max N         path length below a domain's home (2048)
              -Q, --quota transaction-nodes=N   nodes per transaction (1024)
              -K, --keep-orphans       keep a released domain's nodes
              -p, --priv-domid N       a privileged domain besides Dom0
              -h, --help               this text
            """;

    private XenstoredMain() {
    }

    public static void main(String[] args) {
        XenstoreDaemon daemon;
        try {
            daemon = parse(args, System.out);
            if (daemon == null) {
                return;
            }
            daemon.start();
        } catch (IllegalArgumentException e) {
            System.err.println("xenstored: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        } catch (IOException e) {
            System.err.println("xenstored: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            daemon.close();
            stopped.countDown();
        }, "xenstored-shutdown"));
        System.err.println("xenstored: serving " + daemon.socket());
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The daemon the arguments describe (not started), or null if they asked for help, which is
     * printed to {@code out}.
     *
     * @throws IllegalArgumentException for unknown options or bad values
     */
    static XenstoreDaemon parse(String[] args, PrintStream out) {
        XenstoreDaemon.Builder b = XenstoreDaemon.builder();
        Path socket = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-h", "--help" -> {
                    out.print(USAGE);
                    return null;
                }
                case "--socket" -> socket = Path.of(value(args, ++i, a));
                case "-E", "--entry-nb" -> b.nodesPerDomain(number(args, ++i, a));
                case "-S", "--entry-size" -> b.nodeSize(number(args, ++i, a));
                case "-W", "--watch-nb" -> b.watchesPerDomain(number(args, ++i, a));
                case "-t", "--transaction" -> b.transactionsPerDomain(number(args, ++i, a));
                case "-A", "--perm-nb" -> b.permissionsPerNode(number(args, ++i, a));
                case "-M", "--path-max" -> b.pathMax(number(args, ++i, a));
                case "-p", "--priv-domid" -> b.privilegedDomain(number(args, ++i, a));
                case "-K", "--keep-orphans" -> b.keepOrphans(true);
                case "-Q", "--quota" -> {
                    String q = value(args, ++i, a);
                    if (!q.startsWith("transaction-nodes=")) {
                        throw new IllegalArgumentException("unknown quota \"" + q + "\"");
                    }
                    b.transactionNodes(parseNumber(q.substring("transaction-nodes=".length()), a));
                }
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (socket == null) {
            throw new IllegalArgumentException("--socket PATH is required");
        }
        return b.socket(socket).build();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int number(String[] args, int i, String option) {
        return parseNumber(value(args, i, option), option);
    }

    /** Non-negative decimal, as xenstored's {@code get_optval_int} insists. */
    private static int parseNumber(String s, String option) {
        try {
            int n = Integer.parseInt(s);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid parameter value \"" + s + "\" for " + option);
        }
    }
}
