package io.jvirt.driver.test;

import io.jvirt.ConnectOptions;
import io.jvirt.ConnectUri;
import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import io.jvirt.spi.Driver;
import io.jvirt.spi.DriverConnection;
import java.nio.file.Path;

/**
 * libvirt's test driver in Java: {@code test:///default} (one in-memory host shared by every
 * connection of the process, as libvirt's) and {@code test:///ABSOLUTE/PATH.xml} (a host
 * loaded from a {@code <node>} file, private to each connection).
 */
public final class TestDriver implements Driver {
    @Override
    public String name() {
        return "test";
    }

    @Override
    public boolean accepts(ConnectUri uri) {
        return "test".equals(uri.driver()) && uri.transport() == null && uri.isLocal();
    }

    @Override
    public DriverConnection open(ConnectUri uri, ConnectOptions options) {
        String path = uri.path();
        if (path.isEmpty() || path.equals("/")) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.TEST,
                    "testOpen: supply a path or use test:///default");
        }
        if (path.equals("/default")) {
            String instance = uri.param("instance").orElse("");
            return new TestConnection(SharedDefaultHost.acquire(instance),
                    () -> SharedDefaultHost.release(instance));
        }
        TestHost host = NodeFileLoader.load(Path.of(path), options.credentials());
        return new TestConnection(host, () -> { });
    }
}
