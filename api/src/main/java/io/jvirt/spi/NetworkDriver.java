package io.jvirt.spi;

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
        throw VirtException.noSupport("virConnectListAllNetworks");
    }

    /** libvirt's {@code virNetworkLookupByName}. */
    default NetworkRef lookupNetworkByName(String name) {
        throw VirtException.noSupport("virNetworkLookupByName");
    }

    /** libvirt's {@code virNetworkLookupByUUID}. */
    default NetworkRef lookupNetworkByUuid(UUID uuid) {
        throw VirtException.noSupport("virNetworkLookupByUUID");
    }

    /** libvirt's {@code virNetworkDefineXML}. */
    default NetworkRef defineNetwork(String xml) {
        throw VirtException.noSupport("virNetworkDefineXML");
    }

    /** libvirt's {@code virNetworkCreateXML}. */
    default NetworkRef createNetwork(String xml) {
        throw VirtException.noSupport("virNetworkCreateXML");
    }

    /** libvirt's {@code virNetworkGetXMLDesc}. */
    default String networkXml(NetworkRef network, boolean inactive) {
        throw VirtException.noSupport("virNetworkGetXMLDesc");
    }

    /** libvirt's {@code virNetworkCreate}. */
    default void networkStart(NetworkRef network) {
        throw VirtException.noSupport("virNetworkCreate");
    }

    /** libvirt's {@code virNetworkDestroy}. */
    default void networkDestroy(NetworkRef network) {
        throw VirtException.noSupport("virNetworkDestroy");
    }

    /** libvirt's {@code virNetworkUndefine}. */
    default void networkUndefine(NetworkRef network) {
        throw VirtException.noSupport("virNetworkUndefine");
    }

    /** libvirt's {@code virNetworkGetAutostart}. */
    default boolean networkGetAutostart(NetworkRef network) {
        throw VirtException.noSupport("virNetworkGetAutostart");
    }

    /** libvirt's {@code virNetworkSetAutostart}. */
    default void networkSetAutostart(NetworkRef network, boolean autostart) {
        throw VirtException.noSupport("virNetworkSetAutostart");
    }

    /** libvirt's {@code virNetworkIsActive}. */
    default boolean networkIsActive(NetworkRef network) {
        throw VirtException.noSupport("virNetworkIsActive");
    }

    /** libvirt's {@code virNetworkIsPersistent}. */
    default boolean networkIsPersistent(NetworkRef network) {
        throw VirtException.noSupport("virNetworkIsPersistent");
    }

    /** libvirt's {@code virNetworkGetBridgeName}. */
    default String networkBridgeName(NetworkRef network) {
        throw VirtException.noSupport("virNetworkGetBridgeName");
    }

    /** libvirt's {@code virConnectNetworkEventRegisterAny}. */
    default Subscription onNetworkEvent(Consumer<DriverNetworkEvent> listener) {
        throw VirtException.noSupport("virConnectNetworkEventRegisterAny");
    }
}
