package io.jvirt.driver.xen.xenstore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * The semantics of xenstored's node operations ({@code xenstored_core.c} 4.17): permission
 * checks that do not reveal whether a hidden node exists, node creation with inherited
 * permissions and quotas, recursive removal with its watch events, permission changes, and
 * transaction commit. Every operation either completes or leaves the committed tree as it was.
 *
 * <p>Confined to the daemon's thread, like everything the daemon owns.
 */
final class XsStore {
    private static final byte[] EMPTY = new byte[0];

    final XsTree tree = new XsTree();
    final XsQuota quota;
    final XsDomains domains;
    final XsWatches watches;
    /** {@code -K}: keep the nodes a released domain owns (giving them to Dom0) instead of removing them. */
    final boolean keepOrphans;
    /** Every connection, in the order watch events are handed out. */
    final Set<XsConnection> connections = new LinkedHashSet<>();
    /** The committed tree as a request outside a transaction sees it. */
    final XsView direct = new Direct();
    /** Runs once just before the next commit checks for conflicts (lets tests make one). */
    Runnable beforeNextCommit;

    XsStore(XsQuota quota, IntPredicate hypervisorHas, int privilegedDomid, boolean keepOrphans) {
        this.quota = quota;
        this.domains = new XsDomains(tree, hypervisorHas, privilegedDomid);
        this.watches = new XsWatches(this);
        this.keepOrphans = keepOrphans;
    }

    XsView view(XsTransaction tx) {
        return tx == null ? direct : tx;
    }

    /** What {@code c} may do with {@code node} ({@code perm_for_conn} on the live permissions). */
    int access(XsConnection c, XsNode node) {
        return domains.effective(node).accessFor(c.id, c.unprivileged, c.targetId());
    }

    /**
     * The node if the caller has {@code perm} on it, null if it does not exist and the nearest
     * existing ancestor would let the caller know that; otherwise EACCES ({@code get_node} with
     * {@code errno_from_parents}). EINVAL for a null or invalid name.
     */
    XsNode lookup(XsConnection conn, XsView view, String name, int perm) {
        if (name == null || !XsPath.isValid(name, quota.pathMax)) {
            throw new XsRequestError(XsError.EINVAL);
        }
        XsNode node = view.read(name);
        if (node != null && (access(conn, node) & perm) == perm) {
            return node;
        }
        if ((askParents(conn, view, name) & perm) == 0) {
            throw new XsRequestError(XsError.EACCES);
        }
        if (node != null) {
            throw new XsRequestError(XsError.EACCES);
        }
        return null;
    }

    /** Like {@link #lookup} but a missing node is ENOENT. */
    XsNode get(XsConnection conn, XsView view, String name, int perm) {
        XsNode node = lookup(conn, view, name, perm);
        if (node == null) {
            throw new XsRequestError(XsError.ENOENT);
        }
        return node;
    }

    /** The caller's access to the nearest existing proper ancestor ({@code ask_parents}). */
    private int askParents(XsConnection conn, XsView view, String name) {
        String p = name;
        XsNode node;
        do {
            p = XsPath.parent(p);
            node = view.read(p);
        } while (node == null && !p.equals("/"));
        return node == null ? 0 : access(conn, node);
    }

    /** WRITE: stores the value, creating the node and missing parents if needed. */
    void write(XsConnection conn, XsView view, String name, byte[] value) {
        XsNode node = lookup(conn, view, name, XsPermissions.WRITE);
        if (node == null) {
            node = create(conn, view, name, value);
        } else {
            node = store(conn, view, name, asRead(node).withValue(value), true);
        }
        view.fireWatches(name, node, false, null);
    }

    /** MKDIR: creates an empty node; an existing one is left alone (and fires nothing). */
    void mkdir(XsConnection conn, XsView view, String name) {
        XsNode node = lookup(conn, view, name, XsPermissions.WRITE);
        if (node == null) {
            node = create(conn, view, name, EMPTY);
            view.fireWatches(name, node, false, null);
        }
    }

    /**
     * RM: removes the node and everything below it. A missing node is fine if its parent
     * exists; the root cannot be removed.
     */
    void rm(XsConnection conn, XsView view, String name) {
        XsNode node = lookup(conn, view, name, XsPermissions.WRITE);
        if (node == null) {
            if (view.read(XsPath.parent(name)) != null) {
                return;
            }
            throw new XsRequestError(XsError.ENOENT);
        }
        if (name.equals("/")) {
            throw new XsRequestError(XsError.EINVAL);
        }
        rmNode(view, name);
    }

    /** Removes a subtree without permission checks ({@code rm_node}). */
    void rmNode(XsView view, String name) {
        String parentName = XsPath.parent(name);
        XsNode parent = view.read(parentName);
        if (parent == null) {
            throw new XsRequestError(XsError.EINVAL);
        }
        removeSubtree(view, name, name);
        store(null, view, parentName, asRead(parent).withoutChild(XsPath.basename(name)), false);
    }

    /**
     * Children first, then the node ({@code delnode_sub}). The root of the removal fires watches
     * on itself and its ancestors; each node below fires only watches set exactly on it.
     */
    private void removeSubtree(XsView view, String path, String root) {
        XsNode node = view.read(path);
        if (node == null) {
            throw new XsRequestError(XsError.EIO);
        }
        for (String child : node.children()) {
            removeSubtree(view, XsPath.child(path, child), root);
        }
        view.delete(path);
        view.fireWatches(path, asRead(node), !path.equals(root), null);
        view.entryDelta(node.perms().owner(), -1);
    }

    /**
     * Creates {@code name} and any missing ancestors ({@code construct_node}, {@code create_node}).
     * New nodes copy their parent's permissions; a guest becomes the owner of what it creates.
     * Quotas are checked in xenstored's order (bottom-up, node count then node size) before
     * anything is stored; in a transaction a failure after the first node dooms it, as in C.
     */
    XsNode create(XsConnection conn, XsView view, String name, byte[] value) {
        List<String> names = new ArrayList<>();
        names.add(name);
        String parentName = XsPath.parent(name);
        XsNode parent;
        while ((parent = view.read(parentName)) == null) {
            if (parentName.equals("/")) {
                throw new XsRequestError(XsError.EIO);
            }
            names.add(parentName);
            parentName = XsPath.parent(parentName);
        }
        int created = names.size();
        names.add(parentName);
        // chain[i] is the node for names[i]: [0] the requested one, [created] the existing ancestor.
        XsNode[] chain = new XsNode[created + 1];
        chain[created] = asRead(parent);
        XsPermissions perms = chain[created].perms();
        if (conn.unprivileged) {
            perms = perms.withOwner(conn.id);
        }
        for (int i = created - 1; i >= 0; i--) {
            chain[i + 1] = chain[i + 1].withChild(XsPath.basename(names.get(i)));
            chain[i] = XsNode.empty(perms);
        }
        chain[0] = chain[0].withValue(value);
        // Noted before the checks, as C does: the commit then re-checks the node quota.
        view.nodeCreated();

        int owned = domains.entries(conn);
        for (int i = 0; i <= created; i++) {
            // Outside a transaction each new node counts at once; inside, only at commit.
            int counted = view.inTransaction() ? 0 : i;
            if (i < created && conn.unprivileged && owned + counted >= quota.nodesPerDomain) {
                if (i > 0) {
                    view.fail();
                }
                throw new XsRequestError(XsError.ENOSPC);
            }
            checkSize(conn, view, chain[i]);
        }
        XsNode result = null;
        for (int i = 0; i <= created; i++) {
            XsNode stored = store(conn, view, names.get(i), chain[i], false);
            if (i < created) {
                view.entryDelta(stored.perms().owner(), 1);
            }
            if (i == 0) {
                result = stored;
            }
        }
        return result;
    }

    /** SET_PERMS on a node (special paths are the caller's business). */
    void setPerms(XsConnection conn, XsView view, String name, XsPermissions perms) {
        XsNode node = get(conn, view, name, XsPermissions.WRITE | XsPermissions.OWNER);
        if (conn.unprivileged && perms.owner() != node.perms().owner()) {
            throw new XsRequestError(XsError.EPERM);
        }
        XsPermissions old = domains.effective(node);
        XsNode stored = store(conn, view, name, node.withPerms(perms), true);
        view.entryDelta(old.owner(), -1);
        view.entryDelta(perms.owner(), 1);
        view.fireWatches(name, stored, false, old);
    }

    /** The node with the permission entries its reader saw ignored kept ignored when stored. */
    private XsNode asRead(XsNode node) {
        return node.withPerms(domains.effective(node));
    }

    /**
     * Stores a node ({@code write_node}): entries naming unknown domains become ignored, and a
     * guest's node must stay under the node-size quota (a failure dooms a transaction).
     */
    private XsNode store(XsConnection conn, XsView view, String name, XsNode node, boolean checkSize) {
        if (checkSize) {
            checkSize(conn, view, node);
        }
        return view.write(name, node.withPerms(domains.forWrite(node.perms())));
    }

    private void checkSize(XsConnection conn, XsView view, XsNode node) {
        if (conn != null && conn.unprivileged && node.recordSize() >= quota.nodeSize) {
            view.fail();
            throw new XsRequestError(XsError.ENOSPC);
        }
    }

    /** Drops a connection's watches and open transactions (RESET_WATCHES, disconnect, release). */
    void forget(XsConnection conn) {
        watches.removeAll(conn);
        for (XsTransaction t : conn.transactions.values()) {
            t.close();
        }
        conn.transactions.clear();
    }

    /** TRANSACTION_START: a new transaction of {@code conn}, with the lowest unused non-zero id after the last. */
    XsTransaction begin(XsConnection conn, XsTransaction current) {
        if (current != null) {
            throw new XsRequestError(XsError.EBUSY);
        }
        if (conn.unprivileged && conn.transactions.size() > quota.transactionsPerDomain) {
            throw new XsRequestError(XsError.ENOSPC);
        }
        int id;
        do {
            id = conn.nextTransactionId++;
        } while (id == 0 || conn.transactions.containsKey(id));
        XsTransaction tx = new XsTransaction(id, conn, this);
        conn.transactions.put(id, tx);
        return tx;
    }

    /**
     * TRANSACTION_END: ends the transaction either way; on commit, applies it all or nothing.
     * Errors in xenstored's order: doomed (ENOMEM), node quota (ENOSPC), conflict (EAGAIN).
     */
    void end(XsConnection conn, XsTransaction tx, boolean commit) {
        conn.transactions.remove(tx.id);
        try {
            if (commit) {
                commit(conn, tx);
            }
        } finally {
            tx.close();
        }
    }

    private void commit(XsConnection conn, XsTransaction tx) {
        if (tx.failed) {
            throw new XsRequestError(XsError.ENOMEM);
        }
        boolean checkQuota = tx.created && conn.unprivileged;
        for (Map.Entry<Integer, Integer> d : tx.entryDeltas.entrySet()) {
            int count = domains.entriesAfter(d.getKey(), d.getValue());
            if (checkQuota && count >= quota.nodesPerDomain) {
                throw new XsRequestError(XsError.ENOSPC);
            }
            if (count < 0) {
                throw new XsRequestError(XsError.ENOMEM);
            }
        }
        Runnable hook = beforeNextCommit;
        if (hook != null) {
            beforeNextCommit = null;
            hook.run();
        }
        for (Map.Entry<String, XsTransaction.Access> e : tx.accessed.entrySet()) {
            XsTransaction.Access a = e.getValue();
            if (a.checkGeneration) {
                XsNode now = tree.get(e.getKey());
                long gen = now == null ? XsNode.NO_GENERATION : now.generation();
                if (gen != a.generation) {
                    throw new XsRequestError(XsError.EAGAIN);
                }
            }
        }
        for (Map.Entry<String, XsTransaction.Access> e : tx.accessed.entrySet()) {
            XsTransaction.Access a = e.getValue();
            if (!a.modified) {
                continue;
            }
            if (a.node != null) {
                tree.put(e.getKey(), a.node.withGeneration(tree.nextGeneration()));
            } else {
                tree.remove(e.getKey());
            }
        }
        for (Map.Entry<String, XsTransaction.Access> e : tx.accessed.entrySet()) {
            XsTransaction.Access a = e.getValue();
            if (a.fireWatch) {
                watches.fire(e.getKey(), null, a.watchExact, a.originalPerms);
            }
        }
        tx.entryDeltas.forEach(domains::entryDelta);
    }

    /**
     * Consistency of the tree (what CONTROL {@code check} verifies): every listed child exists,
     * every node but the root is listed by its parent, and node counts match owners.
     */
    List<String> check() {
        List<String> problems = new ArrayList<>();
        Map<String, XsNode> nodes = tree.nodes();
        Map<Integer, Integer> owned = new HashMap<>();
        for (Map.Entry<String, XsNode> e : nodes.entrySet()) {
            String path = e.getKey();
            XsNode n = e.getValue();
            owned.merge(n.perms().owner(), 1, Integer::sum);
            for (String c : n.children()) {
                if (!nodes.containsKey(XsPath.child(path, c))) {
                    problems.add(path + " lists missing child " + c);
                }
            }
            if (!path.equals("/")) {
                XsNode parent = nodes.get(XsPath.parent(path));
                if (parent == null || !parent.children().contains(XsPath.basename(path))) {
                    problems.add(path + " is not listed by its parent");
                }
            }
        }
        owned.forEach((domid, count) -> {
            XsDomain d = domains.find(domid);
            if (d == null || d.entries != count) {
                problems.add("domain " + domid + " owns " + count + " nodes but is charged "
                        + (d == null ? "none" : d.entries));
            }
        });
        for (XsDomain d : domains.all()) {
            if (d.entries != 0 && !owned.containsKey(d.domid)) {
                problems.add("domain " + d.domid + " owns no nodes but is charged " + d.entries);
            }
        }
        return problems;
    }

    /** Requests outside a transaction act on the committed tree at once. */
    private final class Direct implements XsView {
        @Override
        public XsNode read(String path) {
            return tree.get(path);
        }

        @Override
        public XsNode write(String path, XsNode node) {
            XsNode stored = node.withGeneration(tree.nextGeneration());
            tree.put(path, stored);
            return stored;
        }

        @Override
        public void delete(String path) {
            tree.remove(path);
        }

        @Override
        public void fireWatches(String path, XsNode node, boolean exact, XsPermissions oldPerms) {
            watches.fire(path, node, exact, oldPerms);
        }

        @Override
        public void entryDelta(int domid, int delta) {
            domains.entryDelta(domid, delta);
        }

        @Override
        public boolean inTransaction() {
            return false;
        }

        @Override
        public void fail() {
            // Nothing was stored: outside a transaction a failed request leaves no trace.
        }

        @Override
        public void nodeCreated() {
            // Only a transaction needs to know.
        }
    }
}
