package io.jvirt.driver.xen.bench;

import io.jvirt.driver.xen.xenstore.XenstoreClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** One client of the daemon over its unix socket: what every toolstack call pays. */
final class SocketStore implements BenchStore {
    private final XenstoreClient client;

    SocketStore(Path socket) {
        try {
            client = XenstoreClient.connect(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public byte[] read(String path) {
        return client.read(path);
    }

    @Override
    public void write(String path, byte[] value) {
        client.write(path, value);
    }

    @Override
    public void writeFive(String[] paths, byte[] value) {
        client.transaction(tx -> {
            for (String p : paths) {
                tx.write(p, value);
            }
            return null;
        });
    }

    @Override
    public void watch(String path, Runnable onEvent) {
        client.watch(path, (p, token) -> onEvent.run());
    }

    @Override
    public void close() {
        client.close();
    }
}
