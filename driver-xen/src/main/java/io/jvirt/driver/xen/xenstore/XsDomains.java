package io.jvirt.driver.xen.xenstore;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The domains the daemon knows, the permissions of the special watch paths
 * {@code @introduceDomain} and {@code @releaseDomain}, and the per-domain node accounting
 * ({@code xenstored_domain.c}). Whether a domain exists at all is the hypervisor's answer
 * ({@code xc_domain_getinfo} in C), given here as a predicate.
 */
final class XsDomains {
    /** {@code DOMID_FIRST_RESERVED}: domids from here on are not real domains. */
    static final int DOMID_FIRST_RESERVED = 0x7FF0;
    /** {@code DOMID_SELF}, which IS_DOMAIN_INTRODUCED always answers with T. */
    static final int DOMID_SELF = 0x7FF0;
    static final String INTRODUCE = "@introduceDomain";
    static final String RELEASE = "@releaseDomain";

    private final Map<Integer, XsDomain> domains = new HashMap<>();
    private final XsTree tree;
    private final IntPredicate hypervisorHas;
    /** {@code priv_domid}: besides Dom0, the one domain that is privileged (e.g. a driver domain). */
    final int privilegedDomid;
    private XsPermissions introducePerms = XsPermissions.DOM0_ONLY;
    private XsPermissions releasePerms = XsPermissions.DOM0_ONLY;

    XsDomains(XsTree tree, IntPredicate hypervisorHas, int privilegedDomid) {
        this.tree = tree;
        this.hypervisorHas = hypervisorHas;
        this.privilegedDomid = privilegedDomid;
        // Dom0 is introduced at start-up and owns the three initial nodes.
        XsDomain dom0 = alloc(0);
        dom0.introduced = true;
        dom0.entries = 3;
    }

    boolean unprivileged(int domid) {
        return domid != 0 && domid != privilegedDomid;
    }

    XsDomain find(int domid) {
        return domains.get(domid);
    }

    /** An introduced domain, or null. */
    XsDomain findIntroduced(int domid) {
        XsDomain d = domains.get(domid);
        return d != null && d.introduced ? d : null;
    }

    /** The domain, learning of it now if the hypervisor has it; null if it does not exist. */
    XsDomain findOrAllocExisting(int domid) {
        XsDomain d = domains.get(domid);
        if (d == null && hypervisorHas.test(domid)) {
            d = alloc(domid);
        }
        return d;
    }

    XsDomain findOrAlloc(int domid) {
        XsDomain d = domains.get(domid);
        return d != null ? d : alloc(domid);
    }

    private XsDomain alloc(int domid) {
        XsDomain d = new XsDomain(domid, tree.generation());
        domains.put(domid, d);
        return d;
    }

    Collection<XsDomain> all() {
        return domains.values();
    }

    void forget(XsDomain d) {
        domains.remove(d.domid);
    }

    boolean hypervisorHas(int domid) {
        return hypervisorHas.test(domid);
    }

    /**
     * The node's permissions with entries ignored whose domain is gone or newer than the node
     * ({@code domain_adjust_node_perms}), so a recycled domid does not inherit access.
     */
    XsPermissions effective(XsNode node) {
        long gen = node.generation();
        return node.perms().ignoring(id -> {
            XsDomain d = domains.get(id);
            return d == null || Long.compareUnsigned(d.generation, gen) > 0;
        });
    }

    /**
     * A permission list about to be set: entries naming domains the hypervisor does not have
     * are ignored (the owner's too, which the caller refuses), the others become known
     * ({@code domain_alloc_permrefs}).
     */
    XsPermissions allocPermRefs(XsPermissions p) {
        return p.ignoringAll(id -> findOrAllocExisting(id) == null);
    }

    /** At a write, entries naming domains the daemon no longer knows become ignored. */
    XsPermissions forWrite(XsPermissions p) {
        return p.ignoring(id -> !domains.containsKey(id));
    }

    /** The nodes the connection's domain owns, as the node quota counts them (0 if exempt). */
    int entries(XsConnection conn) {
        return conn.unprivileged ? conn.domain.entries : 0;
    }

    void entryDelta(int domid, int delta) {
        XsDomain d = delta > 0 ? findOrAllocExisting(domid) : domains.get(domid);
        if (d != null) {
            d.entries += delta;
        }
    }

    /**
     * A domain's node count after a transaction's change ({@code domain_entry_fix} without
     * update): -1 if the domain does not exist, 0 for privileged domains, never below 0.
     */
    int entriesAfter(int domid, int delta) {
        XsDomain d = findOrAllocExisting(domid);
        if (d == null) {
            return -1;
        }
        int cnt = Math.max(0, d.entries + delta);
        return unprivileged(domid) ? cnt : 0;
    }

    /** The permissions of a special path, or null if {@code name} is not one. */
    XsPermissions special(String name) {
        return switch (name) {
            case INTRODUCE -> introducePerms;
            case RELEASE -> releasePerms;
            default -> null;
        };
    }

    void setSpecial(String name, XsPermissions p) {
        if (name.equals(INTRODUCE)) {
            introducePerms = p;
        } else if (name.equals(RELEASE)) {
            releasePerms = p;
        }
    }

    /** Whether a connection may receive events of a special path ({@code check_perms_special}). */
    boolean specialReadable(String name, XsConnection c) {
        XsPermissions p = special(name);
        return p != null && (p.accessFor(c.id, c.unprivileged, c.targetId()) & XsPermissions.READ) != 0;
    }

    /** A released domain leaves the special paths' permission lists ({@code domain_tree_remove}). */
    void removeFromSpecial(int domid) {
        introducePerms = introducePerms.withoutDomain(domid, privilegedDomid);
        releasePerms = releasePerms.withoutDomain(domid, privilegedDomid);
    }
}
