package io.jvirt.spi;

import io.jvirt.DomainDefineFlag;
import io.jvirt.DomainDestroyFlag;
import io.jvirt.DomainInfo;
import io.jvirt.DomainMetadataType;
import io.jvirt.DomainModification;
import io.jvirt.DomainCoreDumpFlag;
import io.jvirt.DomainSaveFlag;
import io.jvirt.DomainShutdownFlag;
import io.jvirt.DomainStartFlag;
import io.jvirt.DomainStateInfo;
import io.jvirt.DomainStatsFlag;
import io.jvirt.DomainStatsGroup;
import io.jvirt.DomainUndefineFlag;
import io.jvirt.DomainXmlFlag;
import io.jvirt.ErrorDomain;
import io.jvirt.ListDomainsFlag;
import io.jvirt.NodeInfo;
import io.jvirt.SecurityLabel;
import io.jvirt.SecurityModel;
import io.jvirt.Subscription;
import io.jvirt.VirtException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Domains and the host: libvirt's {@code virHypervisorDriver}. Every method defaults to
 * {@code NO_SUPPORT} naming libvirt's API; a driver overrides what it supports.
 */
public interface HypervisorDriver {
    /** libvirt's {@code virConnectGetHostname}. The host's name. */
    default String hostname() {
        throw unsupported("virConnectGetHostname");
    }

    /** libvirt's {@code virConnectGetType}. The hypervisor's name ("TEST", "QEMU"). */
    default String type() {
        throw unsupported("virConnectGetType");
    }

    /** libvirt's {@code virConnectGetVersion}. The hypervisor's version, major * 1,000,000 + minor * 1,000 + micro. */
    default long version() {
        throw unsupported("virConnectGetVersion");
    }

    /** libvirt's {@code virNodeGetInfo}. The host's processors and memory. */
    default NodeInfo nodeInfo() {
        throw unsupported("virNodeGetInfo");
    }

    /** libvirt's {@code virConnectGetCapabilities}. The capabilities XML. */
    default String capabilities() {
        throw unsupported("virConnectGetCapabilities");
    }

    /** libvirt's {@code virNodeGetSecurityModel}. The host's security model, {@link SecurityModel#NONE} if it has none. */
    default SecurityModel securityModel() {
        throw unsupported("virNodeGetSecurityModel");
    }

    /** libvirt's {@code virConnectGetSysinfo}. The SMBIOS XML. */
    default String sysinfo() {
        throw unsupported("virConnectGetSysinfo");
    }

    /** libvirt's {@code virConnectGetMaxVcpus}. The most vCPUs a guest may have. */
    default int maxVcpus(String type) {
        throw unsupported("virConnectGetMaxVcpus");
    }

    /** libvirt's {@code virNodeGetFreeMemory}. Free memory in bytes. */
    default long freeMemory() {
        throw unsupported("virNodeGetFreeMemory");
    }

    /** libvirt's {@code virNodeGetCellsFreeMemory}. Free memory per NUMA cell, bytes. */
    default List<Long> cellsFreeMemory(int startCell, int maxCells) {
        throw unsupported("virNodeGetCellsFreeMemory");
    }

    /** libvirt's {@code virConnectIsAlive}. True while the connection works. */
    default boolean isAlive() {
        throw unsupported("virConnectIsAlive");
    }

    /** libvirt's {@code virConnectListAllDomains}. Domains passing the filters. */
    default List<DomainRef> listAllDomains(Set<ListDomainsFlag> flags) {
        throw unsupported("virConnectListAllDomains");
    }

    /** libvirt's {@code virDomainLookupByName}. NO_DOMAIN when absent. */
    default DomainRef lookupDomainByName(String name) {
        throw unsupported("virDomainLookupByName");
    }

    /** libvirt's {@code virDomainLookupByUUID}. NO_DOMAIN when absent. */
    default DomainRef lookupDomainByUuid(UUID uuid) {
        throw unsupported("virDomainLookupByUUID");
    }

    /** libvirt's {@code virDomainLookupByID}. NO_DOMAIN when absent. */
    default DomainRef lookupDomainById(int id) {
        throw unsupported("virDomainLookupByID");
    }

    /** libvirt's {@code virDomainDefineXMLFlags}. Defines or redefines a persistent domain. */
    default DomainRef defineDomain(String xml, Set<DomainDefineFlag> flags) {
        throw unsupported("virDomainDefineXMLFlags");
    }

    /** libvirt's {@code virDomainCreateXML}. Creates and starts a transient domain. */
    default DomainRef createDomain(String xml, Set<DomainStartFlag> flags) {
        throw unsupported("virDomainCreateXML");
    }

    /** libvirt's {@code virDomainRestoreFlags}. Restores a saved domain. */
    default void restoreDomain(Path file, Set<DomainSaveFlag> flags) {
        throw unsupported("virDomainRestoreFlags");
    }

    /** libvirt's {@code virConnectDomainXMLFromNative}. Native config to domain XML. */
    default String domainXmlFromNative(String format, String config) {
        throw unsupported("virConnectDomainXMLFromNative");
    }

    /** libvirt's {@code virConnectDomainXMLToNative}. Domain XML to native config. */
    default String domainXmlToNative(String format, String xml) {
        throw unsupported("virConnectDomainXMLToNative");
    }

    /** libvirt's {@code virDomainGetID}. The id, -1 when inactive. */
    default int domainId(DomainRef domain) {
        throw unsupported("virDomainGetID");
    }

    /** libvirt's {@code virDomainGetInfo}. */
    default DomainInfo domainInfo(DomainRef domain) {
        throw unsupported("virDomainGetInfo");
    }

    /**
     * libvirt's {@code virConnectGetAllDomainStats} ({@code domains} empty) and
     * {@code virDomainListGetStats} (the given domains, in order; those that no longer exist
     * are skipped): the records of the domains that pass the flags' filters, each with the
     * groups {@link DomainStatsGroups#select} chooses.
     */
    default List<DomainStatsEntry> domainStats(List<DomainRef> domains, Set<DomainStatsGroup> groups,
            Set<DomainStatsFlag> flags) {
        throw unsupported(domains.isEmpty() ? "virConnectGetAllDomainStats" : "virDomainListGetStats");
    }

    /** libvirt's {@code virDomainGetState}. */
    default DomainStateInfo domainState(DomainRef domain) {
        throw unsupported("virDomainGetState");
    }

    /** libvirt's {@code virDomainGetOSType}. */
    default String domainOsType(DomainRef domain) {
        throw unsupported("virDomainGetOSType");
    }

    /** libvirt's {@code virDomainGetSecurityLabel}. */
    default SecurityLabel domainSecurityLabel(DomainRef domain) {
        throw unsupported("virDomainGetSecurityLabel");
    }

    /** libvirt's {@code virDomainGetXMLDesc}. */
    default String domainXml(DomainRef domain, Set<DomainXmlFlag> flags) {
        throw unsupported("virDomainGetXMLDesc");
    }

    /** libvirt's {@code virDomainIsActive}. */
    default boolean domainIsActive(DomainRef domain) {
        throw unsupported("virDomainIsActive");
    }

    /** libvirt's {@code virDomainIsPersistent}. */
    default boolean domainIsPersistent(DomainRef domain) {
        throw unsupported("virDomainIsPersistent");
    }

    /** libvirt's {@code virDomainIsUpdated}. */
    default boolean domainIsUpdated(DomainRef domain) {
        throw unsupported("virDomainIsUpdated");
    }

    /** libvirt's {@code virDomainCreateWithFlags}. */
    default void domainStart(DomainRef domain, Set<DomainStartFlag> flags) {
        throw unsupported("virDomainCreateWithFlags");
    }

    /** libvirt's {@code virDomainShutdownFlags}. */
    default void domainShutdown(DomainRef domain, Set<DomainShutdownFlag> flags) {
        throw unsupported("virDomainShutdownFlags");
    }

    /** libvirt's {@code virDomainReboot}. */
    default void domainReboot(DomainRef domain, Set<DomainShutdownFlag> flags) {
        throw unsupported("virDomainReboot");
    }

    /** libvirt's {@code virDomainReset}. */
    default void domainReset(DomainRef domain) {
        throw unsupported("virDomainReset");
    }

    /** libvirt's {@code virDomainDestroyFlags}. */
    default void domainDestroy(DomainRef domain, Set<DomainDestroyFlag> flags) {
        throw unsupported("virDomainDestroyFlags");
    }

    /** libvirt's {@code virDomainSuspend}. */
    default void domainSuspend(DomainRef domain) {
        throw unsupported("virDomainSuspend");
    }

    /** libvirt's {@code virDomainResume}. */
    default void domainResume(DomainRef domain) {
        throw unsupported("virDomainResume");
    }

    /** libvirt's {@code virDomainUndefineFlags}. */
    default void domainUndefine(DomainRef domain, Set<DomainUndefineFlag> flags) {
        throw unsupported("virDomainUndefineFlags");
    }

    /** libvirt's {@code virDomainSaveFlags}. */
    default void domainSave(DomainRef domain, Path file, Set<DomainSaveFlag> flags) {
        throw unsupported("virDomainSaveFlags");
    }

    /** libvirt's {@code virDomainCoreDump}: {@code file} is absolute; the API checked the exclusive flags. */
    default void domainCoreDump(DomainRef domain, Path file, Set<DomainCoreDumpFlag> flags) {
        throw VirtException.noSupport("virDomainCoreDump");
    }

    /** libvirt's {@code virDomainManagedSave}. */
    default void domainManagedSave(DomainRef domain, Set<DomainSaveFlag> flags) {
        throw unsupported("virDomainManagedSave");
    }

    /** libvirt's {@code virDomainHasManagedSaveImage}. */
    default boolean domainHasManagedSaveImage(DomainRef domain) {
        throw unsupported("virDomainHasManagedSaveImage");
    }

    /** libvirt's {@code virDomainManagedSaveRemove}. */
    default void domainManagedSaveRemove(DomainRef domain) {
        throw unsupported("virDomainManagedSaveRemove");
    }

    /** libvirt's {@code virDomainSetMemoryFlags}. */
    default void domainSetMemory(DomainRef domain, long kib, Set<DomainModification> flags) {
        throw unsupported("virDomainSetMemoryFlags");
    }

    /** libvirt's {@code virDomainSetVcpusFlags}. */
    default void domainSetVcpus(DomainRef domain, int count, Set<DomainModification> flags) {
        throw unsupported("virDomainSetVcpusFlags");
    }

    /** libvirt's {@code virDomainGetVcpusFlags}. */
    default int domainGetVcpus(DomainRef domain, Set<DomainModification> flags) {
        throw unsupported("virDomainGetVcpusFlags");
    }

    /** libvirt's {@code virDomainGetMaxVcpus}. */
    default int domainMaxVcpus(DomainRef domain) {
        throw unsupported("virDomainGetMaxVcpus");
    }

    /** libvirt's {@code virDomainGetMetadata}. */
    default String domainGetMetadata(DomainRef domain, DomainMetadataType type, String namespaceUri, Set<DomainModification> flags) {
        throw unsupported("virDomainGetMetadata");
    }

    /** libvirt's {@code virDomainSetMetadata}. */
    default void domainSetMetadata(DomainRef domain, DomainMetadataType type, String value, String key, String namespaceUri, Set<DomainModification> flags) {
        throw unsupported("virDomainSetMetadata");
    }

    /** libvirt's {@code virDomainGetAutostart}. */
    default boolean domainGetAutostart(DomainRef domain) {
        throw unsupported("virDomainGetAutostart");
    }

    /** libvirt's {@code virDomainSetAutostart}. */
    default void domainSetAutostart(DomainRef domain, boolean autostart) {
        throw unsupported("virDomainSetAutostart");
    }

    /** libvirt's {@code virDomainAttachDeviceFlags}. */
    default void domainAttachDevice(DomainRef domain, String xml, Set<DomainModification> flags) {
        throw unsupported("virDomainAttachDeviceFlags");
    }

    /** libvirt's {@code virDomainDetachDeviceFlags}. */
    default void domainDetachDevice(DomainRef domain, String xml, Set<DomainModification> flags) {
        throw unsupported("virDomainDetachDeviceFlags");
    }

    /** libvirt's {@code virConnectDomainEventRegisterAny}. Delivers lifecycle events (of {@code filter} only, unless null) until closed. */
    default Subscription onDomainEvent(DomainRef filter, Consumer<DriverDomainEvent> listener) {
        throw unsupported("virConnectDomainEventRegisterAny");
    }

    /**
     * NO_SUPPORT for a missing entry point, in the domain libvirt reports it in: not the driver's
     * but that of the file defining the public API, which finds the entry point missing
     * (libvirt-domain.c and libvirt-host.c (vir{Domain,Connect,Node}*) raise it in VIR_FROM_DOMAIN).
     */
    private static VirtException unsupported(String api) {
        return VirtException.noSupport(ErrorDomain.DOMAIN, api);
    }
}
