package io.jvirt.shell;

import io.jvirt.Domain;
import io.jvirt.DomainUndefineFlag;
import io.jvirt.ErrorCode;
import io.jvirt.StoragePool;
import io.jvirt.StorageVolume;
import io.jvirt.StorageVolumeDeleteFlag;
import io.jvirt.VirtException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;

/** virsh's {@code undefine}: flags the driver may refuse, managed save images, and the storage of the domain's disks. */
final class DomainUndefine {
    private DomainUndefine() {
    }

    static boolean undefine(Invocation inv) {
        boolean managedSave = inv.bool("managed-save");
        boolean wipeStorage = inv.bool("wipe-storage");
        boolean removeAll = inv.bool("remove-all-storage");
        boolean deleteSnapshots = inv.bool("delete-storage-volume-snapshots");
        Invocation.requireOption("delete-storage-volume-snapshots", deleteSnapshots, "remove-all-storage", removeAll);
        inv.exclusive("nvram", "keep-nvram");
        inv.exclusive("tpm", "keep-tpm");
        String volString = inv.stringOrNull("storage");
        if (!(volString != null || removeAll) && wipeStorage) {
            throw CommandFailure.of("'--wipe-storage' requires '--storage <string>' or '--remove-all-storage'");
        }
        Set<DomainUndefineFlag> flags = EnumSet.noneOf(DomainUndefineFlag.class);
        DomainCommands.add(inv, flags, "managed-save", DomainUndefineFlag.MANAGED_SAVE);
        DomainCommands.add(inv, flags, "checkpoints-metadata", DomainUndefineFlag.CHECKPOINTS_METADATA);
        DomainCommands.add(inv, flags, "nvram", DomainUndefineFlag.NVRAM);
        DomainCommands.add(inv, flags, "keep-nvram", DomainUndefineFlag.KEEP_NVRAM);
        DomainCommands.add(inv, flags, "tpm", DomainUndefineFlag.TPM);
        DomainCommands.add(inv, flags, "keep-tpm", DomainUndefineFlag.KEEP_TPM);
        String name = inv.required("domain");
        Domain dom = Lookups.domain(inv);

        boolean running = dom.isActive();
        boolean hasManagedSave = false;
        if (!running) {
            try {
                hasManagedSave = dom.hasManagedSaveImage();
            } catch (VirtException e) {
                if (e.code() != ErrorCode.NO_SUPPORT) {
                    throw e;
                }
            }
        }
        // jvirt has no snapshots, so snapshot metadata never blocks the undefine (virsh drops
        // the flag when a domain has none).
        boolean managedSaveSafe = managedSave || !hasManagedSave;
        if (!hasManagedSave) {
            flags.remove(DomainUndefineFlag.MANAGED_SAVE);
        }

        List<StorageVolume> vols = new ArrayList<>();
        List<String[]> volNames = new ArrayList<>();
        if (volString != null || removeAll) {
            if (running) {
                throw CommandFailure.of("Storage volume deletion is supported only on stopped domains");
            }
            if (volString != null && removeAll) {
                throw CommandFailure.of("Specified both --storage and --remove-all-storage");
            }
            collectVolumes(inv, dom, volString, vols, volNames);
        }

        boolean undefined = false;
        VirtException failure = null;
        boolean nvram = inv.bool("nvram");
        if (managedSaveSafe || nvram) {
            try {
                dom.undefine(flags.toArray(new DomainUndefineFlag[0]));
                undefined = true;
            } catch (VirtException e) {
                failure = e;
            }
        }
        // As virsh: when the driver refuses the flags, fall back to doing it piece by piece.
        if (!undefined && !nvram && (failure == null || failure.code() == ErrorCode.NO_SUPPORT
                || failure.code() == ErrorCode.INVALID_ARG)) {
            failure = null;
            if (hasManagedSave) {
                if (!managedSave) {
                    throw CommandFailure.of("Refusing to undefine while domain managed save image exists");
                }
                try {
                    dom.removeManagedSaveImage();
                } catch (VirtException e) {
                    throw CommandFailure.of(e);
                }
            }
            try {
                dom.undefine();
                undefined = true;
            } catch (VirtException e) {
                failure = e;
            }
        }
        if (!undefined) {
            throw CommandFailure.of("Failed to undefine domain '" + name + "'", failure);
        }
        inv.printExtra("Domain '" + name + "' has been undefined\n");
        boolean ret = true;
        for (int i = 0; i < vols.size(); i++) {
            String target = volNames.get(i)[0];
            String source = volNames.get(i)[1];
            if (wipeStorage) {
                inv.printExtra("Wiping volume '" + target + "'(" + source + ") ... ");
                inv.shell().flush();
                try {
                    vols.get(i).wipe();
                    inv.printExtra("Done.\n");
                } catch (VirtException e) {
                    inv.shell().error("Failed! Volume not removed.");
                    ret = false;
                    continue;
                }
            }
            try {
                vols.get(i).delete(deleteSnapshots ? new StorageVolumeDeleteFlag[] {
                    StorageVolumeDeleteFlag.WITH_SNAPSHOTS} : new StorageVolumeDeleteFlag[0]);
                inv.printExtra("Volume '" + target + "'(" + source + ") removed.\n");
            } catch (VirtException e) {
                inv.shell().error("Failed to remove storage volume '" + target + "'(" + source + ")");
                inv.shell().setLastError(e);
                ret = false;
            }
        }
        return ret;
    }

    /** The volumes behind the domain's disks that {@code --storage} names (all with {@code --remove-all-storage}). */
    private static void collectVolumes(Invocation inv, Domain dom, String volString, List<StorageVolume> vols,
            List<String[]> names) {
        List<String> wanted = volString == null ? null : Text.splitEscapedCommas(volString);
        Element root = XmlDocuments.parse(dom.xml());
        for (Element disk : XmlDocuments.children(XmlDocuments.child(root, "devices"), "disk")) {
            String target = XmlDocuments.attr(XmlDocuments.child(disk, "target"), "dev");
            if (target == null || target.isEmpty()) {
                throw CommandFailure.silent();
            }
            Element src = XmlDocuments.child(disk, "source");
            String source = XmlDocuments.firstAttribute(src, "file", "dir", "name", "dev", "volume");
            if (source != null && source.isEmpty()) {
                source = null;
            }
            if (source == null) {
                continue;
            }
            String pool = XmlDocuments.attr(src, "pool");
            if (wanted != null) {
                int at = -1;
                for (int j = 0; j < wanted.size(); j++) {
                    if (target.equals(wanted.get(j)) || source.equals(wanted.get(j))) {
                        at = j;
                        break;
                    }
                }
                if (at < 0) {
                    continue;
                }
                wanted.set(at, null);
            }
            StorageVolume vol = null;
            if (pool != null && !pool.isEmpty()) {
                StoragePool p;
                try {
                    p = inv.conn().lookupStoragePoolByName(pool);
                } catch (VirtException e) {
                    inv.shell().error("Storage pool '" + pool + "' for volume '" + target + "' not found.");
                    continue;
                }
                try {
                    vol = p.lookupVolumeByName(source);
                } catch (VirtException e) {
                    vol = null;
                }
            } else {
                try {
                    vol = inv.conn().lookupStorageVolumeByPath(source);
                } catch (VirtException e) {
                    vol = null;
                }
            }
            if (vol == null) {
                inv.shell().error("Storage volume '" + target + "'(" + source
                        + ") is not managed by libvirt. Remove it manually.\n");
                continue;
            }
            vols.add(vol);
            names.add(new String[] {target, source});
        }
        if (wanted != null) {
            boolean missing = false;
            for (String w : wanted) {
                if (w != null) {
                    inv.shell().error("Volume '" + w + "' was not found in domain's definition.\n");
                    missing = true;
                }
            }
            if (missing) {
                throw CommandFailure.silent();
            }
        }
    }


}
