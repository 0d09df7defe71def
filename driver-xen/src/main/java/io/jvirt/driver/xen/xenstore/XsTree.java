package io.jvirt.driver.xen.xenstore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The committed tree: nodes by absolute name, as xenstored's tdb holds them, plus the global
 * generation counter. Open snapshots see the tree as it was when they were taken: the first
 * change of each node after that copies the old node into every open snapshot, so a snapshot
 * costs nothing until the tree changes under it.
 *
 * <p>Confined to the daemon's thread, like everything the daemon owns.
 */
final class XsTree {
    /** Stands for "absent when the snapshot was taken" in a snapshot's map. */
    private static final XsNode ABSENT = XsNode.empty(XsPermissions.DOM0_ONLY);

    private final Map<String, XsNode> nodes = new HashMap<>();
    private final List<Snapshot> open = new ArrayList<>();
    private long generation;

    /** A tree holding xenstored's initial nodes: {@code /}, {@code /tool}, {@code /tool/xenstored}. */
    XsTree() {
        put("/", XsNode.empty(XsPermissions.DOM0_ONLY).withChild("tool").withGeneration(nextGeneration()));
        put("/tool", XsNode.empty(XsPermissions.DOM0_ONLY).withChild("xenstored")
                .withGeneration(nextGeneration()));
        put("/tool/xenstored", XsNode.empty(XsPermissions.DOM0_ONLY).withGeneration(nextGeneration()));
    }

    XsNode get(String path) {
        return nodes.get(path);
    }

    void put(String path, XsNode node) {
        preserve(path);
        nodes.put(path, node);
    }

    void remove(String path) {
        preserve(path);
        nodes.remove(path);
    }

    int size() {
        return nodes.size();
    }

    /** The next value of the global generation count (every modification takes one). */
    long nextGeneration() {
        return ++generation;
    }

    /** The current count, which a domain records when xenstored first learns of it. */
    long generation() {
        return generation;
    }

    Map<String, XsNode> nodes() {
        return nodes;
    }

    Snapshot openSnapshot() {
        Snapshot s = new Snapshot();
        open.add(s);
        return s;
    }

    int openSnapshots() {
        return open.size();
    }

    private void preserve(String path) {
        if (open.isEmpty()) {
            return;
        }
        XsNode old = nodes.get(path);
        for (Snapshot s : open) {
            s.before.putIfAbsent(path, old == null ? ABSENT : old);
        }
    }

    /** The tree as it was when this was opened; close it when done. */
    final class Snapshot {
        private final Map<String, XsNode> before = new HashMap<>();

        XsNode get(String path) {
            XsNode old = before.get(path);
            if (old == null) {
                return nodes.get(path);
            }
            return old == ABSENT ? null : old;
        }

        void close() {
            open.remove(this);
        }
    }
}
