package io.jvirt.driver.xen.xenstore;

import java.util.List;

/**
 * The limits xenstored 4.17 puts on unprivileged domains (Dom0 and socket clients are exempt),
 * with its defaults. Each is checked where and how xenstored checks it, off-by-one included:
 * see the comments on the fields. The CONTROL command {@code quota set} changes them at run time.
 */
final class XsQuota {
    /** {@code -E}: nodes a domain may own; creating fails with ENOSPC once it owns this many. */
    int nodesPerDomain = 1000;
    /** {@code -W}: refused with E2BIG when a domain already has more than this many watches. */
    int watchesPerDomain = 128;
    /** {@code -t}: refused with ENOSPC when a connection already has more than this many open. */
    int transactionsPerDomain = 10;
    /** {@code -Q transaction-nodes}: distinct nodes one transaction may touch (ENOSPC). */
    int transactionNodes = 1024;
    /** {@code -S}: a stored node (24 + 8 per permission + value + child names) must be smaller. */
    int nodeSize = 2048;
    /** {@code -M}: length of a path after {@code /local/domain/<domid>/} (EINVAL). Not exempt. */
    int pathMax = XsPath.REL_PATH_MAX;
    /** {@code -A}: entries in a permission list (ENOSPC). */
    int permissionsPerNode = 5;

    /** One quota as CONTROL {@code quota} lists it. */
    record Entry(String name, int value, String description) {
    }

    /** The quotas in the order {@code quota} prints them, with xenstored's descriptions. */
    List<Entry> entries() {
        return List.of(
                new Entry("nodes", nodesPerDomain, "Nodes per domain"),
                new Entry("watches", watchesPerDomain, "Watches per domain"),
                new Entry("transactions", transactionsPerDomain, "Transactions per domain"),
                new Entry("transaction-nodes", transactionNodes,
                        "Max. number of accessed nodes per transaction"),
                new Entry("node-size", nodeSize, "Max. size of a node"),
                new Entry("path-max", pathMax, "Max. length of a node path"),
                new Entry("permissions", permissionsPerNode, "Max. number of permissions per node"));
    }

    /** Sets a quota by its CONTROL name; false if there is none by that name. */
    boolean set(String name, int value) {
        switch (name) {
            case "nodes" -> nodesPerDomain = value;
            case "watches" -> watchesPerDomain = value;
            case "transactions" -> transactionsPerDomain = value;
            case "transaction-nodes" -> transactionNodes = value;
            case "node-size" -> nodeSize = value;
            case "path-max" -> pathMax = value;
            case "permissions" -> permissionsPerNode = value;
            default -> {
                return false;
            }
        }
        return true;
    }

    XsQuota copy() {
        XsQuota q = new XsQuota();
        q.nodesPerDomain = nodesPerDomain;
        q.watchesPerDomain = watchesPerDomain;
        q.transactionsPerDomain = transactionsPerDomain;
        q.transactionNodes = transactionNodes;
        q.nodeSize = nodeSize;
        q.pathMax = pathMax;
        q.permissionsPerNode = permissionsPerNode;
        return q;
    }
}
