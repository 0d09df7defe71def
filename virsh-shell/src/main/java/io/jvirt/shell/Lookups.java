package io.jvirt.shell;

import io.jvirt.Connection;
import io.jvirt.Domain;
import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.HostInterface;
import io.jvirt.Network;
import io.jvirt.StoragePool;
import io.jvirt.StorageVolume;
import io.jvirt.VirtException;
import java.util.UUID;

/**
 * How virsh finds the object a command names ({@code virshCommandOptDomainBy} and friends):
 * a domain by id, then UUID, then name; networks and pools by UUID, then name; volumes by
 * name in {@code --pool}, then key, then path; interfaces by MAC or name. Failures carry
 * virsh's wording; like virsh, a failed domain lookup drops the library error while the
 * others keep it.
 */
final class Lookups {
    static final int BY_ID = 1 << 1;
    static final int BY_UUID = 1 << 2;
    static final int BY_NAME = 1 << 3;
    static final int BY_MAC = 1 << 4;

    private static final int UUID_LENGTH = 36;

    private Lookups() {
    }

    /** The domain named by option {@code domain}, tried by id, UUID and name. */
    static Domain domain(Invocation inv) {
        return domain(inv, "domain", BY_ID | BY_UUID | BY_NAME);
    }

    static Domain domain(Invocation inv, String option, int flags) {
        String n = inv.required(option);
        inv.debug(Shell.INFO, inv.name() + ": found option <" + option + ">: " + n + "\n");
        return domainByText(inv, inv.name(), n, flags);
    }

    /** virshLookupDomainInternal. */
    static Domain domainByText(Invocation inv, String command, String n, int flags) {
        Connection conn = inv.conn();
        Domain dom = null;
        if ((flags & BY_ID) != 0) {
            Integer id = CNumbers.parseInt(n);
            if (id != null && id >= 0) {
                inv.debug(Shell.DEBUG, command + ": <domain> looks like ID\n");
                dom = attempt(() -> conn.lookupDomainById(id));
            }
        }
        if (dom == null && (flags & BY_UUID) != 0 && n.length() == UUID_LENGTH) {
            inv.debug(Shell.DEBUG, command + ": <domain> trying as domain UUID\n");
            dom = attempt(() -> conn.lookupDomainByUuidString(n));
        }
        if (dom == null && (flags & BY_NAME) != 0) {
            inv.debug(Shell.DEBUG, command + ": <domain> trying as domain NAME\n");
            dom = attempt(() -> conn.lookupDomainByName(n));
        }
        if (dom == null) {
            throw CommandFailure.of("failed to get domain '" + n + "'");
        }
        return dom;
    }

    /** The network named by option {@code network}, by UUID then name. */
    static Network network(Invocation inv) {
        return network(inv, BY_UUID | BY_NAME);
    }

    static Network network(Invocation inv, int flags) {
        String option = "network";
        String n = inv.required(option);
        inv.debug(Shell.INFO, inv.name() + ": found option <" + option + ">: " + n + "\n");
        Connection conn = inv.conn();
        Network net = null;
        VirtException last = null;
        if ((flags & BY_UUID) != 0 && n.length() == UUID_LENGTH) {
            inv.debug(Shell.DEBUG, inv.name() + ": <" + option + "> trying as network UUID\n");
            try {
                net = conn.lookupNetworkByUuid(parseUuid(n, "virNetworkLookupByUUIDString", ErrorDomain.NETWORK));
            } catch (VirtException e) {
                last = e;
            }
        }
        if (net == null && (flags & BY_NAME) != 0) {
            inv.debug(Shell.DEBUG, inv.name() + ": <" + option + "> trying as network NAME\n");
            try {
                net = conn.lookupNetworkByName(n);
            } catch (VirtException e) {
                last = e;
            }
        }
        if (net == null) {
            throw CommandFailure.of("failed to get network '" + n + "'", last);
        }
        return net;
    }

    /** The pool named by option {@code option}, by UUID then name. */
    static StoragePool pool(Invocation inv, String option) {
        String n = inv.required(option);
        return poolByText(inv, option, n);
    }

    static StoragePool poolByText(Invocation inv, String option, String n) {
        return poolByText(inv, option, n, BY_UUID | BY_NAME);
    }

    /** virshCommandOptPoolBy: by UUID and by name as {@code flags} allow. */
    static StoragePool poolByText(Invocation inv, String option, String n, int flags) {
        inv.debug(Shell.INFO, inv.name() + ": found option <" + option + ">: " + n + "\n");
        Connection conn = inv.conn();
        StoragePool pool = null;
        VirtException last = null;
        if ((flags & BY_UUID) != 0 && n.length() == UUID_LENGTH) {
            inv.debug(Shell.DEBUG, inv.name() + ": <" + option + "> trying as pool UUID\n");
            try {
                pool = conn.lookupStoragePoolByUuid(parseUuid(n, "virStoragePoolLookupByUUIDString",
                        ErrorDomain.STORAGE));
            } catch (VirtException e) {
                last = e;
            }
        }
        if (pool == null && (flags & BY_NAME) != 0) {
            inv.debug(Shell.DEBUG, inv.name() + ": <" + option + "> trying as pool NAME\n");
            try {
                pool = conn.lookupStoragePoolByName(n);
            } catch (VirtException e) {
                last = e;
            }
        }
        if (pool == null) {
            throw CommandFailure.of("failed to get pool '" + n + "'", last);
        }
        return pool;
    }

    /**
     * virshCommandOptVol: the volume named by option {@code vol}, by name inside
     * {@code --pool} when given, else by key, else by path.
     */
    static StorageVolume volume(Invocation inv) {
        return volume(inv, "pool");
    }

    /**
     * As {@link #volume(Invocation)}, with the pool in option {@code poolOption}
     * (vol-create-from's {@code --inputpool}); null for commands without one, which find
     * volumes by key or path only (vol-name, vol-pool).
     */
    static StorageVolume volume(Invocation inv, String poolOption) {
        String n = inv.required("vol");
        String p = poolOption != null ? inv.string(poolOption) : null;
        StoragePool pool = null;
        if (p != null) {
            pool = poolByText(inv, poolOption, p);
            boolean active;
            try {
                active = pool.isActive();
            } catch (VirtException e) {
                active = false;
            }
            if (!active) {
                throw CommandFailure.of("pool '" + p + "' is not active");
            }
        }
        inv.debug(Shell.DEBUG, inv.name() + ": found option <vol>: " + n + "\n");
        Connection conn = inv.conn();
        StorageVolume vol = null;
        VirtException last = null;
        if (pool != null) {
            inv.debug(Shell.DEBUG, inv.name() + ": <vol> trying as vol name\n");
            try {
                vol = pool.lookupVolumeByName(n);
            } catch (VirtException e) {
                last = e;
            }
        }
        if (vol == null) {
            inv.debug(Shell.DEBUG, inv.name() + ": <vol> trying as vol key\n");
            try {
                vol = conn.lookupStorageVolumeByKey(n);
            } catch (VirtException e) {
                last = e;
            }
        }
        if (vol == null) {
            inv.debug(Shell.DEBUG, inv.name() + ": <vol> trying as vol path\n");
            try {
                vol = conn.lookupStorageVolumeByPath(n);
            } catch (VirtException e) {
                last = e;
            }
        }
        if (vol == null) {
            throw CommandFailure.of(pool != null || poolOption == null ? "failed to get vol '" + n + "'"
                    : "failed to get vol '" + n + "', specifying --" + poolOption + " might help", last);
        }
        if (pool != null && !vol.pool().name().equals(pool.name())) {
            throw CommandFailure.of("Requested volume '" + n + "' is not in pool '" + pool.name() + "'");
        }
        return vol;
    }

    /** The host interface named by option {@code interface}: by MAC when it looks like one, else by name. */
    static HostInterface hostInterface(Invocation inv) {
        String option = "interface";
        String n = inv.required(option);
        inv.debug(Shell.INFO, inv.name() + ": found option <" + option + ">: " + n + "\n");
        Connection conn = inv.conn();
        HostInterface iface;
        try {
            if (isMac(n)) {
                inv.debug(Shell.DEBUG, inv.name() + ": <" + option + "> trying as interface MAC\n");
                iface = conn.lookupInterfaceByMac(n);
            } else {
                inv.debug(Shell.DEBUG, inv.name() + ": <" + option + "> trying as interface NAME\n");
                iface = conn.lookupInterfaceByName(n);
            }
        } catch (VirtException e) {
            throw CommandFailure.of("failed to get interface '" + n + "'", e);
        }
        return iface;
    }

    /** virMacAddrParse: six hex bytes of one or two digits separated by colons. */
    static boolean isMac(String s) {
        String[] parts = s.split(":", -1);
        if (parts.length != 6) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 2) {
                return false;
            }
            for (char c : part.toCharArray()) {
                if (Character.digit(c, 16) < 0 || c > 127) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A UUID in libvirt's text forms, or INVALID_ARG worded as the library words it. */
    static UUID parseUuid(String text, String api, ErrorDomain domain) {
        String hex = text.replace("-", "");
        if (hex.length() != 32 || !hex.chars().allMatch(c -> c < 128 && Character.digit(c, 16) >= 0)) {
            throw new VirtException(ErrorCode.INVALID_ARG, domain,
                    "uuidstr in " + api + " must be a valid UUID");
        }
        return new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16),
                Long.parseUnsignedLong(hex.substring(16), 16));
    }

    private interface Lookup<T> {
        T get();
    }

    /** Calls a lookup, treating a library error as "not found" (virsh resets it). */
    private static <T> T attempt(Lookup<T> lookup) {
        try {
            return lookup.get();
        } catch (VirtException e) {
            return null;
        }
    }
}
