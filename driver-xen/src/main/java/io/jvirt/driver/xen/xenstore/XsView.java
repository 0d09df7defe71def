package io.jvirt.driver.xen.xenstore;

/**
 * How one request sees the store: the committed tree directly, or through its transaction.
 * The node operations are written once against this, as xenstored's are against
 * {@code read_node}/{@code write_node}/{@code access_node}.
 */
interface XsView {
    /**
     * The node, or null if absent. In a transaction this records the access (and may fail with
     * ENOSPC when an unprivileged transaction touches too many nodes).
     */
    XsNode read(String path);

    /** Stores the node, stamping a fresh generation; returns what was stored. */
    XsNode write(String path, XsNode node);

    void delete(String path);

    /**
     * Announces a change to watchers: at once outside a transaction, at commit inside one.
     *
     * @param node     the node as changed (null to look it up when firing)
     * @param exact    fire only watches set on exactly this path (removed descendants)
     * @param oldPerms the permissions before the change, whose readers are told too (or null)
     */
    void fireWatches(String path, XsNode node, boolean exact, XsPermissions oldPerms);

    /** Adds {@code delta} to the count of nodes {@code domid} owns. */
    void entryDelta(int domid, int delta);

    /** True inside a transaction, whose node counts reach the domains only at commit. */
    boolean inTransaction();

    /** A write failed half-way: xenstored cannot undo it in a transaction, so it dooms it. */
    void fail();

    /** Notes that a node was created (which makes the commit re-check node quotas). */
    void nodeCreated();
}
