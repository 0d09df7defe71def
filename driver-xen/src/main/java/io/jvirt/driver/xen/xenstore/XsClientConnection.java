package io.jvirt.driver.xen.xenstore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client side of one connection: sends requests from any thread, matches replies to them
 * by request id (several may be in flight), and hands watch events to a listener. A reader
 * thread owns the incoming stream. Once the connection breaks, every request fails with EIO.
 */
final class XsClientConnection {
    /** Where watch events and the end of the connection are reported (on the reader thread). */
    interface Listener {
        void event(String path, String token);

        void closed();
    }

    private record Pending(XsMessageType type, CompletableFuture<XsFrame> reply) {
    }

    private final ByteChannel channel;
    private final Listener listener;
    private final Object writeLock = new Object();
    private final Map<Integer, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicInteger nextRequestId = new AtomicInteger();
    private final Thread reader;
    private volatile XenstoreException broken;

    XsClientConnection(ByteChannel channel, Listener listener) {
        this.channel = channel;
        this.listener = listener;
        this.reader = new Thread(this::readLoop, "xenstore-reader");
        reader.setDaemon(true);
        reader.start();
    }

    boolean isBroken() {
        return broken != null;
    }

    /**
     * Sends a request and waits for its reply's payload.
     *
     * @param what names the request in error messages (usually the path)
     * @throws XenstoreException with the daemon's error, E2BIG for a request over 4096 bytes
     *                           (not sent, as libxenstore refuses it), EIO if the connection broke
     */
    byte[] request(XsMessageType type, int tx, byte[] payload, String what) {
        if (payload.length > XsWireCodec.PAYLOAD_MAX) {
            throw new XenstoreException(XsError.E2BIG, type + " " + what + ": request of "
                    + payload.length + " bytes exceeds " + XsWireCodec.PAYLOAD_MAX);
        }
        checkOpen();
        Pending p = new Pending(type, new CompletableFuture<>());
        int id;
        do {
            id = nextRequestId.getAndIncrement();
        } while (pending.putIfAbsent(id, p) != null);
        // fail() sets broken before draining: either it drains this entry or we see it here.
        if (broken != null) {
            pending.remove(id);
            checkOpen();
        }
        ByteBuffer frame = XsWireCodec.encode(type.code, id, tx, payload);
        try {
            synchronized (writeLock) {
                while (frame.hasRemaining()) {
                    channel.write(frame);
                }
            }
        } catch (IOException e) {
            pending.remove(id);
            fail(new XenstoreException(XsError.EIO, "connection to xenstored lost", e));
            checkOpen();
        }
        XsFrame reply;
        try {
            reply = p.reply().get();
        } catch (InterruptedException e) {
            // The reply will still come; the reader completes the abandoned future.
            Thread.currentThread().interrupt();
            throw new XenstoreException(XsError.EIO, type + " " + what + ": interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof XenstoreException x) {
                throw new XenstoreException(x.error(), type + " " + what + ": " + x.getMessage(), x);
            }
            throw new XenstoreException(XsError.EIO, type + " " + what, e.getCause());
        }
        if (reply.type() == XsMessageType.ERROR.code) {
            List<String> s = strings(reply.payload());
            throw new XenstoreException(XsError.fromWire(s.isEmpty() ? "" : s.get(0)), type + " " + what);
        }
        return reply.payload();
    }

    private void checkOpen() {
        XenstoreException b = broken;
        if (b != null) {
            throw new XenstoreException(b.error(), b.getMessage(), b);
        }
    }

    private void readLoop() {
        ByteBuffer buf = ByteBuffer.allocate(8192);
        XsWireCodec.Decoder decoder = new XsWireCodec.Decoder();
        try {
            for (;;) {
                if (channel.read(buf) < 0) {
                    throw new IOException("xenstored closed the connection");
                }
                buf.flip();
                for (XsFrame f; (f = decoder.next(buf)) != null;) {
                    dispatch(f);
                }
                buf.compact();
            }
        } catch (IOException | XenstoreException e) {
            fail(e instanceof XenstoreException x ? x
                    : new XenstoreException(XsError.EIO, "connection to xenstored lost: " + e.getMessage(), e));
        }
    }

    private void dispatch(XsFrame f) {
        if (f.type() == XsMessageType.WATCH_EVENT.code) {
            List<String> s = strings(f.payload());
            if (s.size() >= 2) {
                listener.event(s.get(0), s.get(1));
            }
            return;
        }
        Pending p = pending.remove(f.reqId());
        if (p == null || (f.type() != XsMessageType.ERROR.code && f.type() != p.type().code)) {
            // As libxenstore: a reply we did not ask for means the stream is out of step.
            throw new XenstoreException(XsError.EIO, "unexpected message of type " + f.type()
                    + " (request id " + Integer.toUnsignedString(f.reqId()) + ") from xenstored");
        }
        p.reply().complete(f);
    }

    private void fail(XenstoreException cause) {
        synchronized (this) {
            if (broken != null) {
                return;
            }
            broken = cause;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // Already broken; nothing more to lose.
        }
        for (Integer id : pending.keySet()) {
            Pending p = pending.remove(id);
            if (p != null) {
                p.reply().completeExceptionally(cause);
            }
        }
        listener.closed();
    }

    /** Closes the channel and waits for the reader to finish; requests in flight fail with EIO. */
    void close() {
        fail(new XenstoreException(XsError.EIO, "client closed"));
        if (Thread.currentThread() != reader) {
            try {
                reader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The NUL-terminated strings of a payload, as UTF-8. */
    static List<String> strings(byte[] p) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] == 0) {
                out.add(new String(p, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return out;
    }
}
