package io.jvirt.driver.xen.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The floor: the same operations on a ConcurrentHashMap in this process, with no protocol,
 * no socket, no permissions and no snapshots. Watches are called on the writer's thread.
 */
final class MapStore implements BenchStore {
    private record Watch(String path, Runnable onEvent) {
    }

    private final Map<String, byte[]> nodes = new ConcurrentHashMap<>();
    private final List<Watch> watches = new CopyOnWriteArrayList<>();
    private final Object transactions = new Object();

    @Override
    public byte[] read(String path) {
        byte[] v = nodes.get(path);
        if (v == null) {
            throw new IllegalStateException("ENOENT " + path);
        }
        return v;
    }

    @Override
    public void write(String path, byte[] value) {
        nodes.put(path, value);
        for (Watch w : watches) {
            if (path.startsWith(w.path()) && (path.length() == w.path().length() || path.charAt(w.path().length()) == '/')) {
                w.onEvent().run();
            }
        }
    }

    @Override
    public void writeFive(String[] paths, byte[] value) {
        synchronized (transactions) {
            for (String p : paths) {
                write(p, value);
            }
        }
    }

    @Override
    public void watch(String path, Runnable onEvent) {
        watches.add(new Watch(path, onEvent));
    }

    @Override
    public void close() {
    }
}
