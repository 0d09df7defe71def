package io.jvirt.driver.xen.xenstore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Handles one request frame as xenstored 4.17's {@code process_message} and {@code do_*}
 * functions do: type and privilege checks, transaction lookup, each type's exact payload rules,
 * and the reply (or the error by name). The node semantics live in {@link XsStore}.
 */
final class XsRequestHandler {
    private static final System.Logger LOG = System.getLogger(XsRequestHandler.class.getName());

    private final XsStore store;
    private final XsRings rings;
    private final XsDomainRequests domains;
    final XsControl control;

    XsRequestHandler(XsStore store, XsRings rings) {
        this.store = store;
        this.rings = rings;
        this.domains = new XsDomainRequests(store, rings);
        this.control = new XsControl(store);
    }

    void handle(XsConnection conn, XsFrame req) {
        if (control.tracing) {
            LOG.log(System.Logger.Level.INFO, "IN  " + conn + " type " + req.type() + " tx "
                    + Integer.toUnsignedString(req.txId()) + " " + printable(req.payload()));
        }
        XsMessageType type = XsMessageType.of(req.type());
        if (type == null || !type.isRequest()) {
            conn.sendError(req, XsError.ENOSYS);
            return;
        }
        if (type.privileged && conn.unprivileged) {
            conn.sendError(req, XsError.EACCES);
            return;
        }
        XsTransaction tx = null;
        if (!type.ignoresTransaction && req.txId() != 0) {
            tx = conn.transactions.get(req.txId());
            if (tx == null) {
                conn.sendError(req, XsError.ENOENT);
                return;
            }
        }
        try {
            dispatch(conn, req, type, tx);
        } catch (XsRequestError e) {
            conn.sendError(req, e.error);
        }
    }

    private void dispatch(XsConnection conn, XsFrame req, XsMessageType type, XsTransaction tx) {
        XsView view = store.view(tx);
        byte[] p = req.payload();
        switch (type) {
            case CONTROL -> control.handle(conn, req);
            case DIRECTORY -> conn.sendReply(req, type,
                    store.get(conn, view, path(conn, XsPayload.oneArg(p)), XsPermissions.READ).childrenBlob());
            case READ -> conn.sendReply(req, type,
                    store.get(conn, view, path(conn, XsPayload.oneArg(p)), XsPermissions.READ).value());
            case GET_PERMS -> conn.sendReply(req, type,
                    store.get(conn, view, path(conn, XsPayload.oneArg(p)), XsPermissions.READ).perms().toWire());
            case WATCH -> watch(conn, req);
            case UNWATCH -> {
                List<String> v = exactly(p, 2);
                store.watches.remove(conn, v.get(0), v.get(1));
                ok(conn, req, type);
            }
            case TRANSACTION_START -> {
                XsTransaction started = store.begin(conn, tx);
                conn.sendReply(req, type, XsPayload.join(Integer.toUnsignedString(started.id)));
            }
            case TRANSACTION_END -> {
                String arg = XsPayload.oneArg(p);
                if (!"T".equals(arg) && !"F".equals(arg)) {
                    throw new XsRequestError(XsError.EINVAL);
                }
                if (tx == null) {
                    throw new XsRequestError(XsError.ENOENT);
                }
                store.end(conn, tx, arg.equals("T"));
                ok(conn, req, type);
            }
            case INTRODUCE -> domains.introduce(conn, req);
            case RELEASE -> domains.release(conn, req);
            case GET_DOMAIN_PATH -> {
                String arg = XsPayload.oneArg(p);
                if (arg == null) {
                    throw new XsRequestError(XsError.EINVAL);
                }
                conn.sendReply(req, type, XsPayload.join(XsPath.domainPath(XsPayload.atoi(arg))));
            }
            case WRITE -> {
                int nul = XsPayload.indexOfNul(p, 0);
                if (nul < 0) {
                    throw new XsRequestError(XsError.EINVAL);
                }
                String name = path(conn, XsPayload.string(Arrays.copyOf(p, nul)));
                store.write(conn, view, name, Arrays.copyOfRange(p, nul + 1, p.length));
                ok(conn, req, type);
            }
            case MKDIR -> {
                store.mkdir(conn, view, path(conn, XsPayload.oneArg(p)));
                ok(conn, req, type);
            }
            case RM -> {
                store.rm(conn, view, path(conn, XsPayload.oneArg(p)));
                ok(conn, req, type);
            }
            case SET_PERMS -> setPerms(conn, req, view);
            case IS_DOMAIN_INTRODUCED -> domains.isIntroduced(conn, req);
            case RESUME -> domains.resume(conn, req);
            case SET_TARGET -> domains.setTarget(conn, req);
            case RESET_WATCHES -> {
                store.forget(conn);
                ok(conn, req, type);
            }
            case DIRECTORY_PART -> directoryPart(conn, req, view);
            default -> throw new XsRequestError(XsError.ENOSYS);
        }
    }

    /** Resolves a relative name against the caller's home; null stays null (and is EINVAL later). */
    private static String path(XsConnection conn, String arg) {
        return XsPath.canonicalize(arg, conn.home);
    }

    private static void ok(XsConnection conn, XsFrame req, XsMessageType type) {
        conn.sendReply(req, type, XsPayload.OK);
    }

    /** Exactly {@code n} NUL-terminated strings (trailing bytes without a NUL do not count). */
    private static List<String> exactly(byte[] p, int n) {
        List<String> v = XsPayload.strings(p);
        if (v.size() != n) {
            throw new XsRequestError(XsError.EINVAL);
        }
        return v;
    }

    private void watch(XsConnection conn, XsFrame req) {
        List<String> v = exactly(req.payload(), 2);
        XsWatch w = store.watches.add(conn, v.get(0), v.get(1));
        ok(conn, req, XsMessageType.WATCH);
        // Fires once at once, after the reply, "to simplify clients and restart".
        conn.sendEvent(w.eventPath(w.path()), w.token());
    }

    private void setPerms(XsConnection conn, XsFrame req, XsView view) {
        byte[] p = req.payload();
        int count = XsPayload.countNuls(p);
        if (count < 2) {
            throw new XsRequestError(XsError.EINVAL);
        }
        if (conn.unprivileged && count - 1 > store.quota.permissionsPerNode) {
            throw new XsRequestError(XsError.ENOSPC);
        }
        List<String> v = XsPayload.strings(p);
        List<XsPermission> list = new ArrayList<>();
        try {
            for (String s : v.subList(1, v.size())) {
                list.add(XsPermission.parse(s));
            }
        } catch (IllegalArgumentException e) {
            throw new XsRequestError(XsError.EINVAL);
        }
        XsPermissions perms = store.domains.allocPermRefs(XsPermissions.of(list));
        if (perms.ignored(0)) {
            throw new XsRequestError(XsError.ENOENT);
        }
        String name = v.get(0);
        if (name.startsWith("@")) {
            XsPermissions current = store.domains.special(name);
            if (current == null) {
                throw new XsRequestError(XsError.EINVAL);
            }
            int need = XsPermissions.WRITE | XsPermissions.OWNER;
            if ((current.accessFor(conn.id, conn.unprivileged, conn.targetId()) & need) != need) {
                throw new XsRequestError(XsError.EACCES);
            }
            store.domains.setSpecial(name, perms);
        } else {
            store.setPerms(conn, view, path(conn, name), perms);
        }
        ok(conn, req, XsMessageType.SET_PERMS);
    }

    /**
     * DIRECTORY_PART: the children from a byte offset on, as much as fits, after the node's
     * generation; a trailing empty string marks the end ({@code send_directory_part}).
     */
    private void directoryPart(XsConnection conn, XsFrame req, XsView view) {
        byte[] p = req.payload();
        if (XsPayload.countNuls(p) != 2) {
            throw new XsRequestError(XsError.EINVAL);
        }
        List<String> v = XsPayload.strings(p);
        XsNode node = store.get(conn, view, path(conn, v.get(0)), XsPermissions.READ);
        long off = Integer.toUnsignedLong(XsPayload.atoi(v.get(1)));
        byte[] gen = XsPayload.join(Long.toUnsignedString(node.generation()));
        byte[] kids = node.childrenBlob();
        if (off >= kids.length) {
            conn.sendReply(req, XsMessageType.DIRECTORY_PART, Arrays.copyOf(gen, gen.length + 1));
            return;
        }
        int start = (int) off;
        int maxlen = XsWireCodec.PAYLOAD_MAX - gen.length - 1;
        int len = 0;
        while (len + nameLength(kids, start + len) < maxlen) {
            len += nameLength(kids, start + len) + 1;
            if (start + len == kids.length) {
                break;
            }
        }
        boolean end = start + len == kids.length;
        byte[] out = new byte[gen.length + len + (end ? 1 : 0)];
        System.arraycopy(gen, 0, out, 0, gen.length);
        System.arraycopy(kids, start, out, gen.length, len);
        conn.sendReply(req, XsMessageType.DIRECTORY_PART, out);
    }

    private static int nameLength(byte[] blob, int from) {
        return XsPayload.indexOfNul(blob, from) - from;
    }

    /** What happens to a connection that goes away: its transactions and watches go with it. */
    void disconnect(XsConnection conn) {
        store.forget(conn);
        rings.close(conn);
    }

    private static String printable(byte[] p) {
        StringBuilder sb = new StringBuilder();
        for (byte b : p) {
            sb.append(b == 0 ? ' ' : (char) (b & 0xff));
        }
        return sb.toString();
    }
}
