package io.jvirt;

import io.jvirt.spi.NetworkDriver;
import io.jvirt.spi.NetworkRef;
import java.util.UUID;

/** A network handle over the driver's network table. */
final class ApiNetwork implements Network {
    private final ApiConnection conn;
    private final NetworkRef ref;

    ApiNetwork(ApiConnection conn, NetworkRef ref) {
        this.conn = conn;
        this.ref = ref;
    }

    private NetworkDriver write(String api) {
        NetworkDriver n = conn.net(api);
        conn.checkWritable(api, ErrorDomain.NETWORK);
        return n;
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
    public UUID uuid() {
        return ref.uuid();
    }

    @Override
    public String xml(boolean inactive) {
        return conn.net("virNetworkGetXMLDesc").networkXml(ref, inactive);
    }

    @Override
    public void start() {
        write("virNetworkCreate").networkStart(ref);
    }

    @Override
    public void destroy() {
        write("virNetworkDestroy").networkDestroy(ref);
    }

    @Override
    public void undefine() {
        write("virNetworkUndefine").networkUndefine(ref);
    }

    @Override
    public boolean autostart() {
        return conn.net("virNetworkGetAutostart").networkGetAutostart(ref);
    }

    @Override
    public void setAutostart(boolean autostart) {
        write("virNetworkSetAutostart").networkSetAutostart(ref, autostart);
    }

    @Override
    public boolean isActive() {
        return conn.net("virNetworkIsActive").networkIsActive(ref);
    }

    @Override
    public boolean isPersistent() {
        return conn.net("virNetworkIsPersistent").networkIsPersistent(ref);
    }

    @Override
    public String bridgeName() {
        return conn.net("virNetworkGetBridgeName").networkBridgeName(ref);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiNetwork other && other.conn == conn && other.ref.uuid().equals(ref.uuid());
    }

    @Override
    public int hashCode() {
        return ref.uuid().hashCode();
    }

    @Override
    public String toString() {
        return "Network[" + ref.name() + "]";
    }
}
