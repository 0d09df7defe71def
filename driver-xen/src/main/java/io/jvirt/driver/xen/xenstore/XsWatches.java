package io.jvirt.driver.xen.xenstore;

import java.util.Iterator;

/**
 * Watch registration and delivery ({@code xenstored_watch.c} 4.17). A change of a node fires
 * every watch on that node or an ancestor (watches on {@code /} see everything), for each
 * connection allowed to know about it; removed descendants fire only watches set exactly on
 * them; the special {@code @introduceDomain}/{@code @releaseDomain} fire only exact watches,
 * for connections their permissions let read.
 */
final class XsWatches {
    private final XsStore store;

    XsWatches(XsStore store) {
        this.store = store;
    }

    /**
     * WATCH. {@code path} is as the caller sent it: relative paths are resolved against the
     * caller's home and reported back relative. The first event is sent after the reply.
     *
     * @return the new watch
     */
    XsWatch add(XsConnection conn, String path, String token) {
        String canonical;
        boolean relative;
        if (path.startsWith("@")) {
            relative = false;
            canonical = path;
            if (path.length() > XsPath.REL_PATH_MAX) {
                throw new XsRequestError(XsError.EINVAL);
            }
        } else {
            relative = !path.startsWith("/");
            canonical = XsPath.canonicalize(path, conn.home);
            if (!XsPath.isValid(canonical, store.quota.pathMax)) {
                throw new XsRequestError(XsError.EINVAL);
            }
        }
        for (XsWatch w : conn.watches) {
            if (w.path().equals(canonical) && w.token().equals(token)) {
                throw new XsRequestError(XsError.EEXIST);
            }
        }
        if (conn.unprivileged && conn.domain.watches > store.quota.watchesPerDomain) {
            throw new XsRequestError(XsError.E2BIG);
        }
        XsWatch w = new XsWatch(canonical, token, relative ? conn.home : null);
        conn.watches.add(w);
        if (conn.domain != null) {
            conn.domain.watches++;
        }
        return w;
    }

    /** UNWATCH: the path is resolved like WATCH's (but not checked); ENOENT if no such watch. */
    void remove(XsConnection conn, String path, String token) {
        String canonical = XsPath.canonicalize(path, conn.home);
        for (Iterator<XsWatch> it = conn.watches.iterator(); it.hasNext();) {
            XsWatch w = it.next();
            if (w.path().equals(canonical) && w.token().equals(token)) {
                it.remove();
                if (conn.domain != null && conn.domain.watches > 0) {
                    conn.domain.watches--;
                }
                return;
            }
        }
        throw new XsRequestError(XsError.ENOENT);
    }

    /** Drops all of a connection's watches (RESET_WATCHES, disconnect, release). */
    void removeAll(XsConnection conn) {
        if (conn.domain != null) {
            conn.domain.watches = Math.max(0, conn.domain.watches - conn.watches.size());
        }
        conn.watches.clear();
    }

    /**
     * Queues events for a change ({@code fire_watches}).
     *
     * @param node     the node after the change, or null to look it up in the committed tree
     * @param oldPerms permissions before the change: their readers hear of it too
     */
    void fire(String name, XsNode node, boolean exact, XsPermissions oldPerms) {
        boolean special = name.startsWith("@");
        for (XsConnection c : store.connections) {
            Boolean permitted = null;
            for (XsWatch w : c.watches) {
                if (!w.matches(name, exact)) {
                    continue;
                }
                if (permitted == null) {
                    permitted = special ? store.domains.specialReadable(name, c)
                            : permitted(c, name, node, oldPerms);
                }
                if (!permitted) {
                    break;
                }
                c.sendEvent(w.eventPath(name), w.token());
            }
        }
    }

    /**
     * Whether a watcher may hear of a change ({@code watch_permitted}): it can read the node
     * (with the old or the new permissions) or the node's parent.
     */
    private boolean permitted(XsConnection c, String name, XsNode node, XsPermissions oldPerms) {
        if (oldPerms != null
                && (oldPerms.accessFor(c.id, c.unprivileged, c.targetId()) & XsPermissions.READ) != 0) {
            return true;
        }
        if (node == null) {
            node = store.tree.get(name);
            if (node == null) {
                return false;
            }
        }
        if ((store.access(c, node) & XsPermissions.READ) != 0) {
            return true;
        }
        XsNode parent = store.tree.get(XsPath.parent(name));
        return parent != null && (store.access(c, parent) & XsPermissions.READ) != 0;
    }
}
