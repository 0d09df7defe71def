package io.jvirt.driver.xen.xenstore;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The domain messages ({@code xenstored_domain.c} 4.17): INTRODUCE, RELEASE, RESUME,
 * SET_TARGET and IS_DOMAIN_INTRODUCED, all privileged, with the special watches
 * {@code @introduceDomain} and {@code @releaseDomain} they fire.
 */
final class XsDomainRequests {
    private static final System.Logger LOG = System.getLogger(XsDomainRequests.class.getName());

    private final XsStore store;
    private final XsRings rings;

    XsDomainRequests(XsStore store, XsRings rings) {
        this.store = store;
        this.rings = rings;
    }

    /**
     * INTRODUCE domid, gfn, event channel: the first time, gives the domain its ring (here an
     * in-process pipe) and fires {@code @introduceDomain}; again, resets the ring's watches and
     * transactions, and reopens the ring if its guest had closed it.
     */
    void introduce(XsConnection conn, XsFrame req) {
        List<String> v = XsPayload.strings(req.payload());
        if (v.size() < 3) {
            throw new XsRequestError(XsError.EINVAL);
        }
        int domid = XsPayload.atoi(v.get(0));
        int port = XsPayload.atoi(v.get(2));
        // The port is unsigned in C, so only 0 fails its "port <= 0" check. The gfn is unused.
        if (port == 0) {
            throw new XsRequestError(XsError.EINVAL);
        }
        XsDomain d = store.domains.find(domid);
        boolean first = d == null || !d.introduced;
        if (first && !store.domains.hypervisorHas(domid)) {
            // Mapping the ring of a domain that does not exist fails; errors without a wire
            // name go out as EINVAL.
            throw new XsRequestError(XsError.EINVAL);
        }
        if (d == null) {
            d = store.domains.findOrAlloc(domid);
        }
        d.port = port;
        // Dom0's own ring is not modelled: its tools use the socket.
        if (domid != 0 && (first || d.conn == null || d.conn.closed)) {
            try {
                rings.open(d);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.ERROR, "cannot open a ring for domain " + domid, e);
                throw new XsRequestError(XsError.EIO);
            }
        }
        if (first) {
            d.introduced = true;
            if (domid != 0) {
                store.watches.fire(XsDomains.INTRODUCE, null, true, null);
            }
        }
        if (d.conn != null) {
            store.forget(d.conn);
        }
        ok(conn, req, XsMessageType.INTRODUCE);
    }

    /** RELEASE domid. */
    void release(XsConnection conn, XsFrame req) {
        release(connectedDomain(oneDomid(req.payload())));
        ok(conn, req, XsMessageType.RELEASE);
    }

    /**
     * Forgets a domain: closes its ring, removes the nodes it owns (or gives them to the
     * privileged domain with keep-orphans), takes it off the special paths' permissions and
     * fires {@code @releaseDomain}.
     */
    void release(XsDomain d) {
        if (d.conn != null) {
            store.forget(d.conn);
            rings.close(d.conn);
        }
        removeOwnedNodes(d);
        store.domains.removeFromSpecial(d.domid);
        store.domains.forget(d);
        if (d.introduced) {
            store.watches.fire(XsDomains.RELEASE, null, true, null);
        }
    }

    /** RESUME domid: clears the shut-down mark. */
    void resume(XsConnection conn, XsFrame req) {
        connectedDomain(oneDomid(req.payload())).shutdown = false;
        ok(conn, req, XsMessageType.RESUME);
    }

    /** SET_TARGET domid, target: the first domain gets the second's rights. */
    void setTarget(XsConnection conn, XsFrame req) {
        List<String> v = XsPayload.strings(req.payload());
        if (v.size() < 2) {
            throw new XsRequestError(XsError.EINVAL);
        }
        XsDomain d = connectedDomain(XsPayload.atoi(v.get(0)));
        XsDomain target = connectedDomain(XsPayload.atoi(v.get(1)));
        d.conn.target = target.domid;
        ok(conn, req, XsMessageType.SET_TARGET);
    }

    /** IS_DOMAIN_INTRODUCED domid: T or F ({@code DOMID_SELF} is always T). */
    void isIntroduced(XsConnection conn, XsFrame req) {
        String arg = XsPayload.oneArg(req.payload());
        if (arg == null) {
            throw new XsRequestError(XsError.EINVAL);
        }
        int domid = XsPayload.atoi(arg);
        boolean known = domid == XsDomains.DOMID_SELF || store.domains.findIntroduced(domid) != null;
        conn.sendReply(req, XsMessageType.IS_DOMAIN_INTRODUCED, XsPayload.join(known ? "T" : "F"));
    }

    /** The one domid argument of RELEASE and RESUME; domain 0 cannot be named (EINVAL). */
    private static int oneDomid(byte[] p) {
        String arg = XsPayload.oneArg(p);
        int domid = arg == null ? 0 : XsPayload.atoi(arg);
        if (domid == 0) {
            throw new XsRequestError(XsError.EINVAL);
        }
        return domid;
    }

    /** An introduced domain with a connection ({@code find_connected_domain}). */
    private XsDomain connectedDomain(int domid) {
        XsDomain d = store.domains.findIntroduced(domid);
        if (d == null) {
            throw new XsRequestError(XsError.ENOENT);
        }
        if (d.conn == null) {
            throw new XsRequestError(XsError.EINVAL);
        }
        return d;
    }

    /** {@code domain_tree_remove}: top-down; a removed node takes its subtree with it. */
    private void removeOwnedNodes(XsDomain d) {
        Deque<String> todo = new ArrayDeque<>();
        todo.push("/");
        while (!todo.isEmpty() && d.entries > 0) {
            String path = todo.pop();
            XsNode node = store.tree.get(path);
            if (node == null) {
                continue;
            }
            if (node.perms().owner() == d.domid && !path.equals("/")) {
                if (!store.keepOrphans) {
                    store.rmNode(store.direct, path);
                    continue;
                }
                // Rewritten in place, keeping its generation, as write_node_raw does.
                store.tree.put(path, node.withPerms(node.perms().withOwner(store.domains.privilegedDomid)));
                store.domains.entryDelta(d.domid, -1);
                store.domains.entryDelta(store.domains.privilegedDomid, 1);
            }
            List<String> kids = node.children();
            for (int i = kids.size() - 1; i >= 0; i--) {
                todo.push(XsPath.child(path, kids.get(i)));
            }
        }
    }

    private static void ok(XsConnection conn, XsFrame req, XsMessageType type) {
        conn.sendReply(req, type, XsPayload.OK);
    }
}
