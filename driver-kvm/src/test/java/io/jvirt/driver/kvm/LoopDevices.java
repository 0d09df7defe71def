package io.jvirt.driver.kvm;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A few real block devices for fixtures whose disks are {@code type='block'}: loop devices
 * (losetup, root only) over small sparse files, lent to one fixture at a time because QEMU
 * locks what it opens for writing. Detached on close.
 */
final class LoopDevices implements AutoCloseable {
    private final List<Path> all = new ArrayList<>();
    private final Deque<Path> free = new ArrayDeque<>();
    private final Semaphore available = new Semaphore(0, true);

    private LoopDevices() {
    }

    /** {@code count} loop devices over files in {@code dir}, or empty (with why) when losetup can't. */
    static Optional<LoopDevices> attach(Path dir, int count, StringBuilder why) throws InterruptedException {
        LoopDevices loops = new LoopDevices();
        try {
            for (int i = 0; i < count; i++) {
                Path backing = dir.resolve("loop-" + i + ".img");
                try (RandomAccessFile f = new RandomAccessFile(backing.toFile(), "rw")) {
                    f.setLength(1 << 20);
                }
                Process p = new ProcessBuilder("losetup", "--find", "--show", backing.toString())
                        .redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes()).strip();
                if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    why.append("losetup --find --show: ").append(out);
                    loops.close();
                    return Optional.empty();
                }
                loops.all.add(Path.of(out));
                loops.free.add(Path.of(out));
            }
        } catch (IOException e) {
            why.append(e);
            loops.close();
            return Optional.empty();
        }
        loops.available.release(count);
        // Loop devices outlive the JVM: detach them even if the test run is cut short.
        Runtime.getRuntime().addShutdownHook(new Thread(loops::detach));
        return Optional.of(loops);
    }

    int size() {
        return all.size();
    }

    /** Takes {@code n} devices at once (never some of them, so two borrowers cannot deadlock). */
    List<Path> take(int n) throws InterruptedException {
        available.acquire(n);
        synchronized (free) {
            List<Path> taken = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                taken.add(free.pop());
            }
            return taken;
        }
    }

    void give(List<Path> devices) {
        synchronized (free) {
            free.addAll(devices);
        }
        available.release(devices.size());
    }

    @Override
    public void close() {
        detach();
    }

    /** Detaches every device once; a second call finds none left. */
    private synchronized void detach() {
        for (Path dev : all) {
            try {
                new ProcessBuilder("losetup", "--detach", dev.toString()).inheritIO().start()
                        .waitFor(30, TimeUnit.SECONDS);
            } catch (IOException e) {
                System.err.println("could not detach " + dev + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        all.clear();
    }
}
