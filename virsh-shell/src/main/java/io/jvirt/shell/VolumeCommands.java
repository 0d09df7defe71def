package io.jvirt.shell;

import static io.jvirt.shell.CommandSpec.cmd;
import static io.jvirt.shell.OptionSpec.bool;
import static io.jvirt.shell.OptionSpec.data;
import static io.jvirt.shell.OptionSpec.poolOption;
import static io.jvirt.shell.OptionSpec.string;
import static io.jvirt.shell.OptionSpec.volumeArg;

import io.jvirt.StoragePool;
import io.jvirt.StorageVolume;
import io.jvirt.StorageVolumeCreateFlag;
import io.jvirt.StorageVolumeDeleteFlag;
import io.jvirt.StorageVolumeInfo;
import io.jvirt.StorageVolumeResizeFlag;
import io.jvirt.VirtException;
import io.jvirt.shell.OptionSpec.Opt;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** virsh's "Storage Volume" group. */
final class VolumeCommands {
    private VolumeCommands() {
    }

    static List<CommandSpec> commands() {
        return List.of(
        VolumeCopies.cloneSpec(),
        cmd("vol-create-as", "create a volume from a set of args",
                "Create a vol.",
                VolumeCommands::createAs,
                data("pool", "pool name", Completion.POOL),
                data("name", "name of the volume"),
                data("capacity", "size of the vol, as scaled integer (default bytes)"),
                string("allocation", "initial allocation size, as scaled integer (default bytes)"),
                string("format", "file format type raw,bochs,qcow,qcow2,qed,vmdk"),
                string("backing-vol", "the backing volume if taking a snapshot"),
                string("backing-vol-format", "format of backing volume if taking a snapshot"),
                bool("prealloc-metadata", "preallocate metadata (for qcow2 instead of full allocation)"),
                bool("print-xml", "print XML document, but don't define/create")),
        cmd("vol-create", "create a vol from an XML file",
                "Create a vol.",
                VolumeCommands::create,
                data("pool", "pool name", Completion.POOL),
                data("file", "file containing an XML vol description", Completion.FILE),
                bool("prealloc-metadata", "preallocate metadata (for qcow2 instead of full allocation)"),
                bool("validate", "validate the XML against the schema")),
        VolumeCopies.createFromSpec(),
        cmd("vol-delete", "delete a vol",
                "Delete a given vol.",
                VolumeCommands::delete,
                volumeArg(),
                poolOption(),
                bool("delete-snapshots", "delete snapshots associated with volume (must be supported by storage driver)")),
        cmd("vol-dumpxml", "vol information in XML",
                "Output the vol information as an XML dump to stdout.",
                VolumeCommands::dumpxml,
                volumeArg(),
                poolOption(),
                string("xpath", "xpath expression to filter the XML document", Opt.NAMED),
                bool("wrap", "wrap xpath results in an common root element")),
        cmd("vol-info", "storage vol information",
                "Returns basic information about the storage vol.",
                VolumeCommands::info,
                volumeArg(),
                poolOption(),
                bool("bytes", "sizes are represented in bytes rather than pretty units"),
                bool("physical", "return the physical size of the volume in allocation field")),
        cmd("vol-key", "returns the volume key for a given volume name or path",
                null,
                VolumeCommands::key,
                data("vol", "volume name or path", Completion.VOLUME),
                poolOption()),
        cmd("vol-list", "list vols",
                "Returns list of vols by pool.",
                VolumeCommands::list,
                data("pool", "pool name or uuid", Completion.POOL),
                bool("details", "display extended details for volumes")),
        cmd("vol-name", "returns the volume name for a given volume key or path",
                null,
                VolumeCommands::name,
                data("vol", "volume key or path", Completion.VOLUME)),
        cmd("vol-path", "returns the volume path for a given volume name or key",
                null,
                VolumeCommands::path,
                data("vol", "volume name or key", Completion.VOLUME),
                poolOption()),
        cmd("vol-pool", "returns the storage pool for a given volume key or path",
                null,
                VolumeCommands::pool,
                data("vol", "volume key or path", Completion.VOLUME),
                bool("uuid", "return the pool uuid rather than pool name")),
        cmd("vol-resize", "resize a vol",
                "Resizes a storage volume. This is safe only for storage volumes not in use by an active guest.\nSee blockresize for live resizing.",
                VolumeCommands::resize,
                volumeArg(),
                data("capacity", "new capacity for the vol, as scaled integer (default bytes)"),
                poolOption(),
                bool("allocate", "allocate the new capacity, rather than leaving it sparse"),
                bool("delta", "use capacity as a delta to current size, rather than the new size"),
                bool("shrink", "allow the resize to shrink the volume")));
    }

    /** virshVolSize: a size in bytes unless a suffix says otherwise. */
    private static long size(String text) {
        try {
            return ScaledSize.parse(text, 1, -1L);
        } catch (ScaledSize.Invalid e) {
            throw CommandFailure.of("Malformed size " + text, e.libvirtError());
        }
    }

    static boolean createAs(Invocation inv) {
        boolean printXml = inv.bool("print-xml");
        StorageVolumeCreateFlag[] flags = inv.bool("prealloc-metadata")
                ? new StorageVolumeCreateFlag[] {StorageVolumeCreateFlag.PREALLOC_METADATA}
                : new StorageVolumeCreateFlag[0];
        StoragePool pool = Lookups.pool(inv, "pool");
        String name = inv.required("name");
        String capacityText = inv.required("capacity");
        long capacity = size(capacityText);
        String allocationText = inv.stringOrNull("allocation");
        long allocation = allocationText == null ? 0 : size(allocationText);
        String format = inv.string("format");
        String backingVol = inv.string("backing-vol");
        String backingFormat = inv.string("backing-vol-format");

        // Built as virsh builds it, without escaping, so --print-xml shows the same document.
        StringBuilder xml = new StringBuilder("<volume>\n");
        xml.append("  <name>").append(name).append("</name>\n");
        xml.append("  <capacity>").append(Long.toUnsignedString(capacity)).append("</capacity>\n");
        if (allocationText != null) {
            xml.append("  <allocation>").append(Long.toUnsignedString(allocation)).append("</allocation>\n");
        }
        if (format != null) {
            xml.append("  <target>\n    <format type='").append(format).append("'/>\n  </target>\n");
        }
        if (backingVol != null) {
            StorageVolume snap = backingVolume(inv, pool, backingVol);
            xml.append("  <backingStore>\n    <path>").append(snap.path()).append("</path>\n");
            if (backingFormat != null) {
                xml.append("    <format type='").append(backingFormat).append("'/>\n");
            }
            xml.append("  </backingStore>\n");
        }
        xml.append("</volume>\n");
        if (printXml) {
            inv.print(xml.toString());
            return true;
        }
        try {
            pool.createVolume(xml.toString(), flags);
        } catch (VirtException e) {
            throw CommandFailure.of("Failed to create vol " + name, e);
        }
        inv.printExtra("Vol " + name + " created\n");
        return true;
    }

    private static StorageVolume backingVolume(Invocation inv, StoragePool pool, String text) {
        String cmd = inv.name();
        VirtException last = null;
        inv.debug(Shell.DEBUG, cmd + ": Look up backing store volume '" + text + "' as name\n");
        try {
            StorageVolume v = pool.lookupVolumeByName(text);
            inv.debug(Shell.DEBUG, cmd + ": Backing store volume found using '" + text + "' as name\n");
            return v;
        } catch (VirtException e) {
            last = e;
        }
        inv.debug(Shell.DEBUG, cmd + ": Look up backing store volume '" + text + "' as key\n");
        try {
            StorageVolume v = inv.conn().lookupStorageVolumeByKey(text);
            inv.debug(Shell.DEBUG, cmd + ": Backing store volume found using '" + text + "' as key\n");
            return v;
        } catch (VirtException e) {
            last = e;
        }
        inv.debug(Shell.DEBUG, cmd + ": Look up backing store volume '" + text + "' as path\n");
        try {
            StorageVolume v = inv.conn().lookupStorageVolumeByPath(text);
            inv.debug(Shell.DEBUG, cmd + ": Backing store volume found using '" + text + "' as path\n");
            return v;
        } catch (VirtException e) {
            last = e;
        }
        throw CommandFailure.of("failed to get vol '" + text + "'", last);
    }

    static boolean create(Invocation inv) {
        StorageVolumeCreateFlag[] flags = inv.bool("prealloc-metadata")
                ? new StorageVolumeCreateFlag[] {StorageVolumeCreateFlag.PREALLOC_METADATA}
                : new StorageVolumeCreateFlag[0];
        StoragePool pool = Lookups.pool(inv, "pool");
        String from = inv.required("file");
        String xml = TextFiles.read(inv.shell(), from);
        StorageVolume vol;
        try {
            vol = pool.createVolume(xml, flags);
        } catch (VirtException e) {
            throw CommandFailure.of("Failed to create vol from " + from, e);
        }
        inv.printExtra("Vol " + vol.name() + " created from " + from + "\n");
        return true;
    }

    static boolean delete(Invocation inv) {
        StorageVolume vol = Lookups.volume(inv);
        String name = inv.required("vol");
        StorageVolumeDeleteFlag[] flags = inv.bool("delete-snapshots")
                ? new StorageVolumeDeleteFlag[] {StorageVolumeDeleteFlag.WITH_SNAPSHOTS}
                : new StorageVolumeDeleteFlag[0];
        try {
            vol.delete(flags);
        } catch (VirtException e) {
            throw CommandFailure.of("Failed to delete vol " + name, e);
        }
        inv.printExtra("Vol " + name + " deleted\n");
        return true;
    }

    static boolean dumpxml(Invocation inv) {
        StorageVolume vol = Lookups.volume(inv);
        String xpath = inv.stringQuiet("xpath");
        return XmlDump.print(inv, vol.xml(), xpath, inv.bool("wrap"));
    }

    static boolean info(Invocation inv) {
        boolean bytes = inv.bool("bytes");
        boolean physical = inv.bool("physical");
        StorageVolume vol = Lookups.volume(inv);
        inv.print(Text.field("Name:", vol.name()));
        if (physical) {
            // The API reports capacity and allocation only.
            throw CommandFailure.of(VirtException.noSupport("virStorageVolGetInfoFlags"));
        }
        StorageVolumeInfo info = vol.info();
        inv.print(Text.field("Type:", info.type().label()));
        if (bytes) {
            inv.print(Text.field("Capacity:", Long.toUnsignedString(info.capacity()) + " bytes"));
            inv.print(Text.field("Allocation:", Long.toUnsignedString(info.allocation()) + " bytes"));
        } else {
            inv.print(Text.field("Capacity:", PrettyCapacity.format(info.capacity())));
            inv.print(Text.field("Allocation:", PrettyCapacity.format(info.allocation())));
        }
        return true;
    }

    static boolean list(Invocation inv) {
        boolean details = inv.bool("details");
        StoragePool pool = Lookups.pool(inv, "pool");
        List<StorageVolume> vols;
        try {
            vols = new ArrayList<>(pool.listAllVolumes());
        } catch (VirtException e) {
            throw CommandFailure.of("Failed to list volumes", e);
        }
        vols.sort((a, b) -> Text.strcasecmp(a.name(), b.name()));
        Table table = details ? new Table("Name", "Path", "Type", "Capacity", "Allocation") : new Table("Name", "Path");
        for (StorageVolume vol : vols) {
            String path;
            try {
                path = vol.path();
            } catch (VirtException e) {
                path = "unknown";
            }
            if (!details) {
                table.add(vol.name(), path);
                continue;
            }
            String type;
            String capacity;
            String allocation;
            try {
                StorageVolumeInfo info = vol.info();
                type = info.type().label();
                capacity = PrettyCapacity.format(info.capacity());
                allocation = PrettyCapacity.format(info.allocation());
            } catch (VirtException e) {
                type = "unknown";
                capacity = "unknown";
                allocation = "unknown";
            }
            table.add(vol.name(), path, type, capacity, allocation);
        }
        inv.print(table.render(!inv.shell().quiet));
        return true;
    }

    static boolean path(Invocation inv) {
        StorageVolume vol = Lookups.volume(inv);
        inv.print(vol.path() + "\n");
        return true;
    }

    static boolean key(Invocation inv) {
        inv.print(Lookups.volume(inv).key() + "\n");
        return true;
    }

    static boolean name(Invocation inv) {
        inv.print(Lookups.volume(inv, null).name() + "\n");
        return true;
    }

    static boolean pool(Invocation inv) {
        StoragePool pool = Lookups.volume(inv, null).pool();
        inv.print((inv.bool("uuid") ? pool.uuid().toString() : pool.name()) + "\n");
        return true;
    }

    static boolean resize(Invocation inv) {
        boolean delta = inv.bool("delta");
        Set<StorageVolumeResizeFlag> flags = EnumSet.noneOf(StorageVolumeResizeFlag.class);
        if (inv.bool("allocate")) {
            flags.add(StorageVolumeResizeFlag.ALLOCATE);
        }
        if (inv.bool("shrink")) {
            flags.add(StorageVolumeResizeFlag.SHRINK);
        }
        StorageVolume vol = Lookups.volume(inv);
        String capacityText = inv.required("capacity");
        int i = 0;
        while (i < capacityText.length() && Character.isWhitespace(capacityText.charAt(i))) {
            i++;
        }
        capacityText = capacityText.substring(i);
        if (capacityText.startsWith("-")) {
            if (inv.bool("shrink")) {
                capacityText = capacityText.substring(1);
                delta = true;
            } else {
                throw CommandFailure.of("negative size requires --shrink");
            }
        }
        if (delta) {
            flags.add(StorageVolumeResizeFlag.DELTA);
        }
        long capacity = size(capacityText);
        try {
            vol.resize(capacity, flags.toArray(new StorageVolumeResizeFlag[0]));
        } catch (VirtException e) {
            throw CommandFailure.of((delta ? "Failed to change size of volume '" + vol.name() + "' by "
                    : "Failed to change size of volume '" + vol.name() + "' to ") + capacityText, e);
        }
        inv.printExtra((delta ? "Size of volume '" + vol.name() + "' successfully changed by "
                : "Size of volume '" + vol.name() + "' successfully changed to ") + capacityText + "\n");
        return true;
    }
}
