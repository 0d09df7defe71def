package io.jvirt.shell;

import static io.jvirt.shell.CommandSpec.cmd;
import static io.jvirt.shell.OptionSpec.bool;
import static io.jvirt.shell.OptionSpec.data;
import static io.jvirt.shell.OptionSpec.string;

import io.jvirt.ErrorCode;
import io.jvirt.ListStoragePoolsFlag;
import io.jvirt.StoragePool;
import io.jvirt.StoragePoolBuildFlag;
import io.jvirt.StoragePoolCreateFlag;
import io.jvirt.StoragePoolInfo;
import io.jvirt.StoragePoolState;
import io.jvirt.VirtException;
import io.jvirt.shell.OptionSpec.Opt;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** virsh's "Storage Pool" group. */
final class PoolCommands {
    /** The pool types virsh's {@code pool-list --type} accepts. */
    private static final Set<String> POOL_TYPES = Set.of("dir", "fs", "netfs", "logical", "disk", "iscsi",
            "iscsi-direct", "scsi", "mpath", "rbd", "sheepdog", "gluster", "zfs", "vstorage");

    private PoolCommands() {
    }

    static List<CommandSpec> commands() {
        List<CommandSpec> byXArgs = PoolDefineAs.commands();
        List<CommandSpec> discovery = PoolSourceCommands.commands();
        return List.of(
        discovery.get(0),
        discovery.get(1),
        cmd("pool-autostart", "autostart a pool",
                "Configure a pool to be automatically started at boot.",
                PoolCommands::autostart,
                data("pool", "pool name or uuid", Completion.POOL),
                bool("disable", "disable autostarting")),
        cmd("pool-build", "build a pool",
                "Build a given pool.",
                PoolCommands::build,
                data("pool", "pool name or uuid", Completion.POOL),
                bool("no-overwrite", "do not overwrite any existing data"),
                bool("overwrite", "overwrite any existing data")),
        byXArgs.get(0),
        cmd("pool-create", "create a pool from an XML file",
                "Create a pool.",
                PoolCommands::create,
                data("file", "file containing an XML pool description", Completion.FILE),
                bool("build", "build the pool as normal"),
                bool("no-overwrite", "do not overwrite any existing data"),
                bool("overwrite", "overwrite any existing data")),
        byXArgs.get(1),
        cmd("pool-define", "define an inactive persistent storage pool or modify an existing persistent one from an XML file",
                "Define or modify a persistent storage pool.",
                PoolCommands::define,
                data("file", "file containing an XML pool description", Completion.FILE),
                bool("validate", "validate the XML against the schema")),
        cmd("pool-delete", "delete a pool",
                "Delete a given pool.",
                PoolCommands::delete,
                data("pool", "pool name or uuid", Completion.POOL)),
        cmd("pool-destroy", "destroy (stop) a pool",
                "Forcefully stop a given pool. Raw data in the pool is untouched",
                PoolCommands::destroy,
                data("pool", "pool name or uuid", Completion.POOL)),
        cmd("pool-dumpxml", "pool information in XML",
                "Output the pool information as an XML dump to stdout.",
                PoolCommands::dumpxml,
                data("pool", "pool name or uuid", Completion.POOL),
                bool("inactive", "show inactive defined XML"),
                string("xpath", "xpath expression to filter the XML document", Opt.NAMED),
                bool("wrap", "wrap xpath results in an common root element")),
        cmd("pool-edit", "edit XML configuration for a storage pool",
                "Edit the XML configuration for a storage pool.",
                PoolCommands::edit,
                data("pool", "pool name or uuid", Completion.POOL)),
        cmd("pool-info", "storage pool information",
                "Returns basic information about the storage pool.",
                PoolCommands::info,
                data("pool", "pool name or uuid", Completion.POOL),
                bool("bytes", "Return pool info in bytes")),
        cmd("pool-list", "list pools",
                "Returns list of pools.",
                PoolCommands::list,
                bool("inactive", "list inactive pools"),
                bool("all", "list inactive & active pools"),
                bool("transient", "list transient pools"),
                bool("persistent", "list persistent pools"),
                bool("autostart", "list pools with autostart enabled"),
                bool("no-autostart", "list pools with autostart disabled"),
                string("type", "only list pool of specified type(s) (if supported)"),
                bool("details", "display extended details for pools"),
                bool("uuid", "list UUID of active pools only"),
                bool("name", "list name of active pools only")),
        cmd("pool-name", "convert a pool UUID to pool name",
                null,
                PoolCommands::name,
                data("pool", "pool name or uuid", Completion.POOL)),
        cmd("pool-refresh", "refresh a pool",
                "Refresh a given pool.",
                PoolCommands::refresh,
                data("pool", "pool name or uuid", Completion.POOL)),
        cmd("pool-start", "start a (previously defined) inactive pool",
                "Start a pool.",
                PoolCommands::start,
                data("pool", "pool name or uuid", Completion.POOL),
                bool("build", "build the pool as normal"),
                bool("no-overwrite", "do not overwrite any existing data"),
                bool("overwrite", "overwrite any existing data")),
        cmd("pool-undefine", "undefine an inactive pool",
                "Undefine the configuration for an inactive pool.",
                PoolCommands::undefine,
                data("pool", "pool name or uuid", Completion.POOL)),
        cmd("pool-uuid", "convert a pool name to pool UUID",
                null,
                PoolCommands::uuid,
                data("pool", "pool name or uuid", Completion.POOL)),
        PoolEventCommand.spec());
    }

    static boolean build(Invocation inv) {
        // Unlike pool-start --build, virsh lets both through and the driver judges the flags.
        List<StoragePoolBuildFlag> flags = new ArrayList<>();
        if (inv.bool("no-overwrite")) {
            flags.add(StoragePoolBuildFlag.NO_OVERWRITE);
        }
        if (inv.bool("overwrite")) {
            flags.add(StoragePoolBuildFlag.OVERWRITE);
        }
        return act(inv, pool -> pool.build(flags.toArray(new StoragePoolBuildFlag[0])), "build", "built");
    }

    /**
     * The shape of virsh's simple pool commands: look the pool up, act on it, then
     * "Pool NAME DONE" (quiet under -q) or "Failed to VERB pool NAME" with the library error.
     */
    private static boolean act(Invocation inv, Consumer<StoragePool> action, String verb, String done) {
        StoragePool pool = Lookups.pool(inv, "pool");
        String name = inv.required("pool");
        try {
            action.accept(pool);
        } catch (VirtException e) {
            throw CommandFailure.of("Failed to " + verb + " pool " + name, e);
        }
        inv.printExtra("Pool " + name + " " + done + "\n");
        return true;
    }

    static boolean delete(Invocation inv) {
        return act(inv, StoragePool::delete, "delete", "deleted");
    }

    static boolean name(Invocation inv) {
        StoragePool pool = Lookups.poolByText(inv, "pool", inv.required("pool"), Lookups.BY_UUID);
        inv.print(pool.name() + "\n");
        return true;
    }

    static boolean uuid(Invocation inv) {
        StoragePool pool = Lookups.poolByText(inv, "pool", inv.required("pool"), Lookups.BY_NAME);
        inv.print(pool.uuid() + "\n");
        return true;
    }

    static boolean autostart(Invocation inv) {
        StoragePool pool = Lookups.pool(inv, "pool");
        String name = inv.required("pool");
        boolean enable = !inv.bool("disable");
        try {
            pool.setAutostart(enable);
        } catch (VirtException e) {
            throw CommandFailure.of(enable ? "failed to mark pool " + name + " as autostarted"
                    : "failed to unmark pool " + name + " as autostarted", e);
        }
        inv.printExtra(enable ? "Pool " + name + " marked as autostarted\n"
                : "Pool " + name + " unmarked as autostarted\n");
        return true;
    }

    /** The flags of pool-start and pool-create, as virsh's cmdPoolStart builds them. */
    static StoragePoolCreateFlag[] createFlags(Invocation inv) {
        boolean overwrite = inv.bool("overwrite");
        boolean noOverwrite = inv.bool("no-overwrite");
        Invocation.exclusive("overwrite", overwrite, "no-overwrite", noOverwrite);
        List<StoragePoolCreateFlag> flags = new ArrayList<>();
        if (inv.bool("build")) {
            flags.add(StoragePoolCreateFlag.WITH_BUILD);
        }
        if (overwrite) {
            flags.add(StoragePoolCreateFlag.WITH_BUILD_OVERWRITE);
        }
        if (noOverwrite) {
            flags.add(StoragePoolCreateFlag.WITH_BUILD_NO_OVERWRITE);
        }
        return flags.toArray(new StoragePoolCreateFlag[0]);
    }

    static boolean create(Invocation inv) {
        String from = inv.required("file");
        StoragePoolCreateFlag[] flags = createFlags(inv);
        String xml = TextFiles.read(inv.shell(), from);
        StoragePool pool;
        try {
            pool = inv.conn().createStoragePool(xml, flags);
        } catch (VirtException e) {
            throw CommandFailure.of("Failed to create pool from " + from, e);
        }
        inv.printExtra("Pool " + pool.name() + " created from " + from + "\n");
        return true;
    }

    static boolean define(Invocation inv) {
        String from = inv.required("file");
        String xml = TextFiles.read(inv.shell(), from);
        StoragePool pool;
        try {
            pool = inv.conn().defineStoragePool(xml);
        } catch (VirtException e) {
            throw CommandFailure.of("Failed to define pool from " + from, e);
        }
        inv.printExtra("Pool " + pool.name() + " defined from " + from + "\n");
        return true;
    }

    static boolean destroy(Invocation inv) {
        return act(inv, StoragePool::destroy, "destroy", "destroyed");
    }

    static boolean dumpxml(Invocation inv) {
        boolean inactive = inv.bool("inactive");
        StoragePool pool = Lookups.pool(inv, "pool");
        String xpath = inv.stringQuiet("xpath");
        return XmlDump.print(inv, pool.xml(inactive), xpath, inv.bool("wrap"));
    }

    /** cmdPoolEdit: the inactive XML where the driver has it, else the live one, through virsh-edit.c's loop. */
    static boolean edit(Invocation inv) {
        StoragePool pool = Lookups.pool(inv, "pool");
        boolean inactive = true;
        try {
            pool.xml(true);
        } catch (VirtException e) {
            if (e.code() != ErrorCode.INVALID_ARG) {
                throw CommandFailure.of(e);
            }
            inactive = false; // "some old daemons don't support _INACTIVE flag", libvirt's test driver among them
        }
        boolean flag = inactive;
        XmlEditFlow.Result r = XmlEditFlow.run(inv, () -> pool.xml(flag),
                xml -> inv.conn().defineStoragePool(xml).name());
        inv.printExtra(r.changed() ? "Pool " + (r.name() == null ? "(null)" : r.name()) + " XML configuration edited.\n"
                : "Pool " + pool.name() + " XML configuration not changed.\n");
        return true;
    }

    static boolean info(Invocation inv) {
        StoragePool pool = Lookups.pool(inv, "pool");
        boolean bytes = inv.bool("bytes");
        inv.print(Text.field("Name:", pool.name()));
        inv.print(Text.field("UUID:", pool.uuid()));
        StoragePoolInfo info;
        try {
            info = pool.info();
        } catch (VirtException e) {
            inv.shell().setLastError(e);
            return false;
        }
        inv.print(Text.field("State:", info.state().label()));
        String persistent;
        try {
            persistent = pool.isPersistent() ? "yes" : "no";
        } catch (VirtException e) {
            persistent = "unknown";
        }
        inv.print(Text.field("Persistent:", persistent));
        String autostart;
        try {
            autostart = pool.autostart() ? "yes" : "no";
        } catch (VirtException e) {
            autostart = "no autostart";
        }
        inv.print(Text.field("Autostart:", autostart));
        if (info.state() == StoragePoolState.RUNNING || info.state() == StoragePoolState.DEGRADED) {
            if (bytes) {
                inv.print(Text.field("Capacity:", Long.toUnsignedString(info.capacity())));
                inv.print(Text.field("Allocation:", Long.toUnsignedString(info.allocation())));
                inv.print(Text.field("Available:", Long.toUnsignedString(info.available())));
            } else {
                inv.print(Text.field("Capacity:", PrettyCapacity.format(info.capacity())));
                inv.print(Text.field("Allocation:", PrettyCapacity.format(info.allocation())));
                inv.print(Text.field("Available:", PrettyCapacity.format(info.available())));
            }
        }
        return true;
    }

    static boolean list(Invocation inv) {
        boolean details = inv.bool("details");
        boolean inactive = inv.bool("inactive");
        boolean all = inv.bool("all");
        Invocation.exclusive("all", all, "inactive", inactive);
        Set<ListStoragePoolsFlag> flags = EnumSet.of(ListStoragePoolsFlag.ACTIVE);
        if (inactive) {
            flags = EnumSet.of(ListStoragePoolsFlag.INACTIVE);
        }
        if (all) {
            flags = EnumSet.of(ListStoragePoolsFlag.ACTIVE, ListStoragePoolsFlag.INACTIVE);
        }
        if (inv.bool("autostart")) {
            flags.add(ListStoragePoolsFlag.AUTOSTART);
        }
        if (inv.bool("no-autostart")) {
            flags.add(ListStoragePoolsFlag.NO_AUTOSTART);
        }
        if (inv.bool("persistent")) {
            flags.add(ListStoragePoolsFlag.PERSISTENT);
        }
        if (inv.bool("transient")) {
            flags.add(ListStoragePoolsFlag.TRANSIENT);
        }
        boolean uuid = inv.bool("uuid");
        boolean name = inv.bool("name");
        String type = inv.string("type");
        inv.exclusive("details", "uuid");
        inv.exclusive("details", "name");
        Set<String> types = null;
        if (type != null) {
            types = new java.util.HashSet<>();
            for (String t : Text.splitEscapedCommas(type)) {
                if (!POOL_TYPES.contains(t)) {
                    throw CommandFailure.of("Invalid pool type '" + t + "'");
                }
                types.add(t);
            }
        }
        List<StoragePool> pools;
        try {
            pools = new ArrayList<>(inv.conn().listAllStoragePools(flags.toArray(new ListStoragePoolsFlag[0])));
        } catch (VirtException e) {
            throw CommandFailure.of("Failed to list pools", e);
        }
        if (types != null) {
            // The API leaves the pool-type filter to callers: the type is the root's type attribute.
            Set<String> wanted = types;
            pools.removeIf(p -> !wanted.contains(
                    String.valueOf(XmlDocuments.attr(XmlDocuments.parse(p.xml(false)), "type"))));
        }
        pools.sort((a, b) -> Text.strcasecmp(a.name(), b.name()));

        List<String[]> texts = new ArrayList<>();
        for (StoragePool pool : pools) {
            String[] t = new String[6];
            try {
                t[1] = pool.autostart() ? "yes" : "no";
            } catch (VirtException e) {
                t[1] = "no autostart";
            }
            if (details) {
                try {
                    t[2] = pool.isPersistent() ? "yes" : "no";
                } catch (VirtException e) {
                    t[2] = "unknown";
                }
            }
            try {
                StoragePoolInfo info = pool.info();
                if (details) {
                    t[0] = info.state().label();
                    if (info.state() == StoragePoolState.RUNNING || info.state() == StoragePoolState.DEGRADED) {
                        t[3] = PrettyCapacity.format(info.capacity());
                        t[4] = PrettyCapacity.format(info.allocation());
                        t[5] = PrettyCapacity.format(info.available());
                    } else {
                        t[3] = "-";
                        t[4] = "-";
                        t[5] = "-";
                    }
                } else {
                    t[0] = NetworkCommands.truthy(pool::isActive) ? "active" : "inactive";
                }
            } catch (VirtException e) {
                inv.shell().error("Could not retrieve pool information");
                t[0] = "unknown";
                if (details) {
                    t[3] = "unknown";
                    t[4] = "unknown";
                    t[5] = "unknown";
                }
            }
            texts.add(t);
        }
        if (!details) {
            if (uuid || name) {
                for (StoragePool pool : pools) {
                    if (uuid) {
                        inv.print(Text.left(pool.uuid().toString(), 36) + (name ? " " : "\n"));
                    }
                    if (name) {
                        inv.print(Text.left(pool.name(), 20) + "\n");
                    }
                }
                return true;
            }
            Table table = new Table("Name", "State", "Autostart");
            for (int i = 0; i < pools.size(); i++) {
                table.add(pools.get(i).name(), texts.get(i)[0], texts.get(i)[1]);
            }
            inv.print(table.render(!inv.shell().quiet));
            return true;
        }
        Table table = new Table("Name", "State", "Autostart", "Persistent", "Capacity", "Allocation", "Available");
        for (int i = 0; i < pools.size(); i++) {
            String[] t = texts.get(i);
            table.add(pools.get(i).name(), t[0], t[1], t[2], t[3], t[4], t[5]);
        }
        inv.print(table.render(!inv.shell().quiet));
        return true;
    }

    static boolean refresh(Invocation inv) {
        return act(inv, StoragePool::refresh, "refresh", "refreshed");
    }

    static boolean start(Invocation inv) {
        StoragePool pool = Lookups.pool(inv, "pool");
        String name = inv.required("pool");
        StoragePoolCreateFlag[] flags = createFlags(inv);
        try {
            pool.start(flags);
        } catch (VirtException e) {
            throw CommandFailure.of("Failed to start pool " + name, e);
        }
        inv.printExtra("Pool " + name + " started\n");
        return true;
    }

    static boolean undefine(Invocation inv) {
        return act(inv, StoragePool::undefine, "undefine", "has been undefined");
    }
}
