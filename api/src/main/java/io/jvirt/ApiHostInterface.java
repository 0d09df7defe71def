package io.jvirt;

import io.jvirt.spi.InterfaceRef;

/** A host interface handle over the driver's interface table. */
final class ApiHostInterface implements HostInterface {
    private final ApiConnection conn;
    private final InterfaceRef ref;

    ApiHostInterface(ApiConnection conn, InterfaceRef ref) {
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
    public String mac() {
        return ref.mac();
    }

    @Override
    public String xml(boolean inactive) {
        return conn.ifaces("virInterfaceGetXMLDesc").interfaceXml(ref, inactive);
    }

    @Override
    public boolean isActive() {
        return conn.ifaces("virInterfaceIsActive").interfaceIsActive(ref);
    }

    @Override
    public String toString() {
        return "HostInterface[" + ref.name() + "]";
    }
}
