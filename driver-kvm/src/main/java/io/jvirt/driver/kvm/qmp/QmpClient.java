package io.jvirt.driver.kvm.qmp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client of QEMU's machine protocol (QMP): one JSON object per line, commands answered by
 * replies carrying the command's {@code id}, events interleaved at any point.
 *
 * <p>A reader thread routes each line by its key, as libvirt's
 * {@code qemuMonitorJSONIOProcessLine} does: {@code return}/{@code error} complete the pending
 * command with the same id, {@code event} goes to the {@link QmpListener}, {@code QMP} is the
 * greeting. Several threads may have commands in flight at once.
 *
 * <pre>{@code
 * try (QmpClient qmp = QmpClient.connect(socket, listener, Duration.ofSeconds(5))) {
 *     JsonNode status = qmp.execute("query-status");   // {"status":"prelaunch",...}
 *     qmp.execute("cont");
 * }
 * }</pre>
 */
public final class QmpClient implements AutoCloseable {
    /** Lenient about what QEMU adds: newer QEMUs add fields, we must not choke on them. */
    static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** One line may hold query-qmp-schema (~200 KiB); more than this is a broken peer. */
    static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

    private final ReadableByteChannel in;
    private final WritableByteChannel out;
    private final Closeable transport;
    private final QmpListener listener;
    private final Duration defaultTimeout;
    private final String label;

    private final AtomicLong nextId = new AtomicLong(1);
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final CompletableFuture<JsonNode> greeting = new CompletableFuture<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean closedByUs;
    private final Object writeLock = new Object();
    private final ExecutorService events;
    private final Thread reader;

    private record Pending(String command, CompletableFuture<JsonNode> reply) {
    }

    private QmpClient(ReadableByteChannel in, WritableByteChannel out, Closeable transport,
            QmpListener listener, Duration defaultTimeout, String label) {
        this.in = in;
        this.out = out;
        this.transport = transport;
        this.listener = listener == null ? new QmpListener() { } : listener;
        this.defaultTimeout = defaultTimeout;
        this.label = label;
        this.events = Executors.newSingleThreadExecutor(r -> daemon(r, "qmp-events " + label));
        this.reader = daemon(this::readLoop, "qmp-reader " + label);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Connects to QEMU's monitor socket, reads the greeting and negotiates capabilities. Fails
     * with {@code OPERATION_FAILED} if nothing listens there, {@code OPERATION_TIMEOUT} if QEMU
     * stays silent longer than {@code timeout} (also the default timeout of later commands).
     */
    public static QmpClient connect(Path socket, QmpListener listener, Duration timeout) {
        SocketChannel channel;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                    "cannot create a unix socket: " + e.getMessage(), e);
        }
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            closeQuietly(channel);
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU,
                    "failed to connect to monitor socket '" + socket + "': " + e.getMessage(), e);
        }
        return open(channel, channel, channel, listener, timeout, socket.toString());
    }

    /** As {@link #connect} over any byte channels, e.g. the stdin/stdout of {@code -qmp stdio}. */
    public static QmpClient open(ReadableByteChannel in, WritableByteChannel out, Closeable transport,
            QmpListener listener, Duration timeout, String label) {
        QmpClient client = new QmpClient(in, out, transport, listener, timeout, label);
        client.reader.start();
        try {
            client.await(client.greeting, "qmp greeting", timeout);
            client.execute("qmp_capabilities");
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
        return client;
    }

    /** QEMU's greeting, {@code {"QMP": {"version": ..., "capabilities": [...]}}}. */
    public JsonNode greeting() {
        return greeting.getNow(null);
    }

    /** Runs a command without arguments and returns its {@code return} member. */
    public JsonNode execute(String command) {
        return execute(command, null, defaultTimeout);
    }

    /** Runs a command with arguments (null for none) and returns its {@code return} member. */
    public JsonNode execute(String command, ObjectNode arguments) {
        return execute(command, arguments, defaultTimeout);
    }

    /**
     * Runs a command and waits at most {@code timeout} for its reply. An error reply is a
     * {@link QmpException}; no reply in time is {@code OPERATION_TIMEOUT} (a late reply is then
     * dropped); a monitor that closes first is {@code OPERATION_FAILED}.
     */
    public JsonNode execute(String command, ObjectNode arguments, Duration timeout) {
        Objects.requireNonNull(command, "command");
        String id = "jvirt-" + nextId.getAndIncrement();
        ObjectNode message = JSON.createObjectNode();
        message.put("execute", command);
        if (arguments != null) {
            message.set("arguments", arguments);
        }
        message.put("id", id);
        Pending p = new Pending(command, new CompletableFuture<>());
        pending.put(id, p);
        // Checked after registering, so a close racing with us either sees this entry or we see it.
        if (closed.get()) {
            pending.remove(id);
            throw monitorClosed();
        }
        try {
            write(message);
            return await(p.reply, "QEMU command '" + command + "'", timeout);
        } finally {
            pending.remove(id);
        }
    }

    /**
     * Waits (at most {@code timeout}) until the listener has been handed every event read so far.
     * QEMU sends a command's events before its reply, so after {@link #execute} this covers them.
     */
    public void awaitEventsDelivered(Duration timeout) {
        try {
            events.submit(() -> { }).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException | ExecutionException | TimeoutException e) {
            // closed, or the listener is stuck: what was delivered is all there is
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True once the monitor is closed, by QEMU or by {@link #close()}. */
    public boolean isClosed() {
        return closed.get();
    }

    /** Closes the connection; pending commands fail, the listener is not told. QEMU keeps running. */
    @Override
    public void close() {
        closedByUs = true;
        shutdown();
        closeQuietly(transport);
        if (Thread.currentThread() != reader) {
            try {
                reader.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        events.shutdown();
    }

    private void write(ObjectNode message) {
        byte[] line;
        try {
            line = (JSON.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a tree of our own always serialises
        }
        synchronized (writeLock) {
            try {
                ByteBuffer buf = ByteBuffer.wrap(line);
                while (buf.hasRemaining()) {
                    out.write(buf);
                }
            } catch (IOException e) {
                // The reader will see the EOF too and tell the listener; this caller learns now.
                throw monitorClosed(e);
            }
        }
    }

    private JsonNode await(CompletableFuture<JsonNode> future, String what, Duration timeout) {
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new VirtException(ErrorCode.OPERATION_TIMEOUT, ErrorDomain.QEMU,
                    "no reply to " + what + " from the monitor " + label + " within "
                            + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof VirtException ve) {
                // Rethrow a copy-free original, but keep this thread's stack in the suppressed trace.
                ve.addSuppressed(new Exception("awaited here"));
                throw ve;
            }
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                    String.valueOf(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU,
                    "interrupted while waiting for " + what, e);
        }
    }

    private void readLoop() {
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            while (true) {
                buf.clear();
                int n = in.read(buf);
                if (n < 0) {
                    break; // EOF: QEMU quit or died
                }
                for (int i = 0; i < n; i++) {
                    byte b = buf.get(i);
                    if (b == '\n') {
                        dispatch(line.toString(StandardCharsets.UTF_8));
                        line.reset();
                    } else if (line.size() >= MAX_LINE_BYTES) {
                        throw new IOException("monitor line longer than " + MAX_LINE_BYTES + " bytes");
                    } else {
                        line.write(b);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // ECONNRESET (QEMU died with our command unread) means the same as EOF.
        }
        boolean byPeer = !closedByUs;
        shutdown();
        if (byPeer) {
            events.execute(listener::onMonitorClosed);
        }
        events.shutdown();
    }

    private void dispatch(String text) {
        if (text.isBlank()) {
            return;
        }
        JsonNode msg;
        try {
            msg = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return; // not JSON: nothing we can route; QEMU never sends this
        }
        if (msg.has("event")) {
            QmpEvent event = QmpEvent.fromJson(msg, text.strip());
            events.execute(() -> listener.onEvent(event));
        } else if (msg.has("return") || msg.has("error")) {
            Pending p = takePending(msg.path("id").asText(null));
            if (p == null) {
                return; // reply to a command that already timed out
            }
            if (msg.has("error")) {
                JsonNode err = msg.get("error");
                p.reply.completeExceptionally(new QmpException(p.command,
                        err.path("class").asText("GenericError"), err.path("desc").asText("")));
            } else {
                p.reply.complete(msg.get("return"));
            }
        } else if (msg.has("QMP")) {
            greeting.complete(msg);
        }
    }

    private Pending takePending(String id) {
        if (id != null) {
            return pending.remove(id);
        }
        // QEMU answers a line it could not parse without an id; it handles commands in order,
        // so the oldest pending command is the one it refers to.
        Iterator<Map.Entry<String, Pending>> it = pending.entrySet().stream()
                .sorted(Map.Entry.comparingByKey((a, b) -> Long.compare(seq(a), seq(b))))
                .iterator();
        return it.hasNext() ? pending.remove(it.next().getKey()) : null;
    }

    private static long seq(String id) {
        return Long.parseLong(id.substring(id.indexOf('-') + 1));
    }

    /** Marks the monitor closed and fails whatever is still waiting. */
    private void shutdown() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        greeting.completeExceptionally(monitorClosed());
        for (Pending p : pending.values()) {
            p.reply.completeExceptionally(monitorClosed());
        }
    }

    private VirtException monitorClosed() {
        return monitorClosed(null);
    }

    private VirtException monitorClosed(Throwable cause) {
        return new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU,
                "QEMU monitor " + label + " was closed", cause);
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing a socket that is already gone
        }
    }
}
