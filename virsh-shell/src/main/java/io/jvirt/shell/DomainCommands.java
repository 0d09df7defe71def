package io.jvirt.shell;

import static io.jvirt.shell.CommandSpec.cmd;
import static io.jvirt.shell.OptionSpec.alias;
import static io.jvirt.shell.OptionSpec.argv;
import static io.jvirt.shell.OptionSpec.bool;
import static io.jvirt.shell.OptionSpec.data;
import static io.jvirt.shell.OptionSpec.domainArg;
import static io.jvirt.shell.OptionSpec.requiredInt;
import static io.jvirt.shell.OptionSpec.string;

import io.jvirt.Domain;
import io.jvirt.DomainDefineFlag;
import io.jvirt.DomainDestroyFlag;
import io.jvirt.DomainMetadataType;
import io.jvirt.DomainModification;
import io.jvirt.DomainShutdownFlag;
import io.jvirt.DomainStartFlag;
import io.jvirt.DomainXmlFlag;
import io.jvirt.ErrorCode;
import io.jvirt.VirtException;
import io.jvirt.shell.OptionSpec.Opt;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** virsh's "Domain Management" group: the lifecycle, resources and devices of one domain. */
final class DomainCommands {
    private DomainCommands() {
    }

    static List<CommandSpec> commands() {
        return List.of(
        cmd("attach-device", "attach device from an XML file",
                "Attach device from an XML <file>.",
                DomainCommands::attachDevice,
                domainArg(),
                data("file", "XML file", Completion.FILE),
                bool("persistent", "make live change persistent"),
                bool("config", "affect next boot"),
                bool("live", "affect running domain"),
                bool("current", "affect current domain")),
        cmd("autostart", "autostart a domain",
                "Configure a domain to be automatically started at boot.",
                DomainCommands::autostart,
                domainArg(),
                bool("disable", "disable autostarting")),
        cmd("create", "create a domain from an XML file",
                "Create a domain.",
                DomainCommands::create,
                data("file", "file containing an XML domain description", Completion.FILE),
                bool("console", "attach to console after creation"),
                bool("paused", "leave the guest paused after creation"),
                bool("autodestroy", "automatically destroy the guest when virsh disconnects"),
                string("pass-fds", "pass file descriptors N,M,... to the guest"),
                bool("validate", "validate the XML against the schema"),
                bool("reset-nvram", "re-initialize NVRAM from its pristine template")),
        cmd("define", "define (but don't start) a domain from an XML file",
                "Define a domain.",
                DomainCommands::define,
                data("file", "file containing an XML domain description", Completion.FILE),
                bool("validate", "validate the XML against the schema")),
        cmd("desc", "show or set domain's description or title",
                "Allows setting or modifying the description or title of a domain.",
                DomainCommands::desc,
                domainArg(),
                bool("live", "modify/get running state"),
                bool("config", "modify/get persistent configuration"),
                bool("current", "modify/get current state configuration"),
                bool("title", "modify/get the title instead of description"),
                bool("edit", "open an editor to modify the description"),
                argv("new-desc", "message")),
        cmd("destroy", "destroy (stop) a domain",
                "Forcefully stop a given domain, but leave its resources intact.",
                DomainCommands::destroy,
                domainArg(),
                bool("graceful", "terminate gracefully"),
                bool("remove-logs", "remove domain logs")),
        cmd("detach-device", "detach device from an XML file",
                "Detach device from an XML <file>",
                DomainCommands::detachDevice,
                domainArg(),
                data("file", "XML file", Completion.FILE),
                bool("persistent", "make live change persistent"),
                bool("config", "affect next boot"),
                bool("live", "affect running domain"),
                bool("current", "affect current domain")),
        cmd("domid", "convert a domain name or UUID to domain id",
                null,
                DomainCommands::domid,
                data("domain", "domain name or uuid", Completion.DOMAIN)),
        cmd("domname", "convert a domain id or UUID to domain name",
                null,
                DomainCommands::domname,
                data("domain", "domain id or uuid", Completion.DOMAIN)),
        cmd("domuuid", "convert a domain name or id to domain UUID",
                null,
                DomainCommands::domuuid,
                data("domain", "domain id or name", Completion.DOMAIN)),
        cmd("domxml-from-native", "Convert native config to domain XML",
                "Convert native guest configuration format to domain XML format.",
                DomainXmlNative::fromNative,
                data("format", "source config data format"),
                data("config", "config data file to import from", Completion.FILE)),
        cmd("domxml-to-native", "Convert domain XML to native config",
                "Convert domain XML config to a native guest configuration format.",
                DomainXmlNative::toNative,
                data("format", "target config data type format"),
                string("domain", "domain name, id or uuid", Completion.DOMAIN, Opt.NAMED),
                string("xml", "xml data file to export from", Completion.FILE)),
        cmd("dump", "dump the core of a domain to a file for analysis",
                "Core dump a domain.",
                DomainSaves::dump,
                domainArg(),
                data("file", "where to dump the core", Completion.FILE),
                bool("live", "perform a live core dump if supported"),
                bool("crash", "crash the domain after core dump"),
                bool("bypass-cache", "avoid file system cache when dumping"),
                bool("reset", "reset the domain after core dump"),
                bool("verbose", "display the progress of dump"),
                bool("memory-only", "dump domain's memory only"),
                string("format", "specify the format of memory-only dump")),
        cmd("dumpxml", "domain information in XML",
                "Output the domain information as an XML dump to stdout.",
                DomainCommands::dumpxml,
                domainArg(),
                bool("inactive", "show inactive defined XML"),
                bool("security-info", "include security sensitive information in XML dump"),
                bool("update-cpu", "update guest CPU according to host CPU"),
                bool("migratable", "provide XML suitable for migrations"),
                string("xpath", "xpath expression to filter the XML document", Opt.NAMED),
                bool("wrap", "wrap xpath results in an common root element")),
        cmd("managedsave", "managed save of a domain state",
                "Save and destroy a running domain, so it can be restarted from\n    the same state at a later time.  When the virsh 'start'\n    command is next run for the domain, it will automatically\n    be started from this saved state.",
                DomainSaves::managedsave,
                domainArg(),
                bool("bypass-cache", "avoid file system cache when saving"),
                bool("running", "set domain to be running on next start"),
                bool("paused", "set domain to be paused on next start"),
                bool("verbose", "display the progress of save")),
        cmd("managedsave-remove", "Remove managed save of a domain",
                "Remove an existing managed save state file from a domain",
                DomainSaves::managedsaveRemove,
                domainArg()),
        cmd("reboot", "reboot a domain",
                "Run a reboot command in the target domain.",
                DomainCommands::reboot,
                domainArg(),
                string("mode", "shutdown mode: acpi|agent|initctl|signal|paravirt", Completion.SHUTDOWN_MODE)),
        cmd("reset", "reset a domain",
                "Reset the target domain as if by power button",
                DomainCommands::reset,
                domainArg()),
        cmd("restore", "restore a domain from a saved state in a file",
                "Restore a domain.",
                DomainSaves::restore,
                data("file", "the state to restore", Completion.FILE),
                bool("bypass-cache", "avoid file system cache when restoring"),
                string("xml", "filename containing updated XML for the target"),
                bool("running", "restore domain into running state"),
                bool("paused", "restore domain into paused state"),
                bool("reset-nvram", "re-initialize NVRAM from its pristine template")),
        cmd("resume", "resume a domain",
                "Resume a previously suspended domain.",
                DomainCommands::resume,
                domainArg()),
        cmd("save", "save a domain state to a file",
                "Save the RAM state of a running domain.",
                DomainSaves::save,
                domainArg(),
                data("file", "where to save the data", Completion.FILE),
                bool("bypass-cache", "avoid file system cache when saving"),
                string("xml", "filename containing updated XML for the target"),
                bool("running", "set domain to be running on restore"),
                bool("paused", "set domain to be paused on restore"),
                bool("verbose", "display the progress of save")),
        cmd("setmaxmem", "change maximum memory limit",
                "Change the maximum memory allocation limit in the guest domain.",
                DomainResources::setmaxmem,
                domainArg(),
                alias("kilobytes", "size"),
                requiredInt("size", "new maximum memory size, as scaled integer (default KiB)"),
                bool("config", "affect next boot"),
                bool("live", "affect running domain"),
                bool("current", "affect current domain")),
        cmd("setmem", "change memory allocation",
                "Change the current memory allocation in the guest domain.",
                DomainResources::setmem,
                domainArg(),
                alias("kilobytes", "size"),
                requiredInt("size", "new memory size, as scaled integer (default KiB)"),
                bool("config", "affect next boot"),
                bool("live", "affect running domain"),
                bool("current", "affect current domain")),
        cmd("setvcpus", "change number of virtual CPUs",
                "Change the number of virtual CPUs in the guest domain.",
                DomainResources::setvcpus,
                domainArg(),
                requiredInt("count", "number of virtual CPUs"),
                bool("maximum", "set maximum limit on next boot"),
                bool("config", "affect next boot"),
                bool("live", "affect running domain"),
                bool("current", "affect current domain"),
                bool("guest", "modify cpu state in the guest"),
                bool("hotpluggable", "make added vcpus hot(un)pluggable")),
        cmd("shutdown", "gracefully shutdown a domain",
                "Run shutdown in the target domain.",
                DomainCommands::shutdown,
                domainArg(),
                string("mode", "shutdown mode: acpi|agent|initctl|signal|paravirt", Completion.SHUTDOWN_MODE)),
        cmd("start", "start a (previously defined) inactive domain",
                "Start a domain, either from the last managedsave\n    state, or via a fresh boot if no managedsave state\n    is present.",
                DomainCommands::start,
                data("domain", "name of the inactive domain", Completion.DOMAIN),
                bool("console", "attach to console after creation"),
                bool("paused", "leave the guest paused after creation"),
                bool("autodestroy", "automatically destroy the guest when virsh disconnects"),
                bool("bypass-cache", "avoid file system cache when loading"),
                bool("force-boot", "force fresh boot by discarding any managed save"),
                string("pass-fds", "pass file descriptors N,M,... to the guest"),
                bool("reset-nvram", "re-initialize NVRAM from its pristine template")),
        cmd("suspend", "suspend a domain",
                "Suspend a running domain.",
                DomainCommands::suspend,
                domainArg()),
        cmd("undefine", "undefine a domain",
                "Undefine an inactive domain, or convert persistent to transient.",
                DomainUndefine::undefine,
                domainArg(),
                bool("managed-save", "remove domain managed state file"),
                string("storage", "remove associated storage volumes (comma separated list of targets or source paths) (see domblklist)"),
                bool("remove-all-storage", "remove all associated storage volumes (use with caution)"),
                alias("delete-snapshots", "delete-storage-volume-snapshots"),
                bool("delete-storage-volume-snapshots", "delete snapshots associated with volume(s), requires --remove-all-storage (must be supported by storage driver)"),
                bool("wipe-storage", "wipe data on the removed volumes"),
                bool("snapshots-metadata", "remove all domain snapshot metadata (vm must be inactive)"),
                bool("checkpoints-metadata", "remove all domain checkpoint metadata (vm must be inactive)"),
                bool("nvram", "remove nvram file"),
                bool("keep-nvram", "keep nvram file"),
                bool("tpm", "remove TPM state"),
                bool("keep-tpm", "keep TPM state")),
        cmd("vcpucount", "domain vcpu counts",
                "Returns the number of virtual CPUs used by the domain.",
                DomainResources::vcpucount,
                domainArg(),
                bool("maximum", "get maximum count of vcpus"),
                bool("active", "get number of currently active vcpus"),
                bool("live", "get value from running domain"),
                bool("config", "get value to be used on next boot"),
                bool("current", "get value according to current domain state"),
                bool("guest", "retrieve vcpu count from the guest instead of the hypervisor")));
    }

    // ---- define, create ----

    static boolean define(Invocation inv) {
        String from = inv.required("file");
        boolean validate = inv.bool("validate");
        String xml = TextFiles.read(inv.shell(), from);
        Domain dom;
        try {
            if (validate) {
                try {
                    dom = inv.conn().defineDomain(xml, DomainDefineFlag.VALIDATE);
                } catch (VirtException e) {
                    if (e.code() != ErrorCode.NO_SUPPORT) {
                        throw e;
                    }
                    dom = inv.conn().defineDomain(xml);
                }
            } else {
                dom = inv.conn().defineDomain(xml);
            }
        } catch (VirtException e) {
            throw CommandFailure.of("Failed to define domain from " + from, e);
        }
        inv.printExtra("Domain '" + dom.name() + "' defined from " + from + "\n");
        return true;
    }

    static boolean create(Invocation inv) {
        String from = inv.required("file");
        String xml = TextFiles.read(inv.shell(), from);
        requireNoPassFds(inv, "virDomainCreateXMLWithFiles");
        Set<DomainStartFlag> flags = EnumSet.noneOf(DomainStartFlag.class);
        add(inv, flags, "paused", DomainStartFlag.PAUSED);
        add(inv, flags, "autodestroy", DomainStartFlag.AUTODESTROY);
        add(inv, flags, "validate", DomainStartFlag.VALIDATE);
        add(inv, flags, "reset-nvram", DomainStartFlag.RESET_NVRAM);
        Domain dom;
        try {
            dom = inv.conn().createDomain(xml, flags.toArray(new DomainStartFlag[0]));
        } catch (VirtException e) {
            throw CommandFailure.of("Failed to create domain from " + from, e);
        }
        inv.printExtra("Domain '" + dom.name() + "' created from " + from + "\n");
        if (inv.bool("console")) {
            throw CommandFailure.of(VirtException.noSupport("virDomainOpenConsole"));
        }
        return true;
    }

    // ---- start, shutdown, reboot, reset, destroy, suspend, resume ----

    static boolean start(Invocation inv) {
        Domain dom = Lookups.domain(inv, "domain", Lookups.BY_NAME | Lookups.BY_UUID);
        if (dom.id() != -1) {
            throw CommandFailure.of("Domain is already active");
        }
        requireNoPassFds(inv, "virDomainCreateWithFiles");
        Set<DomainStartFlag> flags = EnumSet.noneOf(DomainStartFlag.class);
        add(inv, flags, "paused", DomainStartFlag.PAUSED);
        add(inv, flags, "autodestroy", DomainStartFlag.AUTODESTROY);
        add(inv, flags, "bypass-cache", DomainStartFlag.BYPASS_CACHE);
        add(inv, flags, "force-boot", DomainStartFlag.FORCE_BOOT);
        add(inv, flags, "reset-nvram", DomainStartFlag.RESET_NVRAM);
        boolean started = false;
        if (flags.contains(DomainStartFlag.FORCE_BOOT)) {
            try {
                dom.start(flags.toArray(new DomainStartFlag[0]));
                started = true;
            } catch (VirtException e) {
                if (e.code() != ErrorCode.NO_SUPPORT && e.code() != ErrorCode.INVALID_ARG) {
                    throw CommandFailure.of(e);
                }
                // virsh emulates --force-boot: drop the managed save image, then boot.
                try {
                    if (dom.hasManagedSaveImage()) {
                        dom.removeManagedSaveImage();
                    }
                } catch (VirtException e2) {
                    if (e2.code() != ErrorCode.NO_SUPPORT) {
                        throw CommandFailure.of(e2);
                    }
                }
                flags.remove(DomainStartFlag.FORCE_BOOT);
            }
        }
        if (!started) {
            try {
                dom.start(flags.toArray(new DomainStartFlag[0]));
            } catch (VirtException e) {
                throw CommandFailure.of("Failed to start domain '" + dom.name() + "'", e);
            }
        }
        inv.printExtra("Domain '" + dom.name() + "' started\n");
        if (inv.bool("console")) {
            throw CommandFailure.of(VirtException.noSupport("virDomainOpenConsole"));
        }
        return true;
    }

    private static void requireNoPassFds(Invocation inv, String api) {
        String fds = inv.string("pass-fds");
        if (fds == null) {
            return;
        }
        for (String fd : fds.split(",", -1)) {
            if (CNumbers.parseInt(fd) == null) {
                throw CommandFailure.of("Unable to parse FD number '" + fd + "'");
            }
        }
        throw CommandFailure.of(VirtException.noSupport(api));
    }

    /** Parses {@code --mode} of shutdown and reboot. */
    private static DomainShutdownFlag[] modes(Invocation inv, boolean reboot) {
        String mode = inv.string("mode");
        if (mode == null) {
            return new DomainShutdownFlag[0];
        }
        Set<DomainShutdownFlag> flags = EnumSet.noneOf(DomainShutdownFlag.class);
        for (String m : mode.split(",", -1)) {
            switch (m) {
                case "acpi" -> flags.add(DomainShutdownFlag.ACPI_POWER_BTN);
                case "agent" -> flags.add(DomainShutdownFlag.GUEST_AGENT);
                case "initctl" -> flags.add(DomainShutdownFlag.INITCTL);
                case "signal" -> flags.add(DomainShutdownFlag.SIGNAL);
                case "paravirt" -> flags.add(DomainShutdownFlag.PARAVIRT);
                default -> throw CommandFailure.of("Unknown mode " + m + " value, expecting "
                        + (reboot ? "'acpi', 'agent', 'initctl', 'signal' or 'paravirt'"
                                : "'acpi', 'agent', 'initctl', 'signal', or 'paravirt'"));
            }
        }
        return flags.toArray(new DomainShutdownFlag[0]);
    }

    static boolean shutdown(Invocation inv) {
        DomainShutdownFlag[] flags = modes(inv, false);
        return act(inv, "shutdown", "is being shutdown", dom -> dom.shutdown(flags));
    }

    static boolean reboot(Invocation inv) {
        DomainShutdownFlag[] flags = modes(inv, true);
        return act(inv, "reboot", "is being rebooted", dom -> dom.reboot(flags));
    }

    static boolean reset(Invocation inv) {
        return act(inv, "reset", "was reset", Domain::reset);
    }

    static boolean destroy(Invocation inv) {
        Set<DomainDestroyFlag> flags = EnumSet.noneOf(DomainDestroyFlag.class);
        add(inv, flags, "graceful", DomainDestroyFlag.GRACEFUL);
        add(inv, flags, "remove-logs", DomainDestroyFlag.REMOVE_LOGS);
        return act(inv, "destroy", "destroyed", dom -> dom.destroy(flags.toArray(new DomainDestroyFlag[0])));
    }

    static boolean suspend(Invocation inv) {
        return act(inv, "suspend", "suspended", Domain::suspend);
    }

    static boolean resume(Invocation inv) {
        return act(inv, "resume", "resumed", Domain::resume);
    }

    /**
     * virsh's one-call domain commands: look the domain up, act, and confirm with
     * "Domain 'NAME' DONE" or fail with "Failed to VERB domain 'NAME'".
     */
    private static boolean act(Invocation inv, String verb, String done, Consumer<Domain> action) {
        String name = inv.required("domain");
        Domain dom = Lookups.domain(inv);
        try {
            action.accept(dom);
        } catch (VirtException e) {
            throw CommandFailure.of("Failed to " + verb + " domain '" + name + "'", e);
        }
        inv.printExtra("Domain '" + name + "' " + done + "\n");
        return true;
    }

    // ---- autostart, desc ----

    static boolean autostart(Invocation inv) {
        String name = inv.required("domain");
        Domain dom = Lookups.domain(inv);
        boolean enable = !inv.bool("disable");
        try {
            dom.setAutostart(enable);
        } catch (VirtException e) {
            throw CommandFailure.of(enable ? "Failed to mark domain '" + name + "' as autostarted"
                    : "Failed to unmark domain '" + name + "' as autostarted", e);
        }
        inv.printExtra(enable ? "Domain '" + name + "' marked as autostarted\n"
                : "Domain '" + name + "' unmarked as autostarted\n");
        return true;
    }

    static boolean desc(Invocation inv) {
        boolean config = inv.bool("config");
        boolean live = inv.bool("live");
        boolean title = inv.bool("title");
        boolean edit = inv.bool("edit");
        inv.exclusive("current", "live");
        inv.exclusive("current", "config");
        List<DomainModification> flags = new ArrayList<>();
        if (config) {
            flags.add(DomainModification.CONFIG);
        }
        if (live) {
            flags.add(DomainModification.LIVE);
        }
        Domain dom = Lookups.domain(inv);
        dom.state();
        DomainMetadataType type = title ? DomainMetadataType.TITLE : DomainMetadataType.DESCRIPTION;
        List<String> words = inv.argv("new-desc");
        String descArg = words.isEmpty() ? null : String.join(" ", words);
        if (edit || descArg != null) {
            String descDom = DomainMonitorCommands.description(dom, title, config);
            if (descArg == null) {
                descArg = descDom;
            }
            String descNew;
            if (edit) {
                String edited = Editor.edit(inv.shell(), descArg);
                if (title && edited.endsWith("\n")) {
                    edited = edited.substring(0, edited.length() - 1);
                }
                if (descDom.equals(edited)) {
                    inv.printExtra(title ? "Domain title not changed\n" : "Domain description not changed\n");
                    return true;
                }
                descNew = edited;
            } else {
                descNew = descArg;
            }
            try {
                dom.setMetadata(type, descNew, null, null, flags.toArray(new DomainModification[0]));
            } catch (VirtException e) {
                throw CommandFailure.of(title ? "Failed to set new domain title"
                        : "Failed to set new domain description", e);
            }
            inv.printExtra(title ? "Domain title updated successfully" : "Domain description updated successfully");
        } else {
            String desc = DomainMonitorCommands.description(dom, title, config);
            if (!desc.isEmpty()) {
                inv.print(desc);
            } else {
                inv.printExtra((title ? "No title for domain: " : "No description for domain: ") + dom.name());
            }
        }
        return true;
    }

    // ---- XML and names ----

    static boolean dumpxml(Invocation inv) {
        Set<DomainXmlFlag> flags = EnumSet.noneOf(DomainXmlFlag.class);
        add(inv, flags, "inactive", DomainXmlFlag.INACTIVE);
        add(inv, flags, "security-info", DomainXmlFlag.SECURE);
        add(inv, flags, "update-cpu", DomainXmlFlag.UPDATE_CPU);
        add(inv, flags, "migratable", DomainXmlFlag.MIGRATABLE);
        Domain dom = Lookups.domain(inv);
        String xpath = inv.stringQuiet("xpath");
        String xml = dom.xml(flags.toArray(new DomainXmlFlag[0]));
        return XmlDump.print(inv, xml, xpath, inv.bool("wrap"));
    }

    static boolean domid(Invocation inv) {
        Domain dom = Lookups.domain(inv, "domain", Lookups.BY_NAME | Lookups.BY_UUID);
        int id = dom.id();
        inv.print((id < 0 ? "-" : Integer.toString(id)) + "\n");
        return true;
    }

    static boolean domname(Invocation inv) {
        Domain dom = Lookups.domain(inv, "domain", Lookups.BY_ID | Lookups.BY_UUID);
        inv.print(dom.name() + "\n");
        return true;
    }

    static boolean domuuid(Invocation inv) {
        Domain dom = Lookups.domain(inv, "domain", Lookups.BY_NAME | Lookups.BY_ID);
        inv.print(dom.uuid() + "\n");
        return true;
    }

    // ---- devices ----

    private static DomainModification[] deviceFlags(Invocation inv, Domain dom) {
        boolean persistent = inv.bool("persistent");
        Set<DomainModification> flags = EnumSet.noneOf(DomainModification.class);
        if (inv.bool("config") || persistent) {
            flags.add(DomainModification.CONFIG);
        }
        if (inv.bool("live")) {
            flags.add(DomainModification.LIVE);
        }
        if (persistent && dom.isActive()) {
            flags.add(DomainModification.LIVE);
        }
        if (flags.isEmpty() && !inv.bool("current")) {
            // virDomainAttachDevice and virDomainDetachDevice act on the running guest.
            flags.add(DomainModification.LIVE);
        }
        return flags.toArray(new DomainModification[0]);
    }

    static boolean attachDevice(Invocation inv) {
        inv.exclusive("persistent", "current");
        inv.exclusive("current", "live");
        inv.exclusive("current", "config");
        Domain dom = Lookups.domain(inv);
        String from = inv.required("file");
        DomainModification[] flags = deviceFlags(inv, dom);
        String xml = TextFiles.read(inv.shell(), from);
        try {
            dom.attachDevice(xml, flags);
        } catch (VirtException e) {
            throw CommandFailure.of("Failed to attach device from " + from, e);
        }
        inv.printExtra("Device attached successfully\n");
        return true;
    }

    static boolean detachDevice(Invocation inv) {
        inv.exclusive("persistent", "current");
        inv.exclusive("current", "live");
        inv.exclusive("current", "config");
        Domain dom = Lookups.domain(inv);
        DomainModification[] flags = deviceFlags(inv, dom);
        String from = inv.required("file");
        String xml = TextFiles.read(inv.shell(), from);
        try {
            dom.detachDevice(xml, flags);
        } catch (VirtException e) {
            throw CommandFailure.of("Failed to detach device from " + from, e);
        }
        inv.printExtra("Device detached successfully\n");
        return true;
    }

    /** Adds {@code flag} when option {@code option} was given. */
    static <E extends Enum<E>> void add(Invocation inv, Set<E> flags, String option, E flag) {
        if (inv.bool(option)) {
            flags.add(flag);
        }
    }
}
