package io.jvirt.spi;

import io.jvirt.VirtException;
import java.util.List;

/**
 * Host devices: libvirt's {@code virNodeDeviceDriver}. Every method defaults to
 * {@code NO_SUPPORT} naming libvirt's API; a driver overrides what it supports.
 */
public interface NodeDeviceDriver {
    /** libvirt's {@code virConnectListAllNodeDevices}. */
    default List<NodeDeviceRef> listAllNodeDevices() {
        throw VirtException.noSupport("virConnectListAllNodeDevices");
    }

    /** libvirt's {@code virNodeDeviceLookupByName}. */
    default NodeDeviceRef lookupNodeDeviceByName(String name) {
        throw VirtException.noSupport("virNodeDeviceLookupByName");
    }

    /** libvirt's {@code virNodeDeviceGetXMLDesc}. */
    default String nodeDeviceXml(NodeDeviceRef device) {
        throw VirtException.noSupport("virNodeDeviceGetXMLDesc");
    }

    /** libvirt's {@code virNodeDeviceGetParent}. */
    default String nodeDeviceParent(NodeDeviceRef device) {
        throw VirtException.noSupport("virNodeDeviceGetParent");
    }

    /** libvirt's {@code virNodeDeviceListCaps}. */
    default List<String> nodeDeviceCapabilities(NodeDeviceRef device) {
        throw VirtException.noSupport("virNodeDeviceListCaps");
    }
}
