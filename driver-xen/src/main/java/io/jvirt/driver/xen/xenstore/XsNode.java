package io.jvirt.driver.xen.xenstore;

import java.util.ArrayList;
import java.util.List;

/**
 * One node of the tree: its value (arbitrary bytes), permissions, children in creation order
 * (the order DIRECTORY lists them) and generation, the global count stamped by its last
 * modification, which transactions compare to detect conflicts. Immutable: every change makes
 * a new node, so a transaction's snapshot can keep the old one.
 */
record XsNode(byte[] value, XsPermissions perms, List<String> children, long generation) {
    /** {@code NO_GENERATION}: the generation a transaction records for an absent node. */
    static final long NO_GENERATION = -1L;

    /** {@code sizeof(struct xs_tdb_record_hdr)}: the fixed part of a stored node. */
    static final int RECORD_HEADER = 24;
    /** {@code sizeof(struct xs_permissions)}. */
    static final int PERMISSION_SIZE = 8;

    private static final byte[] EMPTY = new byte[0];

    XsNode {
        children = List.copyOf(children);
    }

    /** A new node with no value and no children. */
    static XsNode empty(XsPermissions perms) {
        return new XsNode(EMPTY, perms, List.of(), NO_GENERATION);
    }

    XsNode withValue(byte[] v) {
        return new XsNode(v, perms, children, generation);
    }

    XsNode withPerms(XsPermissions p) {
        return new XsNode(value, p, children, generation);
    }

    XsNode withGeneration(long g) {
        return new XsNode(value, perms, children, g);
    }

    XsNode withChild(String name) {
        List<String> c = new ArrayList<>(children.size() + 1);
        c.addAll(children);
        c.add(name);
        return new XsNode(value, perms, c, generation);
    }

    XsNode withoutChild(String name) {
        List<String> c = new ArrayList<>(children);
        c.remove(name);
        return new XsNode(value, perms, c, generation);
    }

    /** The children as DIRECTORY sends them: each name followed by a NUL. */
    byte[] childrenBlob() {
        return XsPayload.join(children);
    }

    int childrenLength() {
        int n = 0;
        for (String c : children) {
            n += c.length() + 1;
        }
        return n;
    }

    /**
     * Size of the record xenstored would store, which its node-size quota limits: header,
     * permissions, value and NUL-separated child names.
     */
    int recordSize() {
        return RECORD_HEADER + PERMISSION_SIZE * perms.size() + value.length + childrenLength();
    }
}
