package io.jvirt.spi;

import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import java.util.List;

/**
 * Host devices: libvirt's {@code virNodeDeviceDriver}. Every method defaults to
 * {@code NO_SUPPORT} naming libvirt's API; a driver overrides what it supports.
 */
public interface NodeDeviceDriver {
    /** libvirt's {@code virConnectListAllNodeDevices}. */
    default List<NodeDeviceRef> listAllNodeDevices() {
        throw unsupported("virConnectListAllNodeDevices");
    }

    /** libvirt's {@code virNodeDeviceLookupByName}. */
    default NodeDeviceRef lookupNodeDeviceByName(String name) {
        throw unsupported("virNodeDeviceLookupByName");
    }

    /** libvirt's {@code virNodeDeviceGetXMLDesc}. */
    default String nodeDeviceXml(NodeDeviceRef device) {
        throw unsupported("virNodeDeviceGetXMLDesc");
    }

    /** libvirt's {@code virNodeDeviceGetParent}. */
    default String nodeDeviceParent(NodeDeviceRef device) {
        throw unsupported("virNodeDeviceGetParent");
    }

    /** libvirt's {@code virNodeDeviceListCaps}. */
    default List<String> nodeDeviceCapabilities(NodeDeviceRef device) {
        throw unsupported("virNodeDeviceListCaps");
    }

    /**
     * NO_SUPPORT for a missing entry point, in the domain libvirt reports it in: not the driver's
     * but that of the file defining the public API, which finds the entry point missing
     * (libvirt-nodedev.c raises it in VIR_FROM_NODEDEV).
     */
    private static VirtException unsupported(String api) {
        return VirtException.noSupport(ErrorDomain.NODEDEV, api);
    }
}
