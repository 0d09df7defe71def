package io.jvirt;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A connection to one hypervisor, opened with {@link Virt#open}: the entry to its domains,
 * networks, storage and host facts. libvirt's {@code virConnectPtr}.
 *
 * <p>Thread-safe: share one connection between threads. Close it when done; handles obtained
 * from it ({@link Domain}, {@link Network}, ...) stop working then.
 *
 * <pre>{@code
 * try (Connection conn = Virt.open("test:///default")) {
 *     Domain web = conn.defineDomain(Files.readString(Path.of("web.xml")));
 *     web.start();
 *     System.out.println(web.state());             // running (booted)
 * }
 * }</pre>
 *
 * <p>Every method may throw {@link VirtException}. A read-only connection
 * ({@link Virt#openReadOnly}) refuses every call that changes something with
 * {@link ErrorCode#OPERATION_DENIED}; a driver that lacks a call answers
 * {@link ErrorCode#NO_SUPPORT}.
 */
public interface Connection extends AutoCloseable {

    // ---- the connection and its host ----

    /** The URI this connection was opened with. */
    ConnectUri uri();

    /** True if this connection refuses changes. */
    boolean isReadOnly();

    /** True while the connection works (false once closed). */
    boolean isAlive();

    /** The host's name. */
    String hostname();

    /** The hypervisor's name, as libvirt's {@code virConnectGetType}: "TEST", "QEMU", "Xen". */
    String hypervisorType();

    /** The hypervisor's version as major * 1,000,000 + minor * 1,000 + micro. */
    long hypervisorVersion();

    /** jvirt's own version in the same encoding (libvirt's {@code virConnectGetLibVersion}). */
    long libraryVersion();

    /** The host's processors and memory. */
    NodeInfo nodeInfo();

    /** The host's capabilities XML document ({@code <capabilities>}). */
    String capabilities();

    /**
     * The host's security model (its capabilities' first {@code <secmodel>}), without building
     * the capabilities document; {@link SecurityModel#NONE} when it has none.
     */
    SecurityModel securityModel();

    /** The host's SMBIOS description ({@code <sysinfo>} XML). */
    String sysinfo();

    /** The most vCPUs a guest of {@code type} may have; {@code type} may be null for the default. */
    int maxVcpus(String type);

    /** Free memory on the host, in bytes. */
    long freeMemory();

    /** Free memory of NUMA cells {@code startCell} .. {@code startCell + maxCells - 1}, in bytes. */
    List<Long> cellsFreeMemory(int startCell, int maxCells);

    /**
     * A driver's extension of this connection, as JDBC's {@code Wrapper.unwrap}: for example the
     * test driver's {@code TestHostControl} for fault injection. {@link ErrorCode#NO_SUPPORT}
     * when the driver offers no such extension.
     */
    <T> T unwrap(Class<T> type);

    /** Closes the connection; further calls fail with {@link ErrorCode#INVALID_CONN}. Idempotent. */
    @Override
    void close();

    // ---- domains ----

    /** The domains that pass all the given filters (none: every domain). */
    List<Domain> listAllDomains(ListDomainsFlag... flags);

    /**
     * The statistics of every domain that passes the flags' filters, libvirt's
     * {@code virConnectGetAllDomainStats}: the {@code groups} asked for (empty: every group the
     * driver supports); a group the driver lacks is left out, or with
     * {@link DomainStatsFlag#ENFORCE_STATS} fails the call with
     * {@link ErrorCode#ARGUMENT_UNSUPPORTED}.
     *
     * <pre>{@code
     * for (DomainStatsRecord r : conn.allDomainStats(Set.of(DomainStatsGroup.STATE), DomainStatsFlag.ACTIVE)) {
     *     System.out.println(r.domain().name() + " " + r.stats().get("state.state"));
     * }
     * }</pre>
     *
     * @since 0.1
     */
    List<DomainStatsRecord> allDomainStats(Set<DomainStatsGroup> groups, DomainStatsFlag... flags);

    /**
     * As {@link #allDomainStats}, for the given domains of this connection in their order
     * (libvirt's {@code virDomainListGetStats}); the flags' filters still apply.
     *
     * @since 0.1
     */
    List<DomainStatsRecord> domainListStats(List<Domain> domains, Set<DomainStatsGroup> groups,
            DomainStatsFlag... flags);

    /** The domain called {@code name}, else {@link ErrorCode#NO_DOMAIN}. */
    Domain lookupDomainByName(String name);

    /** The domain with this UUID, else {@link ErrorCode#NO_DOMAIN}. */
    Domain lookupDomainByUuid(UUID uuid);

    /** The domain with this UUID in text form, else {@link ErrorCode#NO_DOMAIN}. */
    Domain lookupDomainByUuidString(String uuid);

    /** The running domain with this id, else {@link ErrorCode#NO_DOMAIN}. */
    Domain lookupDomainById(int id);

    /** Defines (or redefines) a persistent domain from its XML; it stays shut off. */
    Domain defineDomain(String xml, DomainDefineFlag... flags);

    /** Creates and starts a transient domain from its XML (unless one is defined by that name). */
    Domain createDomain(String xml, DomainStartFlag... flags);

    /** Restores a domain from a file written by {@link Domain#save}. */
    void restoreDomain(Path file, DomainSaveFlag... flags);

    /** Converts a native configuration ({@code format} e.g. "xen-xl") to domain XML. */
    String domainXmlFromNative(String format, String config);

    /** Converts domain XML to a native configuration ({@code format} e.g. "xen-xl"). */
    String domainXmlToNative(String format, String xml);

    // ---- networks ----

    /** The networks that pass all the given filters (none: every network). */
    List<Network> listAllNetworks(ListNetworksFlag... flags);

    /** The network called {@code name}, else {@link ErrorCode#NO_NETWORK}. */
    Network lookupNetworkByName(String name);

    /** The network with this UUID, else {@link ErrorCode#NO_NETWORK}. */
    Network lookupNetworkByUuid(UUID uuid);

    /** Defines a persistent network from its XML; it stays inactive. */
    Network defineNetwork(String xml);

    /** Creates and starts a transient network from its XML. */
    Network createNetwork(String xml);

    // ---- storage ----

    /** The storage pools that pass all the given filters (none: every pool). */
    List<StoragePool> listAllStoragePools(ListStoragePoolsFlag... flags);

    /**
     * The pool sources of {@code type} ("logical", "netfs", ...) the host can find, as libvirt's
     * {@code virConnectFindStoragePoolSources}: a {@code <sources>} document. {@code sourceSpec}
     * (a {@code <source>} element, or null) narrows the search, such as the NFS server to ask.
     *
     * @since 0.1
     */
    String findStoragePoolSources(String type, String sourceSpec);

    /** The pool called {@code name}, else {@link ErrorCode#NO_STORAGE_POOL}. */
    StoragePool lookupStoragePoolByName(String name);

    /** The pool with this UUID, else {@link ErrorCode#NO_STORAGE_POOL}. */
    StoragePool lookupStoragePoolByUuid(UUID uuid);

    /** Defines a persistent storage pool from its XML; it stays inactive. */
    StoragePool defineStoragePool(String xml);

    /** Creates and starts a transient storage pool from its XML (building it with the flag). */
    StoragePool createStoragePool(String xml, StoragePoolCreateFlag... flags);

    /** The volume whose path is {@code path}, else {@link ErrorCode#NO_STORAGE_VOL}. */
    StorageVolume lookupStorageVolumeByPath(String path);

    /** The volume whose key is {@code key}, else {@link ErrorCode#NO_STORAGE_VOL}. */
    StorageVolume lookupStorageVolumeByKey(String key);

    // ---- host interfaces and node devices ----

    /** The host's network interfaces that pass the filters (none: all). */
    List<HostInterface> listAllInterfaces(ListInterfacesFlag... flags);

    /** The host interface called {@code name}, else {@link ErrorCode#NO_INTERFACE}. */
    HostInterface lookupInterfaceByName(String name);

    /** The host interface with this MAC address, else {@link ErrorCode#NO_INTERFACE}. */
    HostInterface lookupInterfaceByMac(String mac);

    /** The host's devices (PCI, USB, SCSI hosts, ...). */
    List<NodeDevice> listAllNodeDevices();

    /** The node device called {@code name}, else {@link ErrorCode#NO_NODE_DEVICE}. */
    NodeDevice lookupNodeDeviceByName(String name);

    // ---- events ----

    /**
     * Delivers every domain's lifecycle events to {@code listener} until the subscription is
     * closed. Events arrive on a jvirt thread, in order, after the call that caused them has
     * returned or while it runs; a slow listener delays only itself.
     */
    Subscription onDomainEvent(Consumer<DomainLifecycleEvent> listener);

    /** As {@link #onDomainEvent(Consumer)}, for one domain's events only. */
    Subscription onDomainEvent(Domain domain, Consumer<DomainLifecycleEvent> listener);

    /** Delivers network lifecycle events to {@code listener}. */
    Subscription onNetworkEvent(Consumer<NetworkLifecycleEvent> listener);

    /** Delivers storage pool lifecycle events to {@code listener}. */
    Subscription onStoragePoolEvent(Consumer<StoragePoolLifecycleEvent> listener);
}
