package io.jvirt.driver.xen.xenstore;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ByteChannel;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A xenstore client speaking Xen's wire protocol, to our {@link XenstoreDaemon} or to the C
 * xenstored of a Xen host. Thread-safe: requests from several threads are in flight together,
 * matched to their replies by request id; watch events go to listeners on one event thread.
 * <pre>{@code
 * try (XenstoreClient xs = XenstoreClient.connect()) {          // as libxenstore finds the daemon
 *     xs.write("/local/domain/0/name", "Domain-0");
 *     int next = xs.transaction(tx -> {                        // retried on EAGAIN
 *         int n = Integer.parseInt(tx.readString("/tool/counter")) + 1;
 *         tx.write("/tool/counter", Integer.toString(n));
 *         return n;
 *     });
 *     XsWatchHandle w = xs.watch("/local/domain", (path, token) -> System.out.println(path));
 * }
 * }</pre>
 * Strings are sent as UTF-8; xenstored accepts only ASCII letters, digits and {@code -/_@} in
 * paths.
 *
 * @since 0.1
 */
public final class XenstoreClient implements XenstoreOperations, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(XenstoreClient.class.getName());
    /** libxenstore's default run directory ({@code XEN_RUN_STORED} on Debian). */
    private static final String DEFAULT_RUNDIR = "/var/run/xenstored";
    private static final int DEFAULT_ATTEMPTS = 1000;

    private final XsClientConnection conn;
    private final Map<String, XsWatchHandle> watches = new ConcurrentHashMap<>();
    private final AtomicLong nextToken = new AtomicLong();
    /** Listeners run here, in event order, so they may use the client without deadlock. */
    private final ExecutorService events;
    private volatile int maxAttempts = DEFAULT_ATTEMPTS;

    private XenstoreClient(ByteChannel channel) {
        this.events = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "xenstore-events");
            t.setDaemon(true);
            return t;
        });
        this.conn = new XsClientConnection(channel, new XsClientConnection.Listener() {
            @Override
            public void event(String path, String token) {
                XsWatchHandle h = watches.get(token);
                if (h != null) {
                    try {
                        events.execute(() -> deliver(h, path));
                    } catch (RejectedExecutionException closing) {
                        // The client is being closed: the event has nobody left to hear it.
                    }
                }
            }

            @Override
            public void closed() {
                events.shutdown();
            }
        });
    }

    /**
     * Connects as libxenstore's {@code xs_open} does: to {@code $XENSTORED_PATH} if set, else
     * {@code $XENSTORED_RUNDIR/socket} (default {@code /var/run/xenstored/socket}); if that
     * fails, to the xenbus device ({@code $XENSTORED_PATH}, {@code /dev/xen/xenbus} or
     * {@code /proc/xen/xenbus}).
     */
    public static XenstoreClient connect() throws IOException {
        String path = System.getenv("XENSTORED_PATH");
        String rundir = System.getenv("XENSTORED_RUNDIR");
        Path socket = Path.of(path != null ? path : (rundir != null ? rundir : DEFAULT_RUNDIR) + "/socket");
        try {
            return connect(socket);
        } catch (IOException first) {
            Path dev = path != null ? Path.of(path)
                    : Files.exists(Path.of("/dev/xen/xenbus")) ? Path.of("/dev/xen/xenbus") : Path.of("/proc/xen/xenbus");
            try {
                return connect(dev);
            } catch (IOException second) {
                first.addSuppressed(second);
                throw first;
            }
        }
    }

    /**
     * Connects to the unix socket at {@code path}, or opens it as a xenbus character device if
     * it is one (libxenstore's {@code get_handle} decides by {@code stat} the same way).
     */
    public static XenstoreClient connect(Path path) throws IOException {
        if (isCharacterDevice(path)) {
            return new XenstoreClient(FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE));
        }
        SocketChannel sc = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            sc.connect(UnixDomainSocketAddress.of(path));
        } catch (IOException e) {
            sc.close();
            throw e;
        }
        return new XenstoreClient(sc);
    }

    private static boolean isCharacterDevice(Path path) {
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode");
            return (mode & 0170000) == 0020000;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Talks over an already open channel, such as a guest's ring from
     * {@link XenstoreDaemon#guestChannel}. The channel must be blocking; closing the client
     * closes it.
     */
    public static XenstoreClient open(ByteChannel channel) {
        return new XenstoreClient(channel);
    }

    /** How many times {@link #transaction} tries before giving up with EAGAIN (default 1000). */
    public XenstoreClient maxTransactionAttempts(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be positive");
        }
        this.maxAttempts = attempts;
        return this;
    }

    // ---- node operations outside a transaction ----

    @Override
    public byte[] read(String path) {
        return read(0, path);
    }

    @Override
    public void write(String path, byte[] value) {
        write(0, path, value);
    }

    @Override
    public void mkdir(String path) {
        mkdir(0, path);
    }

    @Override
    public void rm(String path) {
        rm(0, path);
    }

    @Override
    public List<String> directory(String path) {
        return directory(0, path);
    }

    @Override
    public List<XsPermission> getPermissions(String path) {
        return getPermissions(0, path);
    }

    @Override
    public void setPermissions(String path, List<XsPermission> permissions) {
        setPermissions(0, path, permissions);
    }

    // ---- transactions ----

    /** Starts a transaction; prefer {@link #transaction}, which retries conflicts. */
    public XsClientTransaction beginTransaction() {
        // libxenstore sends the empty string: a payload of one NUL.
        String id = string(request(XsMessageType.TRANSACTION_START, 0, new byte[1], ""));
        return new XsClientTransaction(this, (int) Long.parseLong(id));
    }

    /**
     * Runs {@code body} in a transaction and commits it; when the commit fails with EAGAIN
     * (someone committed a conflicting change), runs it again in a fresh one, as libxl's
     * {@code retry_transaction} loops do. Other failures abort and propagate. The body must
     * not commit or abort the transaction itself, and may run more than once.
     *
     * @return the value of the body's successful run
     */
    public <T> T transaction(Function<XenstoreOperations, T> body) {
        for (int attempt = 1;; attempt++) {
            XsClientTransaction tx = beginTransaction();
            T result;
            try {
                result = body.apply(tx);
            } catch (RuntimeException | Error e) {
                try {
                    tx.abort();
                } catch (XenstoreException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
            try {
                tx.commit();
                return result;
            } catch (XenstoreException e) {
                if (e.error() != XsError.EAGAIN || attempt >= maxAttempts) {
                    throw e;
                }
            }
        }
    }

    // ---- watches ----

    /** Watches {@code path} and everything below it, with a token of the client's choosing. */
    public XsWatchHandle watch(String path, XsWatchListener listener) {
        return watch(path, "jvirt-" + nextToken.incrementAndGet(), listener);
    }

    /**
     * Watches {@code path} (or a special path: {@code @introduceDomain}, {@code @releaseDomain})
     * and everything below it. The listener hears once at once, then of every change.
     *
     * @throws IllegalArgumentException if this client already has a watch with this token
     */
    public XsWatchHandle watch(String path, String token, XsWatchListener listener) {
        XsWatchHandle h = new XsWatchHandle(this, path, token, listener);
        if (watches.putIfAbsent(token, h) != null) {
            throw new IllegalArgumentException("token already in use: " + token);
        }
        try {
            request(XsMessageType.WATCH, 0, join(path, token), path);
        } catch (RuntimeException e) {
            h.markClosed();
            watches.remove(token, h);
            throw e;
        }
        return h;
    }

    void unwatch(XsWatchHandle h) {
        watches.remove(h.token(), h);
        if (conn.isBroken()) {
            return;
        }
        try {
            request(XsMessageType.UNWATCH, 0, join(h.path(), h.token()), h.path());
        } catch (XenstoreException e) {
            if (e.error() != XsError.ENOENT) {
                throw e;
            }
        }
    }

    /** RESET_WATCHES: drops all of this connection's watches and open transactions. */
    public void resetWatches() {
        request(XsMessageType.RESET_WATCHES, 0, new byte[1], "");
        for (XsWatchHandle h : watches.values()) {
            h.markClosed();
        }
        watches.clear();
    }

    // ---- domains (privileged) ----

    /** GET_DOMAIN_PATH: {@code /local/domain/<domid>}. */
    public String getDomainPath(int domid) {
        return string(request(XsMessageType.GET_DOMAIN_PATH, 0, join(Integer.toUnsignedString(domid)), ""));
    }

    /** INTRODUCE: tells the daemon a new domain's ring (by frame number) and event channel. */
    public void introduceDomain(int domid, long gfn, int eventChannel) {
        request(XsMessageType.INTRODUCE, 0, join(Integer.toUnsignedString(domid),
                Long.toUnsignedString(gfn), Integer.toUnsignedString(eventChannel)), "");
    }

    /** RELEASE: the domain is gone; its watches go, and its nodes with them. */
    public void releaseDomain(int domid) {
        request(XsMessageType.RELEASE, 0, join(Integer.toUnsignedString(domid)), "");
    }

    /** RESUME: clears the domain's shut-down mark (after a suspend was cancelled). */
    public void resumeDomain(int domid) {
        request(XsMessageType.RESUME, 0, join(Integer.toUnsignedString(domid)), "");
    }

    public boolean isDomainIntroduced(int domid) {
        return "T".equals(string(request(XsMessageType.IS_DOMAIN_INTRODUCED, 0,
                join(Integer.toUnsignedString(domid)), "")));
    }

    /** SET_TARGET: {@code domid} (a device model) gets the rights of {@code target}. */
    public void setTarget(int domid, int target) {
        request(XsMessageType.SET_TARGET, 0, join(Integer.toUnsignedString(domid),
                Integer.toUnsignedString(target)), "");
    }

    /** CONTROL: a daemon command (e.g. {@code quota}); returns its text reply. */
    public String control(String... args) {
        return string(request(XsMessageType.CONTROL, 0, join(args), String.join(" ", args)));
    }

    // ---- the operations, for any transaction id ----

    byte[] read(int tx, String path) {
        return request(XsMessageType.READ, tx, join(path), path);
    }

    void write(int tx, String path, byte[] value) {
        byte[] p = utf8(path);
        byte[] payload = Arrays.copyOf(p, p.length + 1 + value.length);
        System.arraycopy(value, 0, payload, p.length + 1, value.length);
        request(XsMessageType.WRITE, tx, payload, path);
    }

    void mkdir(int tx, String path) {
        request(XsMessageType.MKDIR, tx, join(path), path);
    }

    void rm(int tx, String path) {
        request(XsMessageType.RM, tx, join(path), path);
    }

    /** DIRECTORY, falling back to DIRECTORY_PART when the list exceeds a reply (E2BIG). */
    List<String> directory(int tx, String path) {
        try {
            return strings(request(XsMessageType.DIRECTORY, tx, join(path), path));
        } catch (XenstoreException e) {
            if (e.error() != XsError.E2BIG) {
                throw e;
            }
        }
        return directoryInParts(tx, path);
    }

    /** As libxenstore's {@code xs_directory_part}: restart if the generation moves on. */
    private List<String> directoryInParts(int tx, String path) {
        restart:
        for (;;) {
            List<String> out = new ArrayList<>();
            String generation = null;
            int offset = 0;
            for (;;) {
                byte[] r = request(XsMessageType.DIRECTORY_PART, tx, join(path, Integer.toString(offset)), path);
                List<String> parts = strings(r);
                if (parts.isEmpty()) {
                    throw new XenstoreException(XsError.EIO, "malformed DIRECTORY_PART reply for " + path);
                }
                if (generation == null) {
                    generation = parts.get(0);
                } else if (!generation.equals(parts.get(0))) {
                    continue restart;
                }
                int genLength = utf8(parts.get(0)).length + 1;
                offset += r.length - genLength;
                for (String child : parts.subList(1, parts.size())) {
                    if (child.isEmpty()) {
                        return out;
                    }
                    out.add(child);
                }
                if (r.length == genLength) {
                    return out;
                }
            }
        }
    }

    List<XsPermission> getPermissions(int tx, String path) {
        List<XsPermission> out = new ArrayList<>();
        for (String s : strings(request(XsMessageType.GET_PERMS, tx, join(path), path))) {
            try {
                out.add(XsPermission.parse(s));
            } catch (IllegalArgumentException e) {
                throw new XenstoreException(XsError.EIO, "malformed permission '" + s + "' of " + path);
            }
        }
        return out;
    }

    void setPermissions(int tx, String path, List<XsPermission> permissions) {
        if (permissions.isEmpty()) {
            throw new IllegalArgumentException("a permission list needs at least the owner");
        }
        List<String> parts = new ArrayList<>();
        parts.add(path);
        for (XsPermission p : permissions) {
            parts.add(p.toString());
        }
        request(XsMessageType.SET_PERMS, tx, join(parts.toArray(new String[0])), path);
    }

    void endTransaction(int tx, boolean commit) {
        request(XsMessageType.TRANSACTION_END, tx, join(commit ? "T" : "F"), "");
    }

    private byte[] request(XsMessageType type, int tx, byte[] payload, String what) {
        return conn.request(type, tx, payload, what);
    }

    private static void deliver(XsWatchHandle h, String path) {
        try {
            h.deliver(path);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "xenstore watch listener failed", e);
        }
    }

    /** Closes the connection; requests in flight fail with EIO, watches stop. */
    @Override
    public void close() {
        conn.close();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] join(String... parts) {
        int n = 0;
        byte[][] b = new byte[parts.length][];
        for (int i = 0; i < parts.length; i++) {
            b[i] = utf8(parts[i]);
            n += b[i].length + 1;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] x : b) {
            System.arraycopy(x, 0, out, at, x.length);
            at += x.length + 1;
        }
        return out;
    }

    private static List<String> strings(byte[] p) {
        return XsClientConnection.strings(p);
    }

    /** A reply holding one string, with or without its NUL. */
    private static String string(byte[] p) {
        int n = p.length > 0 && p[p.length - 1] == 0 ? p.length - 1 : p.length;
        return new String(p, 0, n, StandardCharsets.UTF_8);
    }
}
