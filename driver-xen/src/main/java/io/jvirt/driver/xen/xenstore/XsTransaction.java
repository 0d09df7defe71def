package io.jvirt.driver.xen.xenstore;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One open transaction of a connection. Reads see the tree as it was when the transaction
 * started (a snapshot) plus the transaction's own changes; changes stay private until commit.
 *
 * <p>Conflicts are found as xenstored 4.17 finds them: every node the transaction reads,
 * including absent ones, is recorded with its generation; at commit each must still have that
 * generation in the committed tree, else the commit fails with EAGAIN and nothing is applied.
 * Since a node is always read before it is changed, the nodes changed are among those checked,
 * and the transaction's versions of them can be stored as they are. (xenstored reads the live
 * tree on first access instead of a snapshot, so it tolerates changes made before the first
 * access; a snapshot gives a consistent view, at the price of EAGAIN in that case too.)
 */
final class XsTransaction implements XsView {
    /** What the transaction knows about one node it touched. */
    static final class Access {
        /** Generation when first read ({@link XsNode#NO_GENERATION} if absent). */
        long generation;
        boolean checkGeneration;
        boolean modified;
        /** The transaction's current version; null if absent or deleted. */
        XsNode node;
        /** Effective permissions when first read, for telling watchers who lose access. */
        XsPermissions originalPerms;
        boolean fireWatch;
        boolean watchExact;
    }

    final int id;
    final XsConnection conn;
    private final XsStore store;
    private final XsTree.Snapshot snapshot;
    final Map<String, Access> accessed = new LinkedHashMap<>();
    final Map<Integer, Integer> entryDeltas = new LinkedHashMap<>();
    boolean failed;
    boolean created;

    XsTransaction(int id, XsConnection conn, XsStore store) {
        this.id = id;
        this.conn = conn;
        this.store = store;
        this.snapshot = store.tree.openSnapshot();
    }

    @Override
    public XsNode read(String path) {
        Access a = accessed.get(path);
        if (a != null) {
            return a.node;
        }
        a = newAccess();
        XsNode n = snapshot.get(path);
        a.generation = n == null ? XsNode.NO_GENERATION : n.generation();
        a.checkGeneration = true;
        a.node = n;
        a.originalPerms = n == null ? null : store.domains.effective(n);
        accessed.put(path, a);
        return n;
    }

    @Override
    public XsNode write(String path, XsNode node) {
        Access a = accessed.get(path);
        if (a == null) {
            a = newAccess();
            accessed.put(path, a);
        }
        XsNode stored = node.withGeneration(store.tree.nextGeneration());
        a.node = stored;
        a.modified = true;
        return stored;
    }

    @Override
    public void delete(String path) {
        Access a = accessed.get(path);
        if (a == null) {
            a = newAccess();
            accessed.put(path, a);
        }
        a.node = null;
        a.modified = true;
    }

    /** {@code access_node}'s quota: a guest's transaction may touch so many nodes. */
    private Access newAccess() {
        if (conn.unprivileged && accessed.size() >= store.quota.transactionNodes) {
            failed = true;
            throw new XsRequestError(XsError.ENOSPC);
        }
        return new Access();
    }

    @Override
    public void fireWatches(String path, XsNode node, boolean exact, XsPermissions oldPerms) {
        Access a = accessed.get(path);
        if (a == null) {
            failed = true;
            return;
        }
        // A subtree event replaces an exact one, never the other way round (queue_watches).
        if (!a.fireWatch) {
            a.fireWatch = true;
            a.watchExact = exact;
        } else if (!exact) {
            a.watchExact = false;
        }
    }

    @Override
    public void entryDelta(int domid, int delta) {
        entryDeltas.merge(domid, delta, Integer::sum);
    }

    @Override
    public boolean inTransaction() {
        return true;
    }

    @Override
    public void fail() {
        failed = true;
    }

    @Override
    public void nodeCreated() {
        created = true;
    }

    /** Forgets the transaction's snapshot (after commit or abort). */
    void close() {
        snapshot.close();
    }
}
