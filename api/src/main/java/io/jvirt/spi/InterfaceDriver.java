package io.jvirt.spi;

import io.jvirt.ErrorDomain;
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
        throw unsupported("virConnectListAllInterfaces");
    }

    /** libvirt's {@code virInterfaceLookupByName}. */
    default InterfaceRef lookupInterfaceByName(String name) {
        throw unsupported("virInterfaceLookupByName");
    }

    /** libvirt's {@code virInterfaceLookupByMACString}. */
    default InterfaceRef lookupInterfaceByMac(String mac) {
        throw unsupported("virInterfaceLookupByMACString");
    }

    /** libvirt's {@code virInterfaceGetXMLDesc}. */
    default String interfaceXml(InterfaceRef iface, boolean inactive) {
        throw unsupported("virInterfaceGetXMLDesc");
    }

    /** libvirt's {@code virInterfaceIsActive}. */
    default boolean interfaceIsActive(InterfaceRef iface) {
        throw unsupported("virInterfaceIsActive");
    }

    /**
     * NO_SUPPORT for a missing entry point, in the domain libvirt reports it in: not the driver's
     * but that of the file defining the public API, which finds the entry point missing
     * (libvirt-interface.c raises it in VIR_FROM_INTERFACE).
     */
    private static VirtException unsupported(String api) {
        return VirtException.noSupport(ErrorDomain.INTERFACE, api);
    }
}
