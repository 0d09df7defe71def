package io.jvirt.driver.xen.xenstore;

import java.util.List;

/**
 * The CONTROL message's commands, the subset of 4.17's {@code xenstored_control.c} that makes
 * sense here: {@code check}, {@code log on|off}, {@code print}, {@code quota} and {@code help}.
 * Live update, memory reports and log files belong to the C daemon; asking for them is EINVAL,
 * as for any unknown command.
 */
final class XsControl {
    private static final System.Logger LOG = System.getLogger(XsControl.class.getName());
    private static final String[][] COMMANDS = {
        {"check", ""},
        {"log", "on|off"},
        {"print", "<string>"},
        {"quota", "[set <name> <val>|<domid>]"},
        {"help", ""},
    };

    private final XsStore store;
    /** {@code log on}: every request goes to the log. */
    boolean tracing;

    XsControl(XsStore store) {
        this.store = store;
    }

    void handle(XsConnection conn, XsFrame req) {
        byte[] p = req.payload();
        if (XsPayload.indexOfNul(p, 0) < 0) {
            throw new XsRequestError(XsError.EINVAL);
        }
        List<String> v = XsPayload.strings(p);
        List<String> args = v.subList(1, v.size());
        switch (v.get(0)) {
            case "check" -> {
                requireArgs(args, 0);
                store.check().forEach(problem -> LOG.log(System.Logger.Level.ERROR,
                        "xenstore inconsistency: " + problem));
                ok(conn, req);
            }
            case "log" -> {
                requireArgs(args, 1);
                switch (args.get(0)) {
                    case "on" -> tracing = true;
                    case "off" -> tracing = false;
                    default -> throw new XsRequestError(XsError.EINVAL);
                }
                ok(conn, req);
            }
            case "print" -> {
                requireArgs(args, 1);
                LOG.log(System.Logger.Level.INFO, "control: " + args.get(0));
                ok(conn, req);
            }
            case "quota" -> quota(conn, req, args);
            case "help" -> {
                requireArgs(args, 0);
                StringBuilder sb = new StringBuilder();
                for (String[] c : COMMANDS) {
                    sb.append(c[0]).append('\t').append(c[1]).append('\n');
                }
                text(conn, req, sb.toString());
            }
            default -> throw new XsRequestError(XsError.EINVAL);
        }
    }

    private void quota(XsConnection conn, XsFrame req, List<String> args) {
        if (args.isEmpty()) {
            StringBuilder sb = new StringBuilder("Quota settings:\n");
            for (XsQuota.Entry e : store.quota.entries()) {
                sb.append(String.format("%-17s: %8d %s\n", e.name(), e.value(), e.description()));
            }
            text(conn, req, sb.toString());
        } else if (args.get(0).equals("set")) {
            requireArgs(args, 3);
            int value = XsPayload.atoi(args.get(2));
            if (value < 1 || !store.quota.set(args.get(1), value)) {
                throw new XsRequestError(XsError.EINVAL);
            }
            ok(conn, req);
        } else {
            requireArgs(args, 1);
            int domid = XsPayload.atoi(args.get(0));
            XsDomain d = store.domains.find(domid);
            if (d == null) {
                throw new XsRequestError(XsError.ENOENT);
            }
            int transactions = d.conn == null ? 0 : d.conn.transactions.size();
            text(conn, req, String.format("Domain %s:\n%-16s: %8d\n%-16s: %8d\n%-16s: %8d\n",
                    Integer.toUnsignedString(domid), "nodes", d.entries, "watches", d.watches,
                    "transactions", transactions));
        }
    }

    private static void requireArgs(List<String> args, int n) {
        if (args.size() != n) {
            throw new XsRequestError(XsError.EINVAL);
        }
    }

    private static void ok(XsConnection conn, XsFrame req) {
        conn.sendReply(req, XsMessageType.CONTROL, XsPayload.OK);
    }

    private static void text(XsConnection conn, XsFrame req, String s) {
        conn.sendReply(req, XsMessageType.CONTROL, XsPayload.join(s));
    }
}
