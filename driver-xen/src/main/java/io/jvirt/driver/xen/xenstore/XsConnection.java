package io.jvirt.driver.xen.xenstore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SelectionKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One client of the daemon: a unix-socket client (privileged, Dom0's home) or an introduced
 * domain's ring. Holds what xenstored's {@code struct connection} holds: identity, open
 * transactions, watches, and the queue of replies and events not yet written.
 */
final class XsConnection {
    /**
     * Most bytes of replies and events that may wait for a slow reader before the daemon drops
     * it. Our own safety limit (xenstored bounds guests by a memory quota, Dom0 not at all).
     */
    static final long OUTPUT_LIMIT = 16L << 20;

    /** The domid: 0 for socket clients. */
    final int id;
    /** The domain whose ring this is; null for socket clients. */
    final XsDomain domain;
    final boolean unprivileged;
    /** Where relative paths point: {@code /local/domain/<id>}. */
    final String home;
    /** SET_TARGET: the domain whose rights this one (e.g. its device model) also has. */
    Integer target;

    final Map<Integer, XsTransaction> transactions = new LinkedHashMap<>();
    int nextTransactionId;
    final List<XsWatch> watches = new ArrayList<>();

    final ReadableByteChannel in;
    final GatheringByteChannel out;
    SelectionKey readKey;
    SelectionKey writeKey;
    final XsWireCodec.Decoder decoder = new XsWireCodec.Decoder();
    /** Bytes read but not yet decoded (kept while the client's replies pile up unread). */
    final ByteBuffer input = ByteBuffer.allocate(8192);
    /** Where the daemon wants to hear that output was queued; null outside a daemon. */
    Set<XsConnection> outputPending;
    private final ArrayDeque<ByteBuffer> queue = new ArrayDeque<>();
    /** Events not yet written, by payload: xenstored drops an identical duplicate. */
    private final Map<ByteBuffer, Integer> queuedEvents = new HashMap<>();
    /** Queued event frame (by identity: a buffer's equality changes as it is written) to its key. */
    private final Map<ByteBuffer, ByteBuffer> eventKeys = new IdentityHashMap<>();
    private long queuedBytes;
    boolean closed;

    XsConnection(int id, XsDomain domain, boolean unprivileged, ReadableByteChannel in,
            GatheringByteChannel out) {
        this.id = id;
        this.domain = domain;
        this.unprivileged = unprivileged;
        this.home = XsPath.domainPath(id);
        this.in = in;
        this.out = out;
    }

    Integer targetId() {
        return target;
    }

    /** Queues the reply to {@code req}; a payload over 4096 bytes becomes E2BIG (send_reply). */
    void sendReply(XsFrame req, XsMessageType type, byte[] payload) {
        if (payload.length > XsWireCodec.PAYLOAD_MAX) {
            sendError(req, XsError.E2BIG);
            return;
        }
        enqueue(XsWireCodec.encode(type.code, req.reqId(), req.txId(), payload));
    }

    void sendError(XsFrame req, XsError error) {
        enqueue(XsWireCodec.encode(XsMessageType.ERROR.code, req.reqId(), req.txId(),
                XsPayload.join(error.name())));
    }

    /**
     * Queues a WATCH_EVENT (req_id and tx_id 0). Over-long events are not sent, and an event
     * identical to one still queued is dropped, except for the special {@code @} paths
     * (both as {@code send_event} does).
     */
    void sendEvent(String path, String token) {
        byte[] payload = XsPayload.join(path, token);
        if (payload.length > XsWireCodec.PAYLOAD_MAX || closed) {
            return;
        }
        ByteBuffer frame = XsWireCodec.encode(XsMessageType.WATCH_EVENT.code, 0, 0, payload);
        if (!path.startsWith("@")) {
            ByteBuffer key = ByteBuffer.wrap(payload);
            if (queuedEvents.containsKey(key)) {
                return;
            }
            queuedEvents.put(key, 1);
            eventKeys.put(frame, key);
        }
        enqueue(frame);
    }

    private void enqueue(ByteBuffer frame) {
        if (closed) {
            return;
        }
        queue.add(frame);
        queuedBytes += frame.remaining();
        if (outputPending != null) {
            outputPending.add(this);
        }
    }

    boolean hasOutput() {
        return !queue.isEmpty();
    }

    long queuedBytes() {
        return queuedBytes;
    }

    /** Writes what the channel takes without blocking; true when the queue is empty. */
    boolean flush() throws IOException {
        ByteBuffer[] batch = new ByteBuffer[Math.min(queue.size(), 64)];
        while (!queue.isEmpty()) {
            int n = 0;
            for (ByteBuffer b : queue) {
                if (n == batch.length) {
                    break;
                }
                batch[n++] = b;
            }
            long written = out.write(batch, 0, n);
            queuedBytes -= written;
            while (!queue.isEmpty() && !queue.peek().hasRemaining()) {
                ByteBuffer done = queue.poll();
                ByteBuffer key = eventKeys.remove(done);
                if (key != null) {
                    queuedEvents.remove(key);
                }
            }
            if (written == 0) {
                return false;
            }
        }
        return true;
    }

    /** Drops the queue and closes the channels; idempotent. */
    void closeChannels() {
        closed = true;
        queue.clear();
        queuedEvents.clear();
        eventKeys.clear();
        queuedBytes = 0;
        for (SelectionKey k : new SelectionKey[] {readKey, writeKey}) {
            if (k != null) {
                k.cancel();
            }
        }
        try {
            in.close();
        } catch (IOException ignored) {
            // Closing a channel we are abandoning: nothing to do about a failure.
        }
        try {
            out.close();
        } catch (IOException ignored) {
            // As above.
        }
    }

    @Override
    public String toString() {
        return domain == null ? "socket client" : "domain " + Integer.toUnsignedString(id);
    }
}
