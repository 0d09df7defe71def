package io.jvirt.spi;

import io.jvirt.DomainDefineFlag;
import io.jvirt.DomainDestroyFlag;
import io.jvirt.DomainInfo;
import io.jvirt.DomainMetadataType;
import io.jvirt.DomainModification;
import io.jvirt.DomainSaveFlag;
import io.jvirt.DomainShutdownFlag;
import io.jvirt.DomainStartFlag;
import io.jvirt.DomainStateInfo;
import io.jvirt.DomainStatsFlag;
import io.jvirt.DomainStatsGroup;
import io.jvirt.DomainUndefineFlag;
import io.jvirt.DomainXmlFlag;
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
        throw VirtException.noSupport("virConnectGetHostname");
    }

    /** libvirt's {@code virConnectGetType}. The hypervisor's name ("TEST", "QEMU"). */
    default String type() {
        throw VirtException.noSupport("virConnectGetType");
    }

    /** libvirt's {@code virConnectGetVersion}. The hypervisor's version, major * 1,000,000 + minor * 1,000 + micro. */
    default long version() {
        throw VirtException.noSupport("virConnectGetVersion");
    }

    /** libvirt's {@code virNodeGetInfo}. The host's processors and memory. */
    default NodeInfo nodeInfo() {
        throw VirtException.noSupport("virNodeGetInfo");
    }

    /** libvirt's {@code virConnectGetCapabilities}. The capabilities XML. */
    default String capabilities() {
        throw VirtException.noSupport("virConnectGetCapabilities");
    }

    /** libvirt's {@code virNodeGetSecurityModel}. The host's security model, {@link SecurityModel#NONE} if it has none. */
    default SecurityModel securityModel() {
        throw VirtException.noSupport("virNodeGetSecurityModel");
    }

    /** libvirt's {@code virConnectGetSysinfo}. The SMBIOS XML. */
    default String sysinfo() {
        throw VirtException.noSupport("virConnectGetSysinfo");
    }

    /** libvirt's {@code virConnectGetMaxVcpus}. The most vCPUs a guest may have. */
    default int maxVcpus(String type) {
        throw VirtException.noSupport("virConnectGetMaxVcpus");
    }

    /** libvirt's {@code virNodeGetFreeMemory}. Free memory in bytes. */
    default long freeMemory() {
        throw VirtException.noSupport("virNodeGetFreeMemory");
    }

    /** libvirt's {@code virNodeGetCellsFreeMemory}. Free memory per NUMA cell, bytes. */
    default List<Long> cellsFreeMemory(int startCell, int maxCells) {
        throw VirtException.noSupport("virNodeGetCellsFreeMemory");
    }

    /** libvirt's {@code virConnectIsAlive}. True while the connection works. */
    default boolean isAlive() {
        throw VirtException.noSupport("virConnectIsAlive");
    }

    /** libvirt's {@code virConnectListAllDomains}. Domains passing the filters. */
    default List<DomainRef> listAllDomains(Set<ListDomainsFlag> flags) {
        throw VirtException.noSupport("virConnectListAllDomains");
    }

    /** libvirt's {@code virDomainLookupByName}. NO_DOMAIN when absent. */
    default DomainRef lookupDomainByName(String name) {
        throw VirtException.noSupport("virDomainLookupByName");
    }

    /** libvirt's {@code virDomainLookupByUUID}. NO_DOMAIN when absent. */
    default DomainRef lookupDomainByUuid(UUID uuid) {
        throw VirtException.noSupport("virDomainLookupByUUID");
    }

    /** libvirt's {@code virDomainLookupByID}. NO_DOMAIN when absent. */
    default DomainRef lookupDomainById(int id) {
        throw VirtException.noSupport("virDomainLookupByID");
    }

    /** libvirt's {@code virDomainDefineXMLFlags}. Defines or redefines a persistent domain. */
    default DomainRef defineDomain(String xml, Set<DomainDefineFlag> flags) {
        throw VirtException.noSupport("virDomainDefineXMLFlags");
    }

    /** libvirt's {@code virDomainCreateXML}. Creates and starts a transient domain. */
    default DomainRef createDomain(String xml, Set<DomainStartFlag> flags) {
        throw VirtException.noSupport("virDomainCreateXML");
    }

    /** libvirt's {@code virDomainRestoreFlags}. Restores a saved domain. */
    default void restoreDomain(Path file, Set<DomainSaveFlag> flags) {
        throw VirtException.noSupport("virDomainRestoreFlags");
    }

    /** libvirt's {@code virConnectDomainXMLFromNative}. Native config to domain XML. */
    default String domainXmlFromNative(String format, String config) {
        throw VirtException.noSupport("virConnectDomainXMLFromNative");
    }

    /** libvirt's {@code virConnectDomainXMLToNative}. Domain XML to native config. */
    default String domainXmlToNative(String format, String xml) {
        throw VirtException.noSupport("virConnectDomainXMLToNative");
    }

    /** libvirt's {@code virDomainGetID}. The id, -1 when inactive. */
    default int domainId(DomainRef domain) {
        throw VirtException.noSupport("virDomainGetID");
    }

    /** libvirt's {@code virDomainGetInfo}. */
    default DomainInfo domainInfo(DomainRef domain) {
        throw VirtException.noSupport("virDomainGetInfo");
    }

    /**
     * libvirt's {@code virConnectGetAllDomainStats} ({@code domains} empty) and
     * {@code virDomainListGetStats} (the given domains, in order; those that no longer exist
     * are skipped): the records of the domains that pass the flags' filters, each with the
     * groups {@link DomainStatsGroups#select} chooses.
     */
    default List<DomainStatsEntry> domainStats(List<DomainRef> domains, Set<DomainStatsGroup> groups,
            Set<DomainStatsFlag> flags) {
        throw VirtException.noSupport(domains.isEmpty() ? "virConnectGetAllDomainStats" : "virDomainListGetStats");
    }

    /** libvirt's {@code virDomainGetState}. */
    default DomainStateInfo domainState(DomainRef domain) {
        throw VirtException.noSupport("virDomainGetState");
    }

    /** libvirt's {@code virDomainGetOSType}. */
    default String domainOsType(DomainRef domain) {
        throw VirtException.noSupport("virDomainGetOSType");
    }

    /** libvirt's {@code virDomainGetSecurityLabel}. */
    default SecurityLabel domainSecurityLabel(DomainRef domain) {
        throw VirtException.noSupport("virDomainGetSecurityLabel");
    }

    /** libvirt's {@code virDomainGetXMLDesc}. */
    default String domainXml(DomainRef domain, Set<DomainXmlFlag> flags) {
        throw VirtException.noSupport("virDomainGetXMLDesc");
    }

    /** libvirt's {@code virDomainIsActive}. */
    default boolean domainIsActive(DomainRef domain) {
        throw VirtException.noSupport("virDomainIsActive");
    }

    /** libvirt's {@code virDomainIsPersistent}. */
    default boolean domainIsPersistent(DomainRef domain) {
        throw VirtException.noSupport("virDomainIsPersistent");
    }

    /** libvirt's {@code virDomainIsUpdated}. */
    default boolean domainIsUpdated(DomainRef domain) {
        throw VirtException.noSupport("virDomainIsUpdated");
    }

    /** libvirt's {@code virDomainCreateWithFlags}. */
    default void domainStart(DomainRef domain, Set<DomainStartFlag> flags) {
        throw VirtException.noSupport("virDomainCreateWithFlags");
    }

    /** libvirt's {@code virDomainShutdownFlags}. */
    default void domainShutdown(DomainRef domain, Set<DomainShutdownFlag> flags) {
        throw VirtException.noSupport("virDomainShutdownFlags");
    }

    /** libvirt's {@code virDomainReboot}. */
    default void domainReboot(DomainRef domain, Set<DomainShutdownFlag> flags) {
        throw VirtException.noSupport("virDomainReboot");
    }

    /** libvirt's {@code virDomainReset}. */
    default void domainReset(DomainRef domain) {
        throw VirtException.noSupport("virDomainReset");
    }

    /** libvirt's {@code virDomainDestroyFlags}. */
    default void domainDestroy(DomainRef domain, Set<DomainDestroyFlag> flags) {
        throw VirtException.noSupport("virDomainDestroyFlags");
    }

    /** libvirt's {@code virDomainSuspend}. */
    default void domainSuspend(DomainRef domain) {
        throw VirtException.noSupport("virDomainSuspend");
    }

    /** libvirt's {@code virDomainResume}. */
    default void domainResume(DomainRef domain) {
        throw VirtException.noSupport("virDomainResume");
    }

    /** libvirt's {@code virDomainUndefineFlags}. */
    default void domainUndefine(DomainRef domain, Set<DomainUndefineFlag> flags) {
        throw VirtException.noSupport("virDomainUndefineFlags");
    }

    /** libvirt's {@code virDomainSaveFlags}. */
    default void domainSave(DomainRef domain, Path file, Set<DomainSaveFlag> flags) {
        throw VirtException.noSupport("virDomainSaveFlags");
    }

    /** libvirt's {@code virDomainManagedSave}. */
    default void domainManagedSave(DomainRef domain, Set<DomainSaveFlag> flags) {
        throw VirtException.noSupport("virDomainManagedSave");
    }

    /** libvirt's {@code virDomainHasManagedSaveImage}. */
    default boolean domainHasManagedSaveImage(DomainRef domain) {
        throw VirtException.noSupport("virDomainHasManagedSaveImage");
    }

    /** libvirt's {@code virDomainManagedSaveRemove}. */
    default void domainManagedSaveRemove(DomainRef domain) {
        throw VirtException.noSupport("virDomainManagedSaveRemove");
    }

    /** libvirt's {@code virDomainSetMemoryFlags}. */
    default void domainSetMemory(DomainRef domain, long kib, Set<DomainModification> flags) {
        throw VirtException.noSupport("virDomainSetMemoryFlags");
    }

    /** libvirt's {@code virDomainSetVcpusFlags}. */
    default void domainSetVcpus(DomainRef domain, int count, Set<DomainModification> flags) {
        throw VirtException.noSupport("virDomainSetVcpusFlags");
    }

    /** libvirt's {@code virDomainGetVcpusFlags}. */
    default int domainGetVcpus(DomainRef domain, Set<DomainModification> flags) {
        throw VirtException.noSupport("virDomainGetVcpusFlags");
    }

    /** libvirt's {@code virDomainGetMaxVcpus}. */
    default int domainMaxVcpus(DomainRef domain) {
        throw VirtException.noSupport("virDomainGetMaxVcpus");
    }

    /** libvirt's {@code virDomainGetMetadata}. */
    default String domainGetMetadata(DomainRef domain, DomainMetadataType type, String namespaceUri, Set<DomainModification> flags) {
        throw VirtException.noSupport("virDomainGetMetadata");
    }

    /** libvirt's {@code virDomainSetMetadata}. */
    default void domainSetMetadata(DomainRef domain, DomainMetadataType type, String value, String key, String namespaceUri, Set<DomainModification> flags) {
        throw VirtException.noSupport("virDomainSetMetadata");
    }

    /** libvirt's {@code virDomainGetAutostart}. */
    default boolean domainGetAutostart(DomainRef domain) {
        throw VirtException.noSupport("virDomainGetAutostart");
    }

    /** libvirt's {@code virDomainSetAutostart}. */
    default void domainSetAutostart(DomainRef domain, boolean autostart) {
        throw VirtException.noSupport("virDomainSetAutostart");
    }

    /** libvirt's {@code virDomainAttachDeviceFlags}. */
    default void domainAttachDevice(DomainRef domain, String xml, Set<DomainModification> flags) {
        throw VirtException.noSupport("virDomainAttachDeviceFlags");
    }

    /** libvirt's {@code virDomainDetachDeviceFlags}. */
    default void domainDetachDevice(DomainRef domain, String xml, Set<DomainModification> flags) {
        throw VirtException.noSupport("virDomainDetachDeviceFlags");
    }

    /** libvirt's {@code virConnectDomainEventRegisterAny}. Delivers lifecycle events (of {@code filter} only, unless null) until closed. */
    default Subscription onDomainEvent(DomainRef filter, Consumer<DriverDomainEvent> listener) {
        throw VirtException.noSupport("virConnectDomainEventRegisterAny");
    }
}
