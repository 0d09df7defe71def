package io.jvirt;

import io.jvirt.spi.NodeDeviceRef;
import java.util.List;

/** A node device handle over the driver's node device table. */
final class ApiNodeDevice implements NodeDevice {
    private final ApiConnection conn;
    private final NodeDeviceRef ref;

    ApiNodeDevice(ApiConnection conn, NodeDeviceRef ref) {
        this.conn = conn;
        this.ref = ref;
    }

    @Override
    public Connection connection() {
        return conn;
    }

    @Override
    public String name() {
        return ref.name();
    }

    @Override
    public String parent() {
        return conn.nodeDevs("virNodeDeviceGetParent").nodeDeviceParent(ref);
    }

    @Override
    public List<String> capabilities() {
        return conn.nodeDevs("virNodeDeviceListCaps").nodeDeviceCapabilities(ref);
    }

    @Override
    public String xml() {
        return conn.nodeDevs("virNodeDeviceGetXMLDesc").nodeDeviceXml(ref);
    }

    @Override
    public String toString() {
        return "NodeDevice[" + ref.name() + "]";
    }
}
