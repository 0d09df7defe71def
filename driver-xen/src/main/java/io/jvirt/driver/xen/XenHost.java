package io.jvirt.driver.xen;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import io.jvirt.driver.xen.xenstore.XenstoreDaemon;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * What every connection to one {@code xen:///embed?root=DIR} shares: the xenstored serving
 * DIR/run/xenstored/socket. One per root per JVM, made by the first connection and stopped by
 * the last, which removes the socket. DIR/run/xenstored.pid is locked meanwhile (and names this
 * process), so that another JVM opening the same root is refused instead of taking the socket
 * over; a socket some other program serves is refused by the daemon itself.
 */
final class XenHost {
    private static final Map<Path, XenHost> HOSTS = new HashMap<>();

    final Path root;
    final XenstoreDaemon xenstored;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private int refs;

    private XenHost(Path root, FileChannel lockChannel, FileLock lock, XenstoreDaemon xenstored) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.xenstored = xenstored;
    }

    /** Where the embedded xenstored listens: xenstored's own layout under DIR. */
    static Path socketOf(Path root) {
        return root.resolve("run/xenstored/socket");
    }

    static XenHost acquire(Path root) {
        synchronized (HOSTS) {
            XenHost host = HOSTS.get(root);
            if (host == null) {
                host = start(root);
                HOSTS.put(root, host);
            }
            host.refs++;
            return host;
        }
    }

    static void release(XenHost host) {
        synchronized (HOSTS) {
            if (--host.refs == 0) {
                HOSTS.remove(host.root);
                host.stop();
            }
        }
    }

    private static XenHost start(Path root) {
        Path pidFile = root.resolve("run/xenstored.pid");
        FileChannel channel;
        try {
            Files.createDirectories(socketOf(root).getParent());
            channel = FileChannel.open(pidFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.LIBXL,
                    "cannot set up state directory '" + root + "': " + e.getMessage(), e);
        }
        FileLock lock = tryLock(channel);
        if (lock == null) {
            String holder;
            try {
                holder = Files.readString(pidFile).strip();
            } catch (IOException e) {
                holder = "?";
            }
            closeQuietly(channel);
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.LIBXL, "state directory '"
                    + root + "' is in use by another process (pid " + holder + "); close its connections first");
        }
        XenstoreDaemon xenstored = XenstoreDaemon.builder().socket(socketOf(root)).build();
        try {
            xenstored.start();
        } catch (IOException | RuntimeException e) {
            xenstored.close();
            releaseQuietly(lock, channel);
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.LIBXL,
                    "cannot serve xenstore at '" + socketOf(root) + "': " + e.getMessage(), e);
        }
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            // the lock is what keeps others out; the pid is for people
        }
        return new XenHost(root, channel, lock, xenstored);
    }

    private static FileLock tryLock(FileChannel channel) {
        try {
            return channel.tryLock();
        } catch (IOException | java.nio.channels.OverlappingFileLockException e) {
            // overlapping: this JVM holds it already, under another spelling of the same root
            return null;
        }
    }

    boolean isAlive() {
        return xenstored.isRunning();
    }

    /** Stops the daemon (which removes its socket), then lets go of the lock. */
    private void stop() {
        xenstored.close();
        releaseQuietly(lock, lockChannel);
    }

    private static void releaseQuietly(FileLock lock, FileChannel channel) {
        try {
            lock.release();
        } catch (IOException | RuntimeException e) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // nothing left to do
        }
    }
}
