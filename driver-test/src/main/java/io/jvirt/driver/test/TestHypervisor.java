package io.jvirt.driver.test;

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
import io.jvirt.DomainStateReason;
import io.jvirt.DomainStatsFlag;
import io.jvirt.DomainStatsGroup;
import io.jvirt.DomainUndefineFlag;
import io.jvirt.DomainXmlFlag;
import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.Flag;
import io.jvirt.ListDomainsFlag;
import io.jvirt.NodeInfo;
import io.jvirt.SecurityLabel;
import io.jvirt.SecurityModel;
import io.jvirt.Subscription;
import io.jvirt.VirtException;
import io.jvirt.spi.DomainListFilter;
import io.jvirt.spi.DomainRef;
import io.jvirt.spi.DomainStatsEntry;
import io.jvirt.spi.DomainStatsGroups;
import io.jvirt.spi.DriverDomainEvent;
import io.jvirt.spi.HypervisorDriver;
import io.jvirt.spi.ModificationImpact;
import io.jvirt.spi.ObjectRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The test driver's hypervisor table: libvirt's {@code testHypervisorDriver}, answering as
 * libvirt 9.0's test driver does (values, errors and their wording, events). Where libvirt's
 * test driver lacks a call (attach/detach device), the obvious in-memory behaviour.
 */
final class TestHypervisor implements HypervisorDriver {
    static final int MAX_VCPUS = 32;

    private final TestHost host;
    private final TestConnection conn;

    TestHypervisor(TestHost host, TestConnection conn) {
        this.host = host;
        this.conn = conn;
    }

    // ---- the host ----

    @Override
    public String hostname() {
        return HostName.get();
    }

    @Override
    public String type() {
        return "TEST";
    }

    @Override
    public long version() {
        return 2;
    }

    @Override
    public NodeInfo nodeInfo() {
        return host.nodeInfo;
    }

    @Override
    public String capabilities() {
        return DefaultHost.capabilities();
    }

    @Override
    public SecurityModel securityModel() {
        return DefaultHost.SECURITY_MODEL;
    }

    @Override
    public String sysinfo() {
        return DefaultHost.sysinfo();
    }

    @Override
    public int maxVcpus(String type) {
        return MAX_VCPUS;
    }

    @Override
    public long freeMemory() {
        // libvirt sums the cells' free KiB and returns the sum as bytes; virsh shows it /1024.
        long sum = 0;
        for (TestHost.NumaCell c : host.cells) {
            sum += c.freeKiB();
        }
        return sum;
    }

    @Override
    public List<Long> cellsFreeMemory(int startCell, int maxCells) {
        if (startCell >= host.cells.size()) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.TEST, "Range exceeds available cells");
        }
        List<Long> out = new ArrayList<>();
        // libvirt's test driver answers each cell's total memory here (a quirk virsh shows).
        for (int cell = startCell; cell < host.cells.size() && out.size() < maxCells; cell++) {
            out.add(host.cells.get(cell).memoryKiB());
        }
        return out;
    }

    @Override
    public boolean isAlive() {
        return true;
    }

    // ---- finding domains ----

    @Override
    public List<DomainRef> listAllDomains(Set<ListDomainsFlag> flags) {
        checkFlags(Flag.mask(flags), 0xFFFF, "testConnectListAllDomains");
        List<TestDomain> matched = new ArrayList<>();
        for (TestDomain d : host.domains.view()) {
            synchronized (d) {
                if (!d.isRemoved() && DomainListFilter.matches(flags, new DomainListFilter.Facts(
                        d.state().state(), d.isPersistent(), d.hasManagedSave(), d.autostart(), false, false))) {
                    matched.add(d);
                }
            }
        }
        matched.sort((a, b) -> a.name().compareTo(b.name()));
        List<DomainRef> refs = new ArrayList<>(matched.size());
        for (TestDomain d : matched) {
            refs.add(d.ref());
        }
        return refs;
    }

    @Override
    public List<DomainStatsEntry> domainStats(List<DomainRef> domains, Set<DomainStatsGroup> groups,
            Set<DomainStatsFlag> flags) {
        Set<DomainStatsGroup> chosen = DomainStatsGroups.select(groups, TestDomainStats.SUPPORTED, flags,
                ErrorDomain.TEST);
        List<DomainRef> refs = domains.isEmpty() ? listAllDomains(Set.of()) : domains;
        List<DomainStatsEntry> out = new ArrayList<>(refs.size());
        for (DomainRef ref : refs) {
            // As virDomainObjListConvert with skip_missing: a domain gone meanwhile is left out.
            TestDomain d = host.domains.byUuid(ref.uuid()).orElse(null);
            if (d == null) {
                continue;
            }
            synchronized (d) {
                if (!d.isRemoved() && DomainStatsGroups.passes(flags, d.state().state(), d.isPersistent())) {
                    out.add(new DomainStatsEntry(d.ref(), TestDomainStats.of(d, chosen)));
                }
            }
        }
        return out;
    }

    @Override
    public DomainRef lookupDomainByName(String name) {
        return host.domains.byName(name).map(TestDomain::ref).orElseThrow(TestHypervisor::noDomain);
    }

    @Override
    public DomainRef lookupDomainByUuid(UUID uuid) {
        return host.domains.byUuid(uuid).map(TestDomain::ref).orElseThrow(TestHypervisor::noDomain);
    }

    @Override
    public DomainRef lookupDomainById(int id) {
        return host.domains.byId(id).map(TestDomain::ref).orElseThrow(TestHypervisor::noDomain);
    }

    private static VirtException noDomain() {
        return new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.TEST, null);
    }

    /** The domain behind a handle, locked by the caller; NO_DOMAIN as libvirt's testDomObjFromDomain. */
    private TestDomain find(DomainRef ref) {
        TestDomain d = host.domains.byUuid(ref.uuid()).orElse(null);
        if (d == null) {
            throw new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.TEST,
                    "no domain with matching uuid '" + ref.uuid() + "' (" + ref.name() + ")");
        }
        return d;
    }

    /** Runs {@code action} on the locked domain, retrying the lookup if it was just replaced. */
    private <T> T withDomain(DomainRef ref, java.util.function.Function<TestDomain, T> action) {
        while (true) {
            TestDomain d = find(ref);
            synchronized (d) {
                if (d.isRemoved()) {
                    continue;
                }
                return action.apply(d);
            }
        }
    }

    private void withDomainDo(DomainRef ref, Consumer<TestDomain> action) {
        withDomain(ref, d -> {
            action.accept(d);
            return null;
        });
    }

    // ---- define, create, undefine ----

    @Override
    public DomainRef defineDomain(String xml, Set<DomainDefineFlag> flags) {
        checkFlags(Flag.mask(flags), DomainDefineFlag.VALIDATE.value(), "testDomainDefineXMLFlags");
        DomainConfig def = DomainConfig.parse(xml, flags.contains(DomainDefineFlag.VALIDATE));
        if (def.name().indexOf('\n') >= 0) {
            throw new VirtException(ErrorCode.XML_DETAIL, ErrorDomain.DOMAIN, "invalid char in name: \n");
        }
        def.generateInterfaceNames();
        while (true) {
            TestDomain existing = host.domains.byUuid(def.uuid()).orElse(null);
            if (existing != null) {
                synchronized (existing) {
                    if (existing.isRemoved()) {
                        continue;
                    }
                    checkSameName(existing, def);
                    existing.assignDef(def, false);
                    existing.setPersistent(true);
                    publish(existing, DomainEventDetail.Defined.UPDATED);
                    return existing.ref();
                }
            }
            TestDomain fresh = new TestDomain(def);
            fresh.setPersistent(true);
            ObjectRegistry.Conflict conflict = host.domains.add(fresh);
            if (conflict == ObjectRegistry.Conflict.NONE) {
                publish(fresh, DomainEventDetail.Defined.ADDED);
                return fresh.ref();
            }
            if (conflict == ObjectRegistry.Conflict.NAME) {
                nameTaken(def);
            }
            // UUID taken meanwhile: go round and redefine it.
        }
    }

    private void nameTaken(DomainConfig def) {
        TestDomain holder = host.domains.byName(def.name()).orElse(null);
        if (holder != null) {
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.DOMAIN,
                    "domain '" + def.name() + "' already exists with uuid " + holder.uuid());
        }
    }

    private static void checkSameName(TestDomain existing, DomainConfig def) {
        if (!existing.name().equals(def.name())) {
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.DOMAIN,
                    "domain '" + existing.name() + "' is already defined with uuid " + existing.uuid());
        }
    }

    @Override
    public DomainRef createDomain(String xml, Set<DomainStartFlag> flags) {
        checkFlags(Flag.mask(flags), DomainStartFlag.VALIDATE.value(), "testDomainCreateXML");
        DomainConfig def = DomainConfig.parse(xml, flags.contains(DomainStartFlag.VALIDATE));
        def.generateInterfaceNames();
        return addLive(def, DomainStateReason.Running.BOOTED, DomainEventDetail.Started.BOOTED).ref();
    }

    /** libvirt's virDomainObjListAdd with ADD_LIVE | CHECK_LIVE, then testDomainStartState. */
    private TestDomain addLive(DomainConfig def, DomainStateReason reason, DomainEventDetail event) {
        while (true) {
            TestDomain existing = host.domains.byUuid(def.uuid()).orElse(null);
            if (existing != null) {
                synchronized (existing) {
                    if (existing.isRemoved()) {
                        continue;
                    }
                    checkSameName(existing, def);
                    if (existing.isActive()) {
                        throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN,
                                "domain '" + existing.name() + "' is already active");
                    }
                    if (!existing.isPersistent()) {
                        throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN,
                                "domain '" + existing.name() + "' is already being started");
                    }
                    existing.assignDef(def, true);
                    start(existing, reason, event);
                    return existing;
                }
            }
            TestDomain fresh = new TestDomain(def);
            synchronized (fresh) {
                ObjectRegistry.Conflict conflict = host.domains.add(fresh);
                if (conflict == ObjectRegistry.Conflict.NONE) {
                    start(fresh, reason, event);
                    return fresh;
                }
                if (conflict == ObjectRegistry.Conflict.NAME) {
                    nameTaken(def);
                }
            }
        }
    }

    private void start(TestDomain d, DomainStateReason reason, DomainEventDetail event) {
        int id = host.allocateDomainId();
        d.started(id, reason);
        host.domains.setId(d, -1, id);
        publish(d, event);
    }

    /** testDomainShutdownState plus the removal of a transient domain. */
    private void stop(TestDomain d, DomainStateReason.Shutoff reason, DomainEventDetail event) {
        int oldId = d.id();
        d.stopped(reason);
        host.domains.setId(d, oldId, -1);
        publish(d, event);
        if (!d.isPersistent()) {
            remove(d);
        }
    }

    private void remove(TestDomain d) {
        host.domains.remove(d);
        d.markRemoved();
    }

    @Override
    public void domainUndefine(DomainRef ref, Set<DomainUndefineFlag> flags) {
        checkFlags(Flag.mask(flags), DomainUndefineFlag.MANAGED_SAVE.value()
                | DomainUndefineFlag.SNAPSHOTS_METADATA.value(), "testDomainUndefineFlags");
        withDomainDo(ref, d -> {
            if (d.hasManagedSave() && !flags.contains(DomainUndefineFlag.MANAGED_SAVE)) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST,
                        "Refusing to undefine while domain managed save image exists");
            }
            publish(d, DomainEventDetail.Undefined.REMOVED);
            d.setHasManagedSave(false);
            if (d.isActive()) {
                d.setPersistent(false);
            } else {
                remove(d);
            }
        });
    }

    // ---- lifecycle ----

    @Override
    public void domainStart(DomainRef ref, Set<DomainStartFlag> flags) {
        checkFlags(Flag.mask(flags), 0, "testDomainCreateWithFlags");
        withDomainDo(ref, d -> {
            if (d.state().state() != DomainState.SHUTOFF) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.TEST,
                        "Domain '" + ref.name() + "' is already running");
            }
            start(d, DomainStateReason.Running.BOOTED, DomainEventDetail.Started.BOOTED);
        });
    }

    @Override
    public void domainSuspend(DomainRef ref) {
        withDomainDo(ref, d -> {
            DomainState s = d.state().state();
            if (s == DomainState.SHUTOFF || s == DomainState.PAUSED) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.TEST,
                        "domain '" + ref.name() + "' not running");
            }
            d.setState(DomainStateReason.Paused.USER);
            publish(d, DomainEventDetail.Suspended.PAUSED);
        });
    }

    @Override
    public void domainResume(DomainRef ref) {
        withDomainDo(ref, d -> {
            if (d.state().state() != DomainState.PAUSED) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.TEST,
                        "domain '" + ref.name() + "' not paused");
            }
            d.setState(DomainStateReason.Running.UNPAUSED);
            publish(d, DomainEventDetail.Resumed.UNPAUSED);
        });
    }

    @Override
    public void domainShutdown(DomainRef ref, Set<DomainShutdownFlag> flags) {
        checkFlags(Flag.mask(flags), 0, "testDomainShutdownFlags");
        withDomainDo(ref, d -> {
            if (d.state().state() == DomainState.SHUTOFF) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.TEST,
                        "domain '" + ref.name() + "' not running");
            }
            applyLifecycleAction(d, d.def().onPoweroff());
        });
    }

    @Override
    public void domainReboot(DomainRef ref, Set<DomainShutdownFlag> flags) {
        withDomainDo(ref, d -> {
            checkActive(d);
            applyLifecycleAction(d, d.def().onReboot());
        });
    }

    /** libvirt's testDomainActionSetState: restart keeps it running, anything else stops it. */
    private void applyLifecycleAction(TestDomain d, String action) {
        if ("restart".equals(action) || "rename-restart".equals(action)) {
            d.setState(DomainStateReason.Running.BOOTED);
            return;
        }
        stop(d, DomainStateReason.Shutoff.SHUTDOWN, DomainEventDetail.Stopped.SHUTDOWN);
    }

    @Override
    public void domainReset(DomainRef ref) {
        withDomainDo(ref, TestHypervisor::checkActive);
    }

    @Override
    public void domainDestroy(DomainRef ref, Set<DomainDestroyFlag> flags) {
        checkFlags(Flag.mask(flags), DomainDestroyFlag.GRACEFUL.value(), "testDomainDestroyFlags");
        withDomainDo(ref, d -> {
            checkActive(d);
            stop(d, DomainStateReason.Shutoff.DESTROYED, DomainEventDetail.Stopped.DESTROYED);
        });
    }

    private static void checkActive(TestDomain d) {
        if (!d.isActive()) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN, "domain is not running");
        }
    }

    /** A domain's emulator died: shut off (crashed), as TestHostControl.crash promises. */
    void crash(String name) {
        withDomainDo(lookupDomainByName(name), d -> {
            checkActive(d);
            stop(d, DomainStateReason.Shutoff.CRASHED, DomainEventDetail.Stopped.CRASHED);
        });
    }

    // ---- save and restore ----

    @Override
    public void domainSave(DomainRef ref, Path file, Set<DomainSaveFlag> flags) {
        checkFlags(Flag.mask(flags), 0, "testDomainSaveFlags");
        withDomainDo(ref, d -> {
            checkActive(d);
            SaveImage.write(file, d.name(), d.def().format(-1, true));
            stop(d, DomainStateReason.Shutoff.SAVED, DomainEventDetail.Stopped.SAVED);
        });
    }

    /** libvirt's testDomainCoreDumpWithFormat: the save magic only; CRASH shuts the domain off (crashed). */
    @Override
    public void domainCoreDump(DomainRef ref, Path file, Set<DomainCoreDumpFlag> flags) {
        checkFlags(Flag.mask(flags), DomainCoreDumpFlag.CRASH.value(), "testDomainCoreDumpWithFormat");
        withDomainDo(ref, d -> {
            checkActive(d);
            SaveImage.writeCoreDump(file, d.name());
            if (flags.contains(DomainCoreDumpFlag.CRASH)) {
                stop(d, DomainStateReason.Shutoff.CRASHED, DomainEventDetail.Stopped.CRASHED);
            }
        });
    }

    @Override
    public void restoreDomain(Path file, Set<DomainSaveFlag> flags) {
        checkFlags(Flag.mask(flags), 0, "testDomainRestoreFlags");
        DomainConfig def = DomainConfig.parse(SaveImage.read(file), false);
        def.generateInterfaceNames();
        addLive(def, DomainStateReason.Running.RESTORED, DomainEventDetail.Started.RESTORED);
    }

    @Override
    public void domainManagedSave(DomainRef ref, Set<DomainSaveFlag> flags) {
        checkFlags(Flag.mask(flags), DomainSaveFlag.BYPASS_CACHE.value() | DomainSaveFlag.RUNNING.value()
                | DomainSaveFlag.PAUSED.value(), "testDomainManagedSave");
        withDomainDo(ref, d -> {
            checkActive(d);
            if (!d.isPersistent()) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST,
                        "cannot do managed save for transient domain");
            }
            stop(d, DomainStateReason.Shutoff.SAVED, DomainEventDetail.Stopped.SAVED);
            d.setHasManagedSave(true);
        });
    }

    @Override
    public boolean domainHasManagedSaveImage(DomainRef ref) {
        return withDomain(ref, TestDomain::hasManagedSave);
    }

    @Override
    public void domainManagedSaveRemove(DomainRef ref) {
        withDomainDo(ref, d -> d.setHasManagedSave(false));
    }

    // ---- reading ----

    @Override
    public int domainId(DomainRef ref) {
        return withDomain(ref, TestDomain::id);
    }

    @Override
    public DomainInfo domainInfo(DomainRef ref) {
        return withDomain(ref, d -> new DomainInfo(d.state().state(), d.def().maxMemoryKiB(),
                d.def().currentMemoryKiB(), d.def().vcpus(),
                // libvirt's test driver reports wall-clock time as CPU time.
                System.currentTimeMillis() * 1_000_000L));
    }

    @Override
    public DomainStateInfo domainState(DomainRef ref) {
        return withDomain(ref, TestDomain::state);
    }

    @Override
    public SecurityLabel domainSecurityLabel(DomainRef ref) {
        // libvirt's testDomainGetSecurityLabel: a fixed label while running, none otherwise.
        return withDomain(ref, d -> d.isActive() ? new SecurityLabel("libvirt-test", true)
                : new SecurityLabel("", false));
    }

    @Override
    public String domainOsType(DomainRef ref) {
        find(ref);
        return "linux"; // as libvirt's test driver, whatever the XML says
    }

    @Override
    public String domainXml(DomainRef ref, Set<DomainXmlFlag> flags) {
        // libvirt's VIR_DOMAIN_XML_COMMON_FLAGS: the test driver has no CPU to update.
        checkFlags(Flag.mask(flags), DomainXmlFlag.SECURE.value() | DomainXmlFlag.INACTIVE.value()
                | DomainXmlFlag.MIGRATABLE.value(), "testDomainGetXMLDesc");
        return withDomain(ref, d -> {
            boolean inactive = flags.contains(DomainXmlFlag.INACTIVE);
            DomainConfig def = inactive && d.persistentDef() != null && d.isActive() ? d.persistentDef() : d.def();
            int id = inactive ? -1 : d.id();
            return def.format(id, flags.contains(DomainXmlFlag.SECURE));
        });
    }

    @Override
    public boolean domainIsActive(DomainRef ref) {
        return withDomain(ref, TestDomain::isActive);
    }

    @Override
    public boolean domainIsPersistent(DomainRef ref) {
        return withDomain(ref, TestDomain::isPersistent);
    }

    @Override
    public boolean domainIsUpdated(DomainRef ref) {
        find(ref);
        return false;
    }

    // ---- tuning ----

    @Override
    public void domainSetMemory(DomainRef ref, long kib, Set<DomainModification> flags) {
        checkFlags(Flag.mask(flags), DomainModification.LIVE.value() | DomainModification.CONFIG.value()
                | DomainModification.MAXIMUM.value(), "testDomainSetMemoryFlags");
        withDomainDo(ref, d -> {
            boolean live = ModificationImpact.oneLive(d.isActive(), d.isPersistent(), flags);
            DomainConfig def = live ? d.liveDefForWrite() : d.persistentDefForWrite();
            if (flags.contains(DomainModification.MAXIMUM)) {
                if (live) {
                    throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST,
                            "cannot resize the maximum memory on an active domain");
                }
                def.setMaxMemoryKiB(kib);
                if (def.currentMemoryKiB() > kib) {
                    def.setCurrentMemoryKiB(kib);
                }
            } else {
                if (kib > def.maxMemoryKiB()) {
                    throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.TEST,
                            "cannot set memory higher than max memory");
                }
                def.setCurrentMemoryKiB(kib);
            }
        });
    }

    @Override
    public void domainSetVcpus(DomainRef ref, int count, Set<DomainModification> flags) {
        checkFlags(Flag.mask(flags), DomainModification.LIVE.value() | DomainModification.CONFIG.value()
                | DomainModification.MAXIMUM.value(), "testDomainSetVcpusFlags");
        if (count > MAX_VCPUS) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.TEST,
                    "requested cpu amount exceeds maximum supported amount (" + count + " > " + MAX_VCPUS + ")");
        }
        withDomainDo(ref, d -> {
            ModificationImpact impact = ModificationImpact.of(d.isActive(), d.isPersistent(), flags);
            boolean maximum = flags.contains(DomainModification.MAXIMUM);
            DomainConfig live = impact.live() ? d.def() : null;
            DomainConfig config = impact.config() ? d.persistentDef() : null;
            if (live != null && live.maxVcpus() < count) {
                throw tooManyVcpus(count, live.maxVcpus());
            }
            if (config != null && !maximum && config.maxVcpus() < count) {
                throw tooManyVcpus(count, config.maxVcpus());
            }
            if (count < 1) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN,
                        "Invalid number of vCPUs: " + count);
            }
            if (live != null) {
                d.liveDefForWrite().setVcpus(count);
            }
            if (config != null) {
                DomainConfig c = d.persistentDefForWrite();
                if (maximum) {
                    c.setMaxVcpus(count);
                } else {
                    c.setVcpus(count);
                }
            }
        });
    }

    private static VirtException tooManyVcpus(int count, int max) {
        return new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.TEST,
                "requested cpu amount exceeds maximum (" + count + " > " + max + ")");
    }

    @Override
    public int domainGetVcpus(DomainRef ref, Set<DomainModification> flags) {
        checkFlags(Flag.mask(flags), DomainModification.LIVE.value() | DomainModification.CONFIG.value()
                | DomainModification.MAXIMUM.value(), "testDomainGetVcpusFlags");
        return withDomain(ref, d -> {
            DomainConfig def = oneDef(d, flags);
            return flags.contains(DomainModification.MAXIMUM) ? def.maxVcpus() : def.vcpus();
        });
    }

    @Override
    public int domainMaxVcpus(DomainRef ref) {
        return domainGetVcpus(ref, EnumSet.of(DomainModification.LIVE, DomainModification.MAXIMUM));
    }

    @Override
    public String domainGetMetadata(DomainRef ref, DomainMetadataType type, String namespaceUri,
            Set<DomainModification> flags) {
        checkFlags(Flag.mask(flags), DomainModification.LIVE.value() | DomainModification.CONFIG.value(),
                "testDomainGetMetadata");
        return withDomain(ref, d -> oneDef(d, flags).metadata(type, namespaceUri));
    }

    @Override
    public void domainSetMetadata(DomainRef ref, DomainMetadataType type, String value, String key,
            String namespaceUri, Set<DomainModification> flags) {
        checkFlags(Flag.mask(flags), DomainModification.LIVE.value() | DomainModification.CONFIG.value(),
                "testDomainSetMetadata");
        withDomainDo(ref, d -> {
            ModificationImpact impact = ModificationImpact.of(d.isActive(), d.isPersistent(), flags);
            if (impact.live()) {
                d.liveDefForWrite().setMetadata(type, value, key, namespaceUri);
            }
            if (impact.config()) {
                d.persistentDefForWrite().setMetadata(type, value, key, namespaceUri);
            }
        });
    }

    @Override
    public boolean domainGetAutostart(DomainRef ref) {
        return withDomain(ref, TestDomain::autostart);
    }

    @Override
    public void domainSetAutostart(DomainRef ref, boolean autostart) {
        withDomainDo(ref, d -> d.setAutostart(autostart));
    }

    // ---- devices (libvirt's test driver has none of these; the in-memory obvious) ----

    @Override
    public void domainAttachDevice(DomainRef ref, String xml, Set<DomainModification> flags) {
        checkFlags(Flag.mask(flags), DomainModification.LIVE.value() | DomainModification.CONFIG.value(),
                "testDomainAttachDeviceFlags");
        changeDevices(ref, DeviceConfig.parse(xml), flags, DomainConfig::checkAttach, DomainConfig::attach);
    }

    @Override
    public void domainDetachDevice(DomainRef ref, String xml, Set<DomainModification> flags) {
        checkFlags(Flag.mask(flags), DomainModification.LIVE.value() | DomainModification.CONFIG.value(),
                "testDomainDetachDeviceFlags");
        changeDevices(ref, DeviceConfig.parse(xml), flags, DomainConfig::checkDetach, DomainConfig::detach);
    }

    /** Checks every definition the change touches before changing any: nothing is half-applied. */
    private void changeDevices(DomainRef ref, DeviceConfig device, Set<DomainModification> flags,
            java.util.function.BiConsumer<DomainConfig, DeviceConfig> check,
            java.util.function.BiConsumer<DomainConfig, DeviceConfig> change) {
        withDomainDo(ref, d -> {
            ModificationImpact impact = ModificationImpact.of(d.isActive(), d.isPersistent(), flags);
            if (impact.live()) {
                check.accept(d.def(), device);
            }
            if (impact.config()) {
                check.accept(d.persistentDef(), device);
            }
            if (impact.live()) {
                change.accept(d.liveDefForWrite(), device);
            }
            if (impact.config()) {
                change.accept(d.persistentDefForWrite(), device);
            }
        });
    }

    // ---- events ----

    @Override
    public Subscription onDomainEvent(DomainRef filter, Consumer<DriverDomainEvent> listener) {
        UUID only = filter == null ? null : filter.uuid();
        return conn.track(host.domainEvents.subscribe(
                e -> only == null || only.equals(e.domain().uuid()), listener));
    }

    private void publish(TestDomain d, DomainEventDetail detail) {
        if (host.domainEvents.hasSubscribers()) {
            host.domainEvents.publish(new DriverDomainEvent(d.ref(), detail));
        }
    }

    /** libvirt's virCheckFlags. */
    static void checkFlags(int flags, int supported, String function) {
        int unsupported = flags & ~supported;
        if (unsupported != 0) {
            throw VirtException.unsupportedFlags(ErrorDomain.TEST, unsupported, function);
        }
    }

    /** libvirt's virDomainObjGetOneDef: the one definition a read looks at. */
    private static DomainConfig oneDef(TestDomain d, Set<DomainModification> flags) {
        return ModificationImpact.oneLive(d.isActive(), d.isPersistent(), flags) ? d.def() : d.persistentDef();
    }
}
