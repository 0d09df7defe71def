package io.jvirt;

import io.jvirt.spi.DomainRef;
import io.jvirt.spi.DomainStatsEntry;
import io.jvirt.spi.DriverConnection;
import io.jvirt.spi.HypervisorDriver;
import io.jvirt.spi.InterfaceDriver;
import io.jvirt.spi.NetworkDriver;
import io.jvirt.spi.NodeDeviceDriver;
import io.jvirt.spi.StorageDriver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The public API layer over a driver connection, as libvirt's {@code src/libvirt-*.c}: checks
 * that the connection is open, refuses changes on read-only connections (with libvirt's
 * wording, naming libvirt's API), converts flags and wraps driver references in handles.
 */
final class ApiConnection implements Connection {
    private final ConnectUri uri;
    private final DriverConnection driver;
    private final boolean readOnly;
    private final Admission admission;
    private volatile boolean closed;

    ApiConnection(ConnectUri uri, DriverConnection driver, boolean readOnly) {
        this(uri, driver, readOnly, Admission.NONE);
    }

    ApiConnection(ConnectUri uri, DriverConnection driver, boolean readOnly, Admission admission) {
        this.uri = uri;
        this.driver = driver;
        this.readOnly = readOnly;
        this.admission = admission;
    }

    /** This connection's admission control (issue 7); {@link Admission#NONE} unless asked for. */
    Admission admission() {
        return admission;
    }

    // ---- checks shared by the handles ----

    /** The hypervisor table, after checking the connection is open. */
    HypervisorDriver hv(String api) {
        checkOpen(api);
        return driver.hypervisor();
    }

    NetworkDriver net(String api) {
        checkOpen(api);
        return driver.networks();
    }

    StorageDriver storage(String api) {
        checkOpen(api);
        return driver.storage();
    }

    InterfaceDriver ifaces(String api) {
        checkOpen(api);
        return driver.interfaces();
    }

    NodeDeviceDriver nodeDevs(String api) {
        checkOpen(api);
        return driver.nodeDevices();
    }

    /** As libvirt's virCheckReadOnlyGoto: OPERATION_DENIED in the API's error domain. */
    void checkWritable(String api, ErrorDomain domain) {
        if (readOnly) {
            throw new VirtException(ErrorCode.OPERATION_DENIED, domain, "read only access prevents " + api);
        }
    }

    private void checkOpen(String api) {
        if (closed) {
            throw new VirtException(ErrorCode.INVALID_CONN, ErrorDomain.NONE, api);
        }
    }

    private HypervisorDriver hvWritable(String api) {
        HypervisorDriver hv = hv(api);
        checkWritable(api, ErrorDomain.DOMAIN);
        return hv;
    }

    Domain domain(DomainRef ref) {
        return new ApiDomain(this, ref);
    }

    private static <R, T> List<T> wrap(List<R> refs, Function<R, T> f) {
        List<T> out = new ArrayList<>(refs.size());
        for (R r : refs) {
            out.add(f.apply(r));
        }
        return out;
    }

    // ---- the connection and its host ----

    @Override
    public ConnectUri uri() {
        return uri;
    }

    @Override
    public boolean isReadOnly() {
        return readOnly;
    }

    @Override
    public boolean isAlive() {
        return !closed && driver.hypervisor().isAlive();
    }

    @Override
    public String hostname() {
        return hv("virConnectGetHostname").hostname();
    }

    @Override
    public String hypervisorType() {
        return hv("virConnectGetType").type();
    }

    @Override
    public long hypervisorVersion() {
        return hv("virConnectGetVersion").version();
    }

    @Override
    public long libraryVersion() {
        checkOpen("virConnectGetLibVersion");
        return Virt.VERSION;
    }

    @Override
    public NodeInfo nodeInfo() {
        return hv("virNodeGetInfo").nodeInfo();
    }

    @Override
    public String capabilities() {
        return hv("virConnectGetCapabilities").capabilities();
    }

    @Override
    public SecurityModel securityModel() {
        return hv("virNodeGetSecurityModel").securityModel();
    }

    @Override
    public String sysinfo() {
        return hv("virConnectGetSysinfo").sysinfo();
    }

    @Override
    public int maxVcpus(String type) {
        return hv("virConnectGetMaxVcpus").maxVcpus(type);
    }

    @Override
    public long freeMemory() {
        return hv("virNodeGetFreeMemory").freeMemory();
    }

    @Override
    public List<Long> cellsFreeMemory(int startCell, int maxCells) {
        return hv("virNodeGetCellsFreeMemory").cellsFreeMemory(startCell, maxCells);
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        Objects.requireNonNull(type, "type");
        checkOpen("unwrap");
        T ext = driver.unwrap(type);
        if (ext == null) {
            throw VirtException.noSupport("unwrap(" + type.getName() + ")");
        }
        return ext;
    }

    @Override
    public void close() {
        if (!closed) {
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
            }
            driver.close();
        }
    }

    // ---- domains ----

    @Override
    public List<Domain> listAllDomains(ListDomainsFlag... flags) {
        return wrap(hv("virConnectListAllDomains")
                .listAllDomains(Flags.of(ListDomainsFlag.class, flags)), this::domain);
    }

    @Override
    public List<DomainStatsRecord> allDomainStats(Set<DomainStatsGroup> groups, DomainStatsFlag... flags) {
        Objects.requireNonNull(groups, "groups");
        return records(hv("virConnectGetAllDomainStats").domainStats(List.of(), groups,
                Flags.of(DomainStatsFlag.class, flags)));
    }

    @Override
    public List<DomainStatsRecord> domainListStats(List<Domain> domains, Set<DomainStatsGroup> groups,
            DomainStatsFlag... flags) {
        Objects.requireNonNull(groups, "groups");
        // libvirt's virDomainListGetStats checks the array before asking the driver.
        if (domains == null) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NONE,
                    "doms in virDomainListGetStats must not be NULL");
        }
        if (domains.isEmpty()) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NONE,
                    "doms array in virDomainListGetStats must contain at least one domain");
        }
        List<DomainRef> refs = new ArrayList<>(domains.size());
        for (Domain d : domains) {
            if (!(d instanceof ApiDomain api) || api.connection() != this) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NONE,
                        "domains in 'doms' array must belong to a single connection");
            }
            refs.add(api.ref());
        }
        return records(hv("virDomainListGetStats").domainStats(refs, groups,
                Flags.of(DomainStatsFlag.class, flags)));
    }

    private List<DomainStatsRecord> records(List<DomainStatsEntry> entries) {
        List<DomainStatsRecord> out = new ArrayList<>(entries.size());
        for (DomainStatsEntry e : entries) {
            out.add(new DomainStatsRecord(domain(e.domain()), e.stats()));
        }
        return out;
    }

    @Override
    public Domain lookupDomainByName(String name) {
        Objects.requireNonNull(name, "name");
        return domain(hv("virDomainLookupByName").lookupDomainByName(name));
    }

    @Override
    public Domain lookupDomainByUuid(UUID uuid) {
        Objects.requireNonNull(uuid, "uuid");
        return domain(hv("virDomainLookupByUUID").lookupDomainByUuid(uuid));
    }

    @Override
    public Domain lookupDomainByUuidString(String uuid) {
        UUID parsed;
        try {
            parsed = io.jvirt.xml.Uuids.parse(uuid);
        } catch (IllegalArgumentException e) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN,
                    "uuidstr in virDomainLookupByUUIDString must be a valid UUID");
        }
        return domain(hv("virDomainLookupByUUIDString").lookupDomainByUuid(parsed));
    }

    @Override
    public Domain lookupDomainById(int id) {
        if (id < 0) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN,
                    "id in virDomainLookupByID must be greater than or equal to 0");
        }
        return domain(hv("virDomainLookupByID").lookupDomainById(id));
    }

    @Override
    public Domain defineDomain(String xml, DomainDefineFlag... flags) {
        Objects.requireNonNull(xml, "xml");
        return domain(hvWritable(flags.length == 0 ? "virDomainDefineXML" : "virDomainDefineXMLFlags")
                .defineDomain(xml, Flags.of(DomainDefineFlag.class, flags)));
    }

    @Override
    public Domain createDomain(String xml, DomainStartFlag... flags) {
        Objects.requireNonNull(xml, "xml");
        HypervisorDriver hv = hvWritable("virDomainCreateXML");
        return admission.create(this, xml,
                () -> domain(hv.createDomain(xml, Flags.of(DomainStartFlag.class, flags))));
    }

    @Override
    public void restoreDomain(Path file, DomainSaveFlag... flags) {
        Objects.requireNonNull(file, "file");
        hvWritable(flags.length == 0 ? "virDomainRestore" : "virDomainRestoreFlags").restoreDomain(file, Flags.of(DomainSaveFlag.class, flags));
    }

    @Override
    public String domainXmlFromNative(String format, String config) {
        return hvWritable("virConnectDomainXMLFromNative").domainXmlFromNative(format, config);
    }

    @Override
    public String domainXmlToNative(String format, String xml) {
        return hvWritable("virConnectDomainXMLToNative").domainXmlToNative(format, xml);
    }

    // ---- networks ----

    @Override
    public List<Network> listAllNetworks(ListNetworksFlag... flags) {
        return wrap(net("virConnectListAllNetworks")
                .listAllNetworks(Flags.of(ListNetworksFlag.class, flags)), r -> new ApiNetwork(this, r));
    }

    @Override
    public Network lookupNetworkByName(String name) {
        Objects.requireNonNull(name, "name");
        return new ApiNetwork(this, net("virNetworkLookupByName").lookupNetworkByName(name));
    }

    @Override
    public Network lookupNetworkByUuid(UUID uuid) {
        Objects.requireNonNull(uuid, "uuid");
        return new ApiNetwork(this, net("virNetworkLookupByUUID").lookupNetworkByUuid(uuid));
    }

    @Override
    public Network defineNetwork(String xml) {
        Objects.requireNonNull(xml, "xml");
        NetworkDriver n = net("virNetworkDefineXML");
        checkWritable("virNetworkDefineXML", ErrorDomain.NETWORK);
        return new ApiNetwork(this, n.defineNetwork(xml));
    }

    @Override
    public Network createNetwork(String xml) {
        Objects.requireNonNull(xml, "xml");
        NetworkDriver n = net("virNetworkCreateXML");
        checkWritable("virNetworkCreateXML", ErrorDomain.NETWORK);
        return new ApiNetwork(this, n.createNetwork(xml));
    }

    // ---- storage ----

    @Override
    public List<StoragePool> listAllStoragePools(ListStoragePoolsFlag... flags) {
        return wrap(storage("virConnectListAllStoragePools")
                .listAllStoragePools(Flags.of(ListStoragePoolsFlag.class, flags)),
                r -> new ApiStoragePool(this, r));
    }

    @Override
    public String findStoragePoolSources(String type, String sourceSpec) {
        Objects.requireNonNull(type, "type");
        StorageDriver storage = storage("virConnectFindStoragePoolSources");
        // libvirt refuses it on read-only connections: discovery may probe the host's storage.
        checkWritable("virConnectFindStoragePoolSources", ErrorDomain.STORAGE);
        return storage.findStoragePoolSources(type, sourceSpec);
    }

    @Override
    public StoragePool lookupStoragePoolByName(String name) {
        Objects.requireNonNull(name, "name");
        return new ApiStoragePool(this, storage("virStoragePoolLookupByName").lookupStoragePoolByName(name));
    }

    @Override
    public StoragePool lookupStoragePoolByUuid(UUID uuid) {
        Objects.requireNonNull(uuid, "uuid");
        return new ApiStoragePool(this, storage("virStoragePoolLookupByUUID").lookupStoragePoolByUuid(uuid));
    }

    @Override
    public StoragePool defineStoragePool(String xml) {
        Objects.requireNonNull(xml, "xml");
        StorageDriver s = storage("virStoragePoolDefineXML");
        checkWritable("virStoragePoolDefineXML", ErrorDomain.STORAGE);
        return new ApiStoragePool(this, s.defineStoragePool(xml));
    }

    @Override
    public StoragePool createStoragePool(String xml, StoragePoolCreateFlag... flags) {
        Objects.requireNonNull(xml, "xml");
        StorageDriver s = storage("virStoragePoolCreateXML");
        checkWritable("virStoragePoolCreateXML", ErrorDomain.STORAGE);
        return new ApiStoragePool(this, s.createStoragePool(xml, Flags.of(StoragePoolCreateFlag.class, flags)));
    }

    @Override
    public StorageVolume lookupStorageVolumeByPath(String path) {
        Objects.requireNonNull(path, "path");
        return new ApiStorageVolume(this, storage("virStorageVolLookupByPath").lookupVolumeByPath(path));
    }

    @Override
    public StorageVolume lookupStorageVolumeByKey(String key) {
        Objects.requireNonNull(key, "key");
        return new ApiStorageVolume(this, storage("virStorageVolLookupByKey").lookupVolumeByKey(key));
    }

    // ---- host interfaces and node devices ----

    @Override
    public List<HostInterface> listAllInterfaces(ListInterfacesFlag... flags) {
        return wrap(ifaces("virConnectListAllInterfaces")
                .listAllInterfaces(Flags.of(ListInterfacesFlag.class, flags)), r -> new ApiHostInterface(this, r));
    }

    @Override
    public HostInterface lookupInterfaceByName(String name) {
        Objects.requireNonNull(name, "name");
        return new ApiHostInterface(this, ifaces("virInterfaceLookupByName").lookupInterfaceByName(name));
    }

    @Override
    public HostInterface lookupInterfaceByMac(String mac) {
        Objects.requireNonNull(mac, "mac");
        return new ApiHostInterface(this, ifaces("virInterfaceLookupByMACString").lookupInterfaceByMac(mac));
    }

    @Override
    public List<NodeDevice> listAllNodeDevices() {
        return wrap(nodeDevs("virConnectListAllNodeDevices").listAllNodeDevices(),
                r -> new ApiNodeDevice(this, r));
    }

    @Override
    public NodeDevice lookupNodeDeviceByName(String name) {
        Objects.requireNonNull(name, "name");
        return new ApiNodeDevice(this, nodeDevs("virNodeDeviceLookupByName").lookupNodeDeviceByName(name));
    }

    // ---- events ----

    @Override
    public Subscription onDomainEvent(Consumer<DomainLifecycleEvent> listener) {
        Objects.requireNonNull(listener, "listener");
        return hv("virConnectDomainEventRegisterAny").onDomainEvent(null,
                e -> listener.accept(new DomainLifecycleEvent(domain(e.domain()), e.type(), e.detail())));
    }

    @Override
    public Subscription onDomainEvent(Domain domain, Consumer<DomainLifecycleEvent> listener) {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(listener, "listener");
        DomainRef filter = new DomainRef(domain.name(), domain.uuid());
        return hv("virConnectDomainEventRegisterAny").onDomainEvent(filter,
                e -> listener.accept(new DomainLifecycleEvent(domain(e.domain()), e.type(), e.detail())));
    }

    @Override
    public Subscription onNetworkEvent(Consumer<NetworkLifecycleEvent> listener) {
        Objects.requireNonNull(listener, "listener");
        return net("virConnectNetworkEventRegisterAny").onNetworkEvent(
                e -> listener.accept(new NetworkLifecycleEvent(new ApiNetwork(this, e.network()), e.type())));
    }

    @Override
    public Subscription onStoragePoolEvent(Consumer<StoragePoolLifecycleEvent> listener) {
        Objects.requireNonNull(listener, "listener");
        return storage("virConnectStoragePoolEventRegisterAny").onStoragePoolEvent(
                e -> listener.accept(new StoragePoolLifecycleEvent(new ApiStoragePool(this, e.pool()), e.type())));
    }

    @Override
    public String toString() {
        return "Connection[" + uri + (readOnly ? ", read-only" : "") + (closed ? ", closed" : "") + "]";
    }
}
