package io.jvirt.driver.kvm;

import io.jvirt.DomainCoreDumpFlag;
import io.jvirt.DomainDefineFlag;
import io.jvirt.DomainDestroyFlag;
import io.jvirt.DomainEventDetail;
import io.jvirt.DomainInfo;
import io.jvirt.DomainMetadataType;
import io.jvirt.DomainModification;
import io.jvirt.DomainSaveFlag;
import io.jvirt.DomainShutdownFlag;
import io.jvirt.DomainStartFlag;
import io.jvirt.DomainState;
import io.jvirt.DomainStateInfo;
import io.jvirt.DomainStatsFlag;
import io.jvirt.DomainStatsGroup;
import io.jvirt.DomainUndefineFlag;
import io.jvirt.DomainXmlFlag;
import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.ListDomainsFlag;
import io.jvirt.NodeInfo;
import io.jvirt.SecurityModel;
import io.jvirt.Subscription;
import io.jvirt.VirtException;
import io.jvirt.spi.DomainListFilter;
import io.jvirt.spi.DomainRef;
import io.jvirt.spi.DomainStatsEntry;
import io.jvirt.spi.DomainStatsGroups;
import io.jvirt.spi.DomainTransition;
import io.jvirt.spi.DriverDomainEvent;
import io.jvirt.spi.HypervisorDriver;
import io.jvirt.spi.ObjectRegistry;
import io.jvirt.xml.DomainDef;
import io.jvirt.xml.LibvirtXml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/** The QEMU driver's hypervisor table over a {@link QemuHost}. */
final class QemuHypervisor implements HypervisorDriver {
    private final QemuHost host;
    private final ConnectionSubscriptions subscriptions = new ConnectionSubscriptions();

    QemuHypervisor(QemuHost host) {
        this.host = host;
    }

    // ---- the host ----

    @Override
    public String hostname() {
        return HostFacts.hostname();
    }

    @Override
    public String type() {
        return "QEMU";
    }

    @Override
    public long version() {
        return host.caps().versionNumber();
    }

    @Override
    public NodeInfo nodeInfo() {
        return HostFacts.nodeInfo();
    }

    @Override
    public String capabilities() {
        return HostFacts.capabilitiesXml(host.caps());
    }

    /** No security driver confines our QEMUs, so the capabilities name no {@code <secmodel>}. */
    @Override
    public SecurityModel securityModel() {
        return SecurityModel.NONE;
    }

    @Override
    public int maxVcpus(String type) {
        // libvirt's qemuConnectGetMaxVcpus: 16 for TCG; KVM's limit is the machine's.
        if (type == null || type.equalsIgnoreCase("qemu")) {
            return 16;
        }
        if (type.equalsIgnoreCase("kvm")) {
            QemuCapabilities caps = host.caps();
            return caps.machine(caps.resolveMachine(null).orElse("")).map(QemuCapabilities.Machine::cpuMax)
                    .orElse(1);
        }
        throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "unknown type '" + type + "'");
    }

    @Override
    public long freeMemory() {
        return HostFacts.freeMemoryBytes();
    }

    @Override
    public boolean isAlive() {
        return true;
    }

    // ---- finding domains ----

    @Override
    public List<DomainRef> listAllDomains(Set<ListDomainsFlag> flags) {
        List<QemuDomain> matched = new ArrayList<>();
        for (QemuDomain d : host.domains.view()) {
            List<DriverDomainEvent> out = new ArrayList<>();
            synchronized (d) {
                host.reconnects.sync(d, out);
                d.outbox.addAll(out);
                if (!d.removed && DomainListFilter.matches(flags, new DomainListFilter.Facts(
                        d.stateKind(), d.isPersistent(), QemuSave.hasManagedImage(host, d), d.autostart,
                        false, false))) {
                    matched.add(d);
                }
            }
            host.flush(d);
        }
        // No stream or Comparator.comparing: one jvirsh command lists, and each lambda a fresh
        // JVM spins costs it about a millisecond.
        matched.sort(BY_NAME);
        List<DomainRef> refs = new ArrayList<>(matched.size());
        for (QemuDomain d : matched) {
            refs.add(d.ref());
        }
        return refs;
    }

    private static final Comparator<QemuDomain> BY_NAME = new Comparator<>() {
        @Override
        public int compare(QemuDomain a, QemuDomain b) {
            return a.name.compareTo(b.name);
        }
    };

    @Override
    public DomainRef lookupDomainByName(String name) {
        QemuDomain d = host.domains.byName(name).orElse(null);
        if (d == null || !current(d)) {
            throw new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.QEMU, "no domain with matching name '" + name + "'");
        }
        return d.ref();
    }

    @Override
    public DomainRef lookupDomainByUuid(UUID uuid) {
        QemuDomain d = host.domains.byUuid(uuid).orElse(null);
        if (d == null || !current(d)) {
            throw new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.QEMU, "no domain with matching uuid '" + uuid + "'");
        }
        return d.ref();
    }

    @Override
    public DomainRef lookupDomainById(int id) {
        QemuDomain d = host.domains.byId(id).orElse(null);
        if (d == null || !current(d) || d.id() != id) {
            throw new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.QEMU, "no domain with matching id " + id);
        }
        return d.ref();
    }

    /** Brings {@code d} up to date (see QemuHost's sync); false if it is gone meanwhile. */
    private boolean current(QemuDomain d) {
        List<DriverDomainEvent> out = new ArrayList<>();
        boolean present;
        synchronized (d) {
            host.reconnects.sync(d, out);
            d.outbox.addAll(out);
            present = !d.removed;
        }
        host.flush(d);
        return present;
    }

    /**
     * Runs {@code action}, a change, on the locked domain once no async job (a save) runs, then
     * publishes the events it collected.
     */
    private <T> T withDomain(DomainRef ref, BiFunction<QemuDomain, List<DriverDomainEvent>, T> action) {
        return withDomain(ref, true, action);
    }

    /** As {@link #withDomain(DomainRef, BiFunction)}; a query ({@code change} false) doesn't wait for async jobs. */
    private <T> T withDomain(DomainRef ref, boolean change, BiFunction<QemuDomain, List<DriverDomainEvent>, T> action) {
        while (true) {
            QemuDomain d = host.domains.byUuid(ref.uuid()).orElseThrow(() -> new VirtException(
                    ErrorCode.NO_DOMAIN, ErrorDomain.QEMU,
                    "no domain with matching uuid '" + ref.uuid() + "' (" + ref.name() + ")"));
            List<DriverDomainEvent> out = new ArrayList<>();
            try {
                synchronized (d) {
                    if (d.removed) {
                        continue;
                    }
                    try {
                        if (change) {
                            d.awaitNoAsyncJob();
                        }
                        host.reconnects.sync(d, out);
                        if (d.removed) {
                            continue; // a transient domain whose QEMU had gone, or undefined meanwhile
                        }
                        return action.apply(d, out);
                    } finally {
                        d.outbox.addAll(out);
                    }
                }
            } finally {
                host.flush(d);
            }
        }
    }

    private void withDomainDo(DomainRef ref, java.util.function.BiConsumer<QemuDomain, List<DriverDomainEvent>> action) {
        withDomain(ref, (d, out) -> {
            action.accept(d, out);
            return null;
        });
    }

    private <T> T read(DomainRef ref, java.util.function.Function<QemuDomain, T> f) {
        return withDomain(ref, false, (d, out) -> f.apply(d));
    }

    private static VirtException notRunning() {
        return new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "domain is not running");
    }

    private static VirtException alreadyRunning() {
        return new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "domain is already running");
    }

    private static void checkActive(QemuDomain d) {
        if (!d.isActive()) {
            throw notRunning();
        }
    }

    // ---- define, create, undefine ----

    @Override
    public DomainRef defineDomain(String xml, Set<DomainDefineFlag> flags) {
        DomainDef def = host.prepare(xml);
        UUID uuid = UUID.fromString(def.getUuid());
        QemuDomain touched = null;
        try {
            while (true) {
                QemuDomain existing = host.domains.byUuid(uuid).orElse(null);
                if (existing != null) {
                    touched = existing;
                    synchronized (existing) {
                        if (existing.removed) {
                            continue;
                        }
                        checkSameName(existing, def);
                        host.writeConfig(existing.name, def);
                        boolean wasPersistent = existing.isPersistent();
                        existing.setPersistentDef(def);
                        if (existing.isActive()) {
                            host.writeStatus(existing);
                        }
                        existing.outbox.add(new DriverDomainEvent(existing.ref(), wasPersistent
                                ? DomainEventDetail.Defined.UPDATED : DomainEventDetail.Defined.ADDED));
                        return existing.ref();
                    }
                }
                QemuDomain fresh = new QemuDomain(def.getName(), uuid);
                fresh.setPersistentDef(def);
                touched = fresh;
                synchronized (fresh) {
                    ObjectRegistry.Conflict conflict = host.domains.add(fresh);
                    if (conflict == ObjectRegistry.Conflict.NONE) {
                        try {
                            host.writeConfig(fresh.name, def);
                        } catch (RuntimeException e) {
                            host.domains.remove(fresh);
                            fresh.removed = true;
                            throw e;
                        }
                        fresh.outbox.add(new DriverDomainEvent(fresh.ref(), DomainEventDetail.Defined.ADDED));
                        return fresh.ref();
                    }
                    if (conflict == ObjectRegistry.Conflict.NAME) {
                        nameTaken(def.getName());
                    }
                }
            }
        } finally {
            if (touched != null) {
                host.flush(touched);
            }
        }
    }

    private void nameTaken(String name) {
        QemuDomain holder = host.domains.byName(name).orElse(null);
        if (holder != null) {
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.DOMAIN,
                    "domain '" + name + "' already exists with uuid " + holder.uuid);
        }
    }

    private static void checkSameName(QemuDomain existing, DomainDef def) {
        if (!existing.name.equals(def.getName())) {
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.DOMAIN,
                    "domain '" + existing.name + "' is already defined with uuid " + existing.uuid);
        }
    }

    @Override
    public DomainRef createDomain(String xml, Set<DomainStartFlag> flags) {
        DomainDef def = host.prepare(xml);
        DomainTransition how = flags.contains(DomainStartFlag.PAUSED) ? DomainTransition.START_PAUSED
                : DomainTransition.START;
        return startDefinition(def, (d, out) -> host.start(d, def, how, out));
    }

    @Override
    public void restoreDomain(Path file, Set<DomainSaveFlag> flags) {
        QemuSave.checkFlags(flags, "qemuDomainRestoreFlags");
        QemuSaveImage image = QemuSaveImage.read(file);
        DomainDef def = host.prepare(image.xml());
        startDefinition(def, (d, out) -> QemuSave.restore(host, d, def, image, file, flags, out));
    }

    /**
     * What create and restore share: the domain {@code def} names, found (inactive, same name)
     * or added as a transient one, is started by {@code starter}; a domain added here leaves
     * again if that fails.
     */
    private DomainRef startDefinition(DomainDef def,
            java.util.function.BiConsumer<QemuDomain, List<DriverDomainEvent>> starter) {
        UUID uuid = UUID.fromString(def.getUuid());
        List<DriverDomainEvent> out = new ArrayList<>();
        QemuDomain touched = null;
        try {
            while (true) {
                QemuDomain existing = host.domains.byUuid(uuid).orElse(null);
                if (existing != null) {
                    touched = existing;
                    synchronized (existing) {
                        if (existing.removed) {
                            continue;
                        }
                        checkSameName(existing, def);
                        if (existing.isActive()) {
                            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                                    "domain '" + existing.name + "' is already active");
                        }
                        starter.accept(existing, out);
                        existing.outbox.addAll(out);
                        return existing.ref();
                    }
                }
                QemuDomain fresh = new QemuDomain(def.getName(), uuid);
                touched = fresh;
                synchronized (fresh) {
                    ObjectRegistry.Conflict conflict = host.domains.add(fresh);
                    if (conflict == ObjectRegistry.Conflict.NONE) {
                        try {
                            starter.accept(fresh, out);
                            fresh.outbox.addAll(out);
                        } catch (RuntimeException e) {
                            host.domains.remove(fresh);
                            fresh.removed = true;
                            throw e;
                        }
                        return fresh.ref();
                    }
                    if (conflict == ObjectRegistry.Conflict.NAME) {
                        nameTaken(def.getName());
                    }
                }
            }
        } finally {
            if (touched != null) {
                host.flush(touched);
            }
        }
    }

    @Override
    public void domainUndefine(DomainRef ref, Set<DomainUndefineFlag> flags) {
        withDomainDo(ref, (d, out) -> {
            if (!d.isPersistent()) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                        "cannot undefine transient domain");
            }
            Path managed = QemuSave.managedPath(host, d);
            if (Files.exists(managed)) {
                if (!flags.contains(DomainUndefineFlag.MANAGED_SAVE)) {
                    throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                            "Refusing to undefine while domain managed save image exists");
                }
                deleteImage(managed);
            }
            host.store.delete(d.name);
            QemuHost.deleteQuietly(DomainFacts.cacheFile(host.paths, d.name));
            ShutoffRecord.forget(host.runDir, d.name);
            QemuHost.deleteQuietly(host.autostartDir.resolve(d.name + ".xml"));
            d.autostart = false;
            d.setPersistentDef(null);
            out.add(new DriverDomainEvent(d.ref(), DomainEventDetail.Undefined.REMOVED));
            if (d.isActive()) {
                host.writeStatus(d);
            } else {
                host.domains.remove(d);
                d.removed = true;
            }
        });
    }

    // ---- lifecycle ----

    @Override
    public void domainStart(DomainRef ref, Set<DomainStartFlag> flags) {
        withDomainDo(ref, (d, out) -> {
            if (d.isActive()) {
                throw alreadyRunning();
            }
            boolean paused = flags.contains(DomainStartFlag.PAUSED);
            if (flags.contains(DomainStartFlag.FORCE_BOOT)) {
                deleteImage(QemuSave.managedPath(host, d));
            } else if (QemuSave.startFromManagedImage(host, d, paused, out)) {
                return;
            }
            host.start(d, d.persistentDef(), paused ? DomainTransition.START_PAUSED : DomainTransition.START, out);
            if (flags.contains(DomainStartFlag.PAUSED)) {
                out.add(new DriverDomainEvent(d.ref(), DomainEventDetail.Suspended.PAUSED));
            }
        });
    }

    @Override
    public void domainSuspend(DomainRef ref) {
        withDomainDo(ref, (d, out) -> {
            checkActive(d);
            if (d.stateKind() == DomainState.PAUSED) {
                return; // libvirt's qemuDomainSuspend: already paused is success
            }
            if (!DomainTransition.SUSPEND.allowedFrom(d.stateKind())) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                        "domain is not in a state that can be paused");
            }
            host.qmp(d, "stop");
            d.run.ownStops++;
            d.state = DomainTransition.SUSPEND.result();
            host.writeStatus(d);
            out.add(new DriverDomainEvent(d.ref(), DomainTransition.SUSPEND.event()));
        });
    }

    @Override
    public void domainResume(DomainRef ref) {
        withDomainDo(ref, (d, out) -> {
            checkActive(d);
            if (d.stateKind() != DomainState.PAUSED) {
                throw alreadyRunning();
            }
            host.qmp(d, "cont");
            d.run.ownResumes++;
            d.state = DomainTransition.RESUME.result();
            host.writeStatus(d);
            out.add(new DriverDomainEvent(d.ref(), DomainTransition.RESUME.event()));
        });
    }

    @Override
    public void domainShutdown(DomainRef ref, Set<DomainShutdownFlag> flags) {
        // libvirt's qemuDomainShutdownFlags: press the power button and return; the guest acts.
        QemuReboot.checkFlags(flags, "qemuDomainShutdownFlags");
        withDomainDo(ref, (d, out) -> {
            checkActive(d);
            d.run.fakeReboot = false;
            host.qmp(d, "system_powerdown");
        });
    }

    @Override
    public void domainReboot(DomainRef ref, Set<DomainShutdownFlag> flags) {
        QemuReboot.checkFlags(flags, "qemuDomainReboot");
        withDomainDo(ref, (d, out) -> {
            checkActive(d);
            QemuReboot.reboot(host, d);
        });
    }

    @Override
    public void domainReset(DomainRef ref) {
        // libvirt's qemuDomainReset: the reset button; a pending fake reboot is forgotten.
        withDomainDo(ref, (d, out) -> {
            checkActive(d);
            host.qmp(d, "system_reset");
            d.run.fakeReboot = false;
        });
    }

    @Override
    public void domainDestroy(DomainRef ref, Set<DomainDestroyFlag> flags) {
        withDomainDo(ref, (d, out) -> {
            checkActive(d);
            host.destroy(d, out);
        });
    }

    // ---- save and restore ----

    @Override
    public void domainSave(DomainRef ref, Path file, Set<DomainSaveFlag> flags) {
        QemuSave.checkFlags(flags, "qemuDomainSaveFlags");
        withDomainDo(ref, (d, out) -> {
            checkActive(d);
            QemuSave.save(host, d, file, flags, out);
        });
    }

    @Override
    public void domainCoreDump(DomainRef ref, Path file, Set<DomainCoreDumpFlag> flags) {
        QemuDomainDump.checkFlags(flags);
        withDomainDo(ref, (d, out) -> {
            checkActive(d);
            QemuDomainDump.dump(host, d, file, flags, out);
        });
    }

    @Override
    public void domainManagedSave(DomainRef ref, Set<DomainSaveFlag> flags) {
        QemuSave.checkFlags(flags, "qemuDomainManagedSave");
        withDomainDo(ref, (d, out) -> {
            checkActive(d);
            QemuSave.managedSave(host, d, flags, out);
        });
    }

    @Override
    public boolean domainHasManagedSaveImage(DomainRef ref) {
        return read(ref, d -> QemuSave.hasManagedImage(host, d));
    }

    @Override
    public void domainManagedSaveRemove(DomainRef ref) {
        withDomainDo(ref, (d, out) -> deleteImage(QemuSave.managedPath(host, d)));
    }

    private static void deleteImage(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                    "Failed to remove managed save file '" + file + "': " + e.getMessage(), e);
        }
    }

    // ---- reading ----

    @Override
    public int domainId(DomainRef ref) {
        return read(ref, QemuDomain::id);
    }

    @Override
    public DomainInfo domainInfo(DomainRef ref) {
        return read(ref, d -> {
            DomainFacts facts = d.currentFacts();
            long cpuNs = 0;
            if (d.run != null) {
                cpuNs = ProcStat.of(d.run.process.pid()).map(ProcStat::cpuNs).orElse(0L);
            }
            return new DomainInfo(d.stateKind(), facts.memoryKiB(), facts.currentMemoryKiB(), facts.vcpus(), cpuNs);
        });
    }

    @Override
    public List<DomainStatsEntry> domainStats(List<DomainRef> domains, Set<DomainStatsGroup> groups,
            Set<DomainStatsFlag> flags) {
        Set<DomainStatsGroup> chosen = DomainStatsGroups.select(groups, QemuStats.SUPPORTED, flags, ErrorDomain.QEMU);
        List<DomainRef> refs = domains.isEmpty() ? listAllDomains(Set.of()) : domains;
        List<DomainStatsEntry> out = new ArrayList<>(refs.size());
        for (DomainRef ref : refs) {
            // As libvirt's virDomainObjListConvert with skip_missing: a domain gone meanwhile is left out.
            QemuDomain d = host.domains.byUuid(ref.uuid()).orElse(null);
            if (d == null) {
                continue;
            }
            List<DriverDomainEvent> events = new ArrayList<>();
            synchronized (d) {
                host.reconnects.sync(d, events); // a QEMU gone while nobody watched is shut off first
                d.outbox.addAll(events);
                if (!d.removed && DomainStatsGroups.passes(flags, d.stateKind(), d.isPersistent())) {
                    out.add(new DomainStatsEntry(d.ref(), QemuStats.of(d, chosen)));
                }
            }
            host.flush(d);
        }
        return out;
    }

    @Override
    public DomainStateInfo domainState(DomainRef ref) {
        return read(ref, d -> d.state);
    }

    @Override
    public String domainOsType(DomainRef ref) {
        return read(ref, d -> d.currentFacts().osType());
    }

    @Override
    public String domainXml(DomainRef ref, Set<DomainXmlFlag> flags) {
        return read(ref, d -> {
            boolean inactive = flags.contains(DomainXmlFlag.INACTIVE);
            if (d.isActive() && !(inactive && d.isPersistent())) {
                DomainDef live = LibvirtXml.copy(d.run.def());
                live.setId(d.run.id);
                return LibvirtXml.format(live);
            }
            return LibvirtXml.format(d.persistentDef());
        });
    }

    @Override
    public boolean domainIsActive(DomainRef ref) {
        return read(ref, QemuDomain::isActive);
    }

    @Override
    public boolean domainIsPersistent(DomainRef ref) {
        return read(ref, QemuDomain::isPersistent);
    }

    @Override
    public boolean domainIsUpdated(DomainRef ref) {
        return read(ref, d -> false);
    }

    @Override
    public int domainMaxVcpus(DomainRef ref) {
        return read(ref, d -> Math.max(1, d.currentDef().getVcpuCount()));
    }

    // ---- devices ----

    @Override
    public void domainAttachDevice(DomainRef ref, String xml, Set<DomainModification> flags) {
        withDomainDo(ref, (d, out) -> QemuHotplug.attach(host, d, xml, flags));
    }

    @Override
    public void domainDetachDevice(DomainRef ref, String xml, Set<DomainModification> flags) {
        withDomainDo(ref, (d, out) -> QemuHotplug.detach(host, d, xml, flags));
    }

    // ---- resources ----

    @Override
    public void domainSetMemory(DomainRef ref, long kib, Set<DomainModification> flags) {
        withDomainDo(ref, (d, out) -> QemuResources.setMemory(host, d, kib, flags));
    }

    @Override
    public void domainSetVcpus(DomainRef ref, int count, Set<DomainModification> flags) {
        withDomainDo(ref, (d, out) -> QemuResources.setVcpus(host, d, count, flags));
    }

    @Override
    public int domainGetVcpus(DomainRef ref, Set<DomainModification> flags) {
        return read(ref, d -> QemuResources.getVcpus(d, flags));
    }

    @Override
    public String domainGetMetadata(DomainRef ref, DomainMetadataType type, String namespaceUri,
            Set<DomainModification> flags) {
        return read(ref, d -> {
            DomainDef def = flags.contains(DomainModification.CONFIG) && d.isPersistent()
                    ? d.persistentDef() : d.currentDef();
            String value = switch (type) {
                case TITLE -> def.getTitle();
                case DESCRIPTION -> def.getDescription();
                case ELEMENT -> throw new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.QEMU,
                        "metadata elements are not supported by the QEMU driver yet");
            };
            if (value == null) {
                throw new VirtException(ErrorCode.NO_DOMAIN_METADATA, ErrorDomain.DOMAIN,
                        "Requested metadata element is not present");
            }
            return value;
        });
    }

    @Override
    public boolean domainGetAutostart(DomainRef ref) {
        return read(ref, d -> d.autostart);
    }

    @Override
    public void domainSetAutostart(DomainRef ref, boolean autostart) {
        withDomainDo(ref, (d, out) -> {
            if (!d.isPersistent()) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                        "cannot set autostart for transient domain");
            }
            try {
                if (autostart) {
                    Files.writeString(host.autostartDir.resolve(d.name + ".xml"), d.name + "\n");
                } else {
                    Files.deleteIfExists(host.autostartDir.resolve(d.name + ".xml"));
                }
            } catch (IOException e) {
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU,
                        "cannot change autostart of '" + d.name + "': " + e.getMessage(), e);
            }
            d.autostart = autostart;
        });
    }

    @Override
    public Subscription onDomainEvent(DomainRef filter, Consumer<DriverDomainEvent> listener) {
        host.reconnects.attachAll(); // events come over the monitors: connect those nobody needed yet
        return subscriptions.track(host.events.subscribe(
                e -> filter == null || e.domain().uuid().equals(filter.uuid()), listener));
    }

    /** Ends this connection's subscriptions: its listeners hear nothing after close. */
    void closeSubscriptions() {
        subscriptions.closeAll();
    }
}
