package io.jvirt;

import static org.mockito.Mockito.mock;

import io.jvirt.spi.Driver;
import io.jvirt.spi.DriverConnection;
import io.jvirt.spi.HypervisorDriver;
import io.jvirt.spi.NetworkDriver;
import io.jvirt.spi.StorageDriver;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A driver for the API layer's own tests, installed through
 * {@code src/test/resources/META-INF/services/io.jvirt.spi.Driver}. It accepts only the scheme
 * {@code tckfake}; each connection's tables are Mockito mocks, so tests can stub answers and
 * verify what reached the driver.
 */
public final class TckFakeDriver implements Driver {
    /** Every connection opened, oldest first. */
    static final List<Fake> OPENED = new CopyOnWriteArrayList<>();

    /** A driver connection whose tables are mocks (replaceable by a test). */
    static final class Fake implements DriverConnection {
        final ConnectUri uri;
        final ConnectOptions options;
        volatile HypervisorDriver hypervisor = mock(HypervisorDriver.class);
        volatile NetworkDriver networks = mock(NetworkDriver.class);
        volatile StorageDriver storage = mock(StorageDriver.class);
        final AtomicInteger closes = new AtomicInteger();

        Fake(ConnectUri uri, ConnectOptions options) {
            this.uri = uri;
            this.options = options;
        }

        @Override
        public HypervisorDriver hypervisor() {
            return hypervisor;
        }

        @Override
        public NetworkDriver networks() {
            return networks == null ? DriverConnection.super.networks() : networks;
        }

        @Override
        public StorageDriver storage() {
            return storage == null ? DriverConnection.super.storage() : storage;
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }

    /** The most recently opened connection's fake. */
    static Fake last() {
        return OPENED.get(OPENED.size() - 1);
    }

    @Override
    public String name() {
        return "tckfake";
    }

    @Override
    public boolean accepts(ConnectUri uri) {
        return "tckfake".equals(uri.driver());
    }

    @Override
    public DriverConnection open(ConnectUri uri, ConnectOptions options) {
        Fake f = new Fake(uri, options);
        OPENED.add(f);
        return f;
    }
}
