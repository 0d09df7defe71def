package io.jvirt.driver.test;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import io.jvirt.spi.NodeDeviceDriver;
import io.jvirt.spi.NodeDeviceRef;
import io.jvirt.xml.LibvirtXml;
import java.util.List;

/** The test driver's node device table (libvirt's testNodeDeviceDriver, reading side). */
final class TestNodeDevices implements NodeDeviceDriver {
    private final TestHost host;

    TestNodeDevices(TestHost host) {
        this.host = host;
    }

    @Override
    public List<NodeDeviceRef> listAllNodeDevices() {
        return host.nodeDevices.values().stream().map(d -> new NodeDeviceRef(d.name())).toList();
    }

    @Override
    public NodeDeviceRef lookupNodeDeviceByName(String name) {
        return new NodeDeviceRef(find(name).name());
    }

    private TestNodeDevice find(String name) {
        TestNodeDevice d = host.nodeDevices.get(name);
        if (d == null) {
            throw new VirtException(ErrorCode.NO_NODE_DEVICE, ErrorDomain.TEST,
                    "no node device with matching name '" + name + "'");
        }
        return d;
    }

    @Override
    public String nodeDeviceXml(NodeDeviceRef ref) {
        return LibvirtXml.format(find(ref.name()).def());
    }

    @Override
    public String nodeDeviceParent(NodeDeviceRef ref) {
        String parent = find(ref.name()).def().getParent();
        if (parent == null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.TEST, "no parent for this device");
        }
        return parent;
    }

    @Override
    public List<String> nodeDeviceCapabilities(NodeDeviceRef ref) {
        return find(ref.name()).capabilityTypes();
    }
}
