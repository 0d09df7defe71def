package io.jvirt.driver.xen.xenstore;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.IntPredicate;

/**
 * xenstored in Java: the store of a Xen host (tree, permissions, transactions, watches,
 * quotas), speaking Xen 4.17's wire protocol to privileged clients on a unix socket, as
 * {@code /var/run/xenstored/socket} does, and to introduced domains on their rings (here
 * in-process pipes: {@link #guestChannel}). Xen's own tools work against it:
 * <pre>{@code
 * try (XenstoreDaemon xenstored = XenstoreDaemon.builder().socket(Path.of("/tmp/xs/socket")).build().start()) {
 *     // XENSTORED_PATH=/tmp/xs/socket xenstore-write /vm/name demo
 *     try (XenstoreClient xs = XenstoreClient.connect(xenstored.socket())) {
 *         xs.write("/vm/name", "demo");
 *     }
 * }
 * }</pre>
 *
 * <p>Like the C daemon, it handles one request at a time on one thread, so requests from all
 * clients are applied in a single order. A client that breaks the framing (a header announcing
 * more than 4096 bytes) is disconnected; the others carry on. Replies to a client that stops
 * reading them pause the reading of its requests.
 *
 * @since 0.1
 */
public final class XenstoreDaemon implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(XenstoreDaemon.class.getName());
    /** While this many bytes of a client's output wait, its next requests wait too. */
    private static final long READ_PAUSE = 64 << 10;

    private final Path socket;
    private final XsStore store;
    private final XsRequestHandler handler;
    private final Set<XsConnection> outputPending = new LinkedHashSet<>();
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private Selector selector;
    private ServerSocketChannel server;
    private Thread thread;
    private volatile boolean running;
    /** Requests that failed with an exception of ours instead of an error reply: bugs. */
    private final AtomicLong internalErrors = new AtomicLong();

    private XenstoreDaemon(Builder b) {
        this.socket = b.socket;
        this.store = new XsStore(b.quota.copy(), b.domainExists, b.privilegedDomid, b.keepOrphans);
        this.handler = new XsRequestHandler(store, new Rings());
    }

    /** A daemon to configure; nothing runs until {@link #start()}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds the socket (replacing a stale one, mode 0600 as xenstored does) and starts serving.
     *
     * @return this
     */
    public synchronized XenstoreDaemon start() throws IOException {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        selector = Selector.open();
        if (socket != null) {
            bind();
        }
        running = true;
        thread = new Thread(this::loop, "xenstored");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    private void bind() throws IOException {
        Path parent = socket.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (Files.isRegularFile(socket) || Files.isDirectory(socket)) {
            throw new IOException(socket + " exists and is not a socket");
        }
        if (Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
            refuseLiveSocket(socket);
            Files.deleteIfExists(socket);
        }
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        try {
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the socket keeps the umask's mode.
        }
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
    }

    /**
     * A socket file that still accepts connections belongs to a running daemon, which replacing
     * it would cut off from every new client; one that refuses them was left by a dead process.
     */
    private static void refuseLiveSocket(Path socket) throws IOException {
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException stale) {
            return;
        }
        throw new IOException(socket + " is in use: another xenstored is serving it");
    }

    /** The unix socket privileged clients connect to, or null if it serves only rings. */
    public Path socket() {
        return socket;
    }

    /**
     * The guest's end of an introduced domain's ring: what a guest kernel's xenbus driver would
     * talk through. Requests on it are the domain's own (unprivileged unless it is the
     * privileged domain), with relative paths under {@code /local/domain/<domid>}.
     *
     * @throws IllegalStateException if the domain has not been introduced
     */
    public ByteChannel guestChannel(int domid) {
        return call(s -> {
            XsDomain d = s.domains.findIntroduced(domid);
            if (d == null || d.ring == null) {
                throw new IllegalStateException("domain " + Integer.toUnsignedString(domid)
                        + " has not been introduced");
            }
            return d.ring.guestEnd();
        });
    }

    /** Runs {@code fn} on the daemon's thread, between requests, and returns its result. */
    <T> T call(Function<XsStore, T> fn) {
        if (Thread.currentThread() == thread) {
            return fn.apply(store);
        }
        if (!running) {
            throw new IllegalStateException("xenstored is not running");
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        tasks.add(() -> {
            try {
                result.complete(fn.apply(store));
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        selector.wakeup();
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** How many requests hit a bug of ours (their clients were disconnected); tests expect 0. */
    long internalErrors() {
        return internalErrors.get();
    }

    /** True from {@link #start()} until the daemon stops (closed, or failed). */
    public boolean isRunning() {
        return running;
    }

    /** Stops serving, disconnects every client and removes the socket. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            t = thread;
            if (t == null || !running) {
                return;
            }
            running = false;
        }
        selector.wakeup();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        try {
            while (running) {
                selector.select();
                runTasks();
                Iterator<SelectionKey> it = selector.selectedKeys().iterator();
                while (it.hasNext()) {
                    SelectionKey k = it.next();
                    it.remove();
                    if (!k.isValid()) {
                        continue;
                    }
                    if (k.isAcceptable()) {
                        accept();
                        continue;
                    }
                    XsConnection c = (XsConnection) k.attachment();
                    if (k.isReadable()) {
                        readFrom(c);
                    }
                    if (k.isValid() && k.isWritable()) {
                        outputPending.add(c);
                    }
                }
                flushPending();
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "xenstored stopped", e);
        } finally {
            running = false;
            shutdown();
        }
    }

    private void runTasks() {
        Runnable r;
        while ((r = tasks.poll()) != null) {
            r.run();
        }
    }

    private void accept() throws IOException {
        SocketChannel sc = server.accept();
        if (sc == null) {
            return;
        }
        sc.configureBlocking(false);
        XsConnection c = new XsConnection(0, null, false, sc, sc);
        c.readKey = sc.register(selector, SelectionKey.OP_READ, c);
        c.writeKey = c.readKey;
        attach(c);
    }

    private void attach(XsConnection c) {
        c.outputPending = outputPending;
        store.connections.add(c);
    }

    private void readFrom(XsConnection c) {
        try {
            if (c.in.read(c.input) < 0) {
                handler.disconnect(c);
                return;
            }
        } catch (IOException e) {
            handler.disconnect(c);
            return;
        }
        process(c);
    }

    /** Handles the complete requests in the connection's input, unless its output backs up. */
    private void process(XsConnection c) {
        c.input.flip();
        try {
            while (!c.closed && c.queuedBytes() <= READ_PAUSE) {
                XsFrame f = c.decoder.next(c.input);
                if (f == null) {
                    break;
                }
                handler.handle(c, f);
            }
        } catch (XsWireCodec.FrameTooLongException e) {
            LOG.log(System.Logger.Level.WARNING, c + ": " + e.getMessage() + "; disconnecting it");
            handler.disconnect(c);
        } catch (RuntimeException e) {
            // A bug of ours must not take the other clients down.
            internalErrors.incrementAndGet();
            LOG.log(System.Logger.Level.ERROR, c + ": request failed; disconnecting it", e);
            handler.disconnect(c);
        } finally {
            if (!c.closed) {
                c.input.compact();
            }
        }
        updateInterest(c);
    }

    private void flushPending() {
        while (!outputPending.isEmpty()) {
            Iterator<XsConnection> it = outputPending.iterator();
            XsConnection c = it.next();
            it.remove();
            if (c.closed) {
                continue;
            }
            try {
                c.flush();
            } catch (IOException e) {
                handler.disconnect(c);
                continue;
            }
            if (c.queuedBytes() > XsConnection.OUTPUT_LIMIT) {
                LOG.log(System.Logger.Level.WARNING, c + " does not read its replies and events; "
                        + "disconnecting it");
                handler.disconnect(c);
                continue;
            }
            if (c.queuedBytes() <= READ_PAUSE && c.input.position() > 0) {
                process(c);
            } else {
                updateInterest(c);
            }
        }
    }

    private void updateInterest(XsConnection c) {
        if (c.closed) {
            return;
        }
        boolean read = c.queuedBytes() <= READ_PAUSE && c.input.hasRemaining();
        boolean write = c.hasOutput();
        if (c.readKey == c.writeKey) {
            c.readKey.interestOps((read ? SelectionKey.OP_READ : 0) | (write ? SelectionKey.OP_WRITE : 0));
        } else {
            c.readKey.interestOps(read ? SelectionKey.OP_READ : 0);
            c.writeKey.interestOps(write ? SelectionKey.OP_WRITE : 0);
        }
    }

    private void shutdown() {
        for (XsConnection c : new ArrayList<>(store.connections)) {
            c.closeChannels();
        }
        store.connections.clear();
        for (Runnable r; (r = tasks.poll()) != null;) {
            r.run();
        }
        try {
            if (server != null) {
                server.close();
                Files.deleteIfExists(socket);
            }
            selector.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "xenstored: cleaning up failed", e);
        }
    }

    /** Rings are pipes registered with this daemon's selector. */
    private final class Rings implements XsRings {
        @Override
        public XsConnection open(XsDomain d) throws IOException {
            XsGuestPipe ring = new XsGuestPipe();
            XsConnection c = new XsConnection(d.domid, d, store.domains.unprivileged(d.domid),
                    ring.requests.source(), ring.responses.sink());
            c.readKey = ring.requests.source().register(selector, SelectionKey.OP_READ, c);
            c.writeKey = ring.responses.sink().register(selector, 0, c);
            d.conn = c;
            d.ring = ring;
            attach(c);
            return c;
        }

        @Override
        public void close(XsConnection c) {
            c.closeChannels();
            store.connections.remove(c);
            outputPending.remove(c);
        }
    }

    /**
     * Settings of a daemon. Quotas default to xenstored 4.17's and bind unprivileged domains
     * only; by default every domid below {@code DOMID_FIRST_RESERVED} (0x7FF0) counts as an
     * existing domain.
     */
    public static final class Builder {
        private Path socket;
        private final XsQuota quota = new XsQuota();
        private IntPredicate domainExists = d -> Integer.compareUnsigned(d, XsDomains.DOMID_FIRST_RESERVED) < 0;
        private int privilegedDomid;
        private boolean keepOrphans;

        private Builder() {
        }

        /** Serve privileged clients on this unix socket (its directory is created if needed). */
        public Builder socket(Path path) {
            this.socket = path;
            return this;
        }

        /** {@code -E}: nodes a domain may own (default 1000). */
        public Builder nodesPerDomain(int n) {
            quota.nodesPerDomain = n;
            return this;
        }

        /** {@code -S}: bytes a stored node may take, header and permissions included (default 2048). */
        public Builder nodeSize(int n) {
            quota.nodeSize = n;
            return this;
        }

        /** {@code -W}: watches per domain (default 128). */
        public Builder watchesPerDomain(int n) {
            quota.watchesPerDomain = n;
            return this;
        }

        /** {@code -t}: open transactions per domain (default 10). */
        public Builder transactionsPerDomain(int n) {
            quota.transactionsPerDomain = n;
            return this;
        }

        /** {@code -A}: entries per permission list (default 5). */
        public Builder permissionsPerNode(int n) {
            quota.permissionsPerNode = n;
            return this;
        }

        /** {@code -M}: path length after {@code /local/domain/<domid>/}, at most 2048 (the default). */
        public Builder pathMax(int n) {
            quota.pathMax = Math.min(n, XsPath.REL_PATH_MAX);
            return this;
        }

        /** {@code -Q transaction-nodes}: nodes one transaction may touch (default 1024). */
        public Builder transactionNodes(int n) {
            quota.transactionNodes = n;
            return this;
        }

        /**
         * Which domains exist, as the hypervisor would answer: permission entries naming other
         * domains are ignored, and only existing domains can be introduced.
         */
        public Builder domainExists(IntPredicate exists) {
            this.domainExists = exists;
            return this;
        }

        /** {@code --priv-domid}: a domain besides Dom0 that is privileged. */
        public Builder privilegedDomain(int domid) {
            this.privilegedDomid = domid;
            return this;
        }

        /** {@code -K}: on release, give a domain's nodes to the privileged domain instead of removing them. */
        public Builder keepOrphans(boolean keep) {
            this.keepOrphans = keep;
            return this;
        }

        public XenstoreDaemon build() {
            return new XenstoreDaemon(this);
        }
    }
}
