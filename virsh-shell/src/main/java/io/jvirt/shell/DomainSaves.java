package io.jvirt.shell;

import io.jvirt.Domain;
import io.jvirt.DomainCoreDumpFlag;
import io.jvirt.DomainSaveFlag;
import io.jvirt.VirtException;
import java.util.EnumSet;
import java.util.Set;

/** virsh's save, restore, managedsave, managedsave-remove and dump. */
final class DomainSaves {
    private static final Set<String> DUMP_FORMATS = Set.of("kdump-zlib", "kdump-lzo", "kdump-snappy", "win-dmp", "elf");

    private DomainSaves() {
    }

    // ---- save, restore, managedsave ----

    private static Set<DomainSaveFlag> saveFlags(Invocation inv) {
        Set<DomainSaveFlag> flags = EnumSet.noneOf(DomainSaveFlag.class);
        DomainCommands.add(inv, flags, "bypass-cache", DomainSaveFlag.BYPASS_CACHE);
        DomainCommands.add(inv, flags, "running", DomainSaveFlag.RUNNING);
        DomainCommands.add(inv, flags, "paused", DomainSaveFlag.PAUSED);
        return flags;
    }

    static boolean save(Invocation inv) {
        String name = inv.required("domain");
        Lookups.domain(inv);
        String to = inv.required("file");
        Set<DomainSaveFlag> flags = saveFlags(inv);
        String xmlFile = inv.string("xml");
        Domain dom = Lookups.domain(inv);
        if (xmlFile != null) {
            TextFiles.read(inv.shell(), xmlFile);
            // jvirt's save takes no replacement XML.
            throw CommandFailure.of(VirtException.noSupport("virDomainSaveFlags"));
        }
        try {
            dom.save(inv.shell().resolve(to), flags.toArray(new DomainSaveFlag[0]));
        } catch (VirtException e) {
            throw CommandFailure.of("Failed to save domain '" + name + "' to " + to, e);
        }
        if (inv.bool("verbose")) {
            inv.shell().stderr("\rSave: [100 %]");
        }
        inv.printExtra("\nDomain '" + name + "' saved to " + to + "\n");
        return true;
    }

    /**
     * virsh's dump. Its formats other than elf go to virDomainCoreDumpWithFormat, which jvirt's
     * API does not offer: refused as a driver without it refuses them.
     */
    static boolean dump(Invocation inv) {
        String name = inv.required("domain");
        Domain dom = Lookups.domain(inv);
        String to = inv.required("file");
        Set<DomainCoreDumpFlag> flags = EnumSet.noneOf(DomainCoreDumpFlag.class);
        DomainCommands.add(inv, flags, "live", DomainCoreDumpFlag.LIVE);
        DomainCommands.add(inv, flags, "crash", DomainCoreDumpFlag.CRASH);
        DomainCommands.add(inv, flags, "bypass-cache", DomainCoreDumpFlag.BYPASS_CACHE);
        DomainCommands.add(inv, flags, "reset", DomainCoreDumpFlag.RESET);
        DomainCommands.add(inv, flags, "memory-only", DomainCoreDumpFlag.MEMORY_ONLY);
        String format = inv.string("format");
        boolean raw = true;
        if (format != null) {
            if (!flags.contains(DomainCoreDumpFlag.MEMORY_ONLY)) {
                throw CommandFailure.of("--format only works with --memory-only");
            }
            if (!DUMP_FORMATS.contains(format)) {
                throw CommandFailure.of("format '" + format + "' is not supported, expecting 'kdump-zlib',"
                        + " 'kdump-lzo', 'kdump-snappy', 'win-dmp' or 'elf'");
            }
            raw = format.equals("elf");
        }
        try {
            if (!raw) {
                throw VirtException.noSupport("virDomainCoreDumpWithFormat");
            }
            dom.coreDump(inv.shell().resolve(to), flags.toArray(new DomainCoreDumpFlag[0]));
        } catch (VirtException e) {
            throw CommandFailure.of("Failed to core dump domain '" + name + "' to " + to, e);
        }
        if (inv.bool("verbose")) {
            inv.shell().stderr("\rDump: [100 %]");
        }
        inv.printExtra("\nDomain '" + name + "' dumped to " + to + "\n");
        return true;
    }

    static boolean restore(Invocation inv) {
        String from = inv.required("file");
        Set<DomainSaveFlag> flags = saveFlags(inv);
        DomainCommands.add(inv, flags, "reset-nvram", DomainSaveFlag.RESET_NVRAM);
        String xmlFile = inv.string("xml");
        if (xmlFile != null) {
            TextFiles.read(inv.shell(), xmlFile);
            throw CommandFailure.of(VirtException.noSupport("virDomainRestoreFlags"));
        }
        try {
            inv.conn().restoreDomain(inv.shell().resolve(from), flags.toArray(new DomainSaveFlag[0]));
        } catch (VirtException e) {
            throw CommandFailure.of("Failed to restore domain from " + from, e);
        }
        inv.printExtra("Domain restored from " + from + "\n");
        return true;
    }

    static boolean managedsave(Invocation inv) {
        String name = inv.required("domain");
        Domain dom = Lookups.domain(inv);
        Set<DomainSaveFlag> flags = saveFlags(inv);
        try {
            dom.managedSave(flags.toArray(new DomainSaveFlag[0]));
        } catch (VirtException e) {
            throw CommandFailure.of("Failed to save domain '" + name + "' state", e);
        }
        if (inv.bool("verbose")) {
            inv.shell().stderr("\rManagedsave: [100 %]");
        }
        inv.printExtra("\nDomain '" + name + "' state saved by libvirt\n");
        return true;
    }

    static boolean managedsaveRemove(Invocation inv) {
        String name = inv.required("domain");
        Domain dom = Lookups.domain(inv);
        boolean has;
        try {
            has = dom.hasManagedSaveImage();
        } catch (VirtException e) {
            throw CommandFailure.of("Failed to check for domain managed save image", e);
        }
        if (!has) {
            inv.printExtra("Domain '" + name + "' has no manage save image; removal skipped");
            return true;
        }
        try {
            dom.removeManagedSaveImage();
        } catch (VirtException e) {
            throw CommandFailure.of("Failed to remove managed save image for domain '" + name + "'", e);
        }
        inv.printExtra("Removed managedsave image for domain '" + name + "'");
        return true;
    }

}
