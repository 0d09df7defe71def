package io.jvirt.spi;

import io.jvirt.ListInterfacesFlag;
import io.jvirt.VirtException;
import java.util.List;
import java.util.Set;

/**
 * Host network interfaces: libvirt's {@code virInterfaceDriver}. Every method defaults to
 * {@code NO_SUPPORT} naming libvirt's API; a driver overrides what it supports.
 */
public interface InterfaceDriver {
    /** libvirt's {@code virConnectListAllInterfaces}. */
    default List<InterfaceRef> listAllInterfaces(Set<ListInterfacesFlag> flags) {
        throw VirtException.noSupport("virConnectListAllInterfaces");
    }

    /** libvirt's {@code virInterfaceLookupByName}. */
    default InterfaceRef lookupInterfaceByName(String name) {
        throw VirtException.noSupport("virInterfaceLookupByName");
    }

    /** libvirt's {@code virInterfaceLookupByMACString}. */
    default InterfaceRef lookupInterfaceByMac(String mac) {
        throw VirtException.noSupport("virInterfaceLookupByMACString");
    }

    /** libvirt's {@code virInterfaceGetXMLDesc}. */
    default String interfaceXml(InterfaceRef iface, boolean inactive) {
        throw VirtException.noSupport("virInterfaceGetXMLDesc");
    }

    /** libvirt's {@code virInterfaceIsActive}. */
    default boolean interfaceIsActive(InterfaceRef iface) {
        throw VirtException.noSupport("virInterfaceIsActive");
    }
}
