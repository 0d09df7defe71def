package io.jvirt.spi;

import io.jvirt.ErrorDomain;
import io.jvirt.ListNetworksFlag;
import io.jvirt.Subscription;
import io.jvirt.VirtException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Virtual networks: libvirt's {@code virNetworkDriver}. Every method defaults to
 * {@code NO_SUPPORT} naming libvirt's API; a driver overrides what it supports.
 */
public interface NetworkDriver {
    /** libvirt's {@code virConnectListAllNetworks}. */
    default List<NetworkRef> listAllNetworks(Set<ListNetworksFlag> flags) {
        throw unsupported("virConnectListAllNetworks");
    }

    /** libvirt's {@code virNetworkLookupByName}. */
    default NetworkRef lookupNetworkByName(String name) {
        throw unsupported("virNetworkLookupByName");
    }

    /** libvirt's {@code virNetworkLookupByUUID}. */
    default NetworkRef lookupNetworkByUuid(UUID uuid) {
        throw unsupported("virNetworkLookupByUUID");
    }

    /** libvirt's {@code virNetworkDefineXML}. */
    default NetworkRef defineNetwork(String xml) {
        throw unsupported("virNetworkDefineXML");
    }

    /** libvirt's {@code virNetworkCreateXML}. */
    default NetworkRef createNetwork(String xml) {
        throw unsupported("virNetworkCreateXML");
    }

    /** libvirt's {@code virNetworkGetXMLDesc}. */
    default String networkXml(NetworkRef network, boolean inactive) {
        throw unsupported("virNetworkGetXMLDesc");
    }

    /** libvirt's {@code virNetworkCreate}. */
    default void networkStart(NetworkRef network) {
        throw unsupported("virNetworkCreate");
    }

    /** libvirt's {@code virNetworkDestroy}. */
    default void networkDestroy(NetworkRef network) {
        throw unsupported("virNetworkDestroy");
    }

    /** libvirt's {@code virNetworkUndefine}. */
    default void networkUndefine(NetworkRef network) {
        throw unsupported("virNetworkUndefine");
    }

    /** libvirt's {@code virNetworkGetAutostart}. */
    default boolean networkGetAutostart(NetworkRef network) {
        throw unsupported("virNetworkGetAutostart");
    }

    /** libvirt's {@code virNetworkSetAutostart}. */
    default void networkSetAutostart(NetworkRef network, boolean autostart) {
        throw unsupported("virNetworkSetAutostart");
    }

    /** libvirt's {@code virNetworkIsActive}. */
    default boolean networkIsActive(NetworkRef network) {
        throw unsupported("virNetworkIsActive");
    }

    /** libvirt's {@code virNetworkIsPersistent}. */
    default boolean networkIsPersistent(NetworkRef network) {
        throw unsupported("virNetworkIsPersistent");
    }

    /** libvirt's {@code virNetworkGetBridgeName}. */
    default String networkBridgeName(NetworkRef network) {
        throw unsupported("virNetworkGetBridgeName");
    }

    /** libvirt's {@code virConnectNetworkEventRegisterAny}. */
    default Subscription onNetworkEvent(Consumer<DriverNetworkEvent> listener) {
        throw unsupported("virConnectNetworkEventRegisterAny");
    }

    /**
     * NO_SUPPORT for a missing entry point, in the domain libvirt reports it in: not the driver's
     * but that of the file defining the public API, which finds the entry point missing
     * (libvirt-network.c raises it in VIR_FROM_NETWORK).
     */
    private static VirtException unsupported(String api) {
        return VirtException.noSupport(ErrorDomain.NETWORK, api);
    }
}
