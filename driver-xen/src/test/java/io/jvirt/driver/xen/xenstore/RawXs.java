package io.jvirt.driver.xen.xenstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A test peer that speaks raw frames, so tests can send anything (malformed frames included)
 * and see exactly what the daemon answers. A reader thread queues incoming frames; the end of
 * the stream shows up as {@link #EOF}.
 */
final class RawXs implements AutoCloseable {
    static final XsFrame EOF = new XsFrame(-1, -1, -1, new byte[0]);
    private static final long TIMEOUT_SECONDS = 20;

    private final ByteChannel channel;
    private final BlockingQueue<XsFrame> incoming = new LinkedBlockingQueue<>();
    private final Deque<XsFrame> events = new ArrayDeque<>();
    private int nextReqId = 100;

    private RawXs(ByteChannel channel) {
        this.channel = channel;
        Thread t = new Thread(this::readLoop, "raw-xs-reader");
        t.setDaemon(true);
        t.start();
    }

    static RawXs connect(Path socket) throws IOException {
        SocketChannel sc = SocketChannel.open(StandardProtocolFamily.UNIX);
        sc.connect(UnixDomainSocketAddress.of(socket));
        return new RawXs(sc);
    }

    static RawXs over(ByteChannel channel) {
        return new RawXs(channel);
    }

    private void readLoop() {
        ByteBuffer buf = ByteBuffer.allocate(8192);
        XsWireCodec.Decoder d = new XsWireCodec.Decoder();
        try {
            while (channel.read(buf) >= 0) {
                buf.flip();
                for (XsFrame f; (f = d.next(buf)) != null;) {
                    incoming.add(f);
                }
                buf.compact();
            }
        } catch (IOException e) {
            // Treated like the end of the stream.
        }
        incoming.add(EOF);
    }

    void sendBytes(byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }

    void send(int type, int reqId, int txId, byte[] payload) throws IOException {
        ByteBuffer b = XsWireCodec.encode(type, reqId, txId, payload);
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }

    /** A header announcing {@code len} bytes, whatever follows. */
    static byte[] header(int type, int reqId, int txId, int len) {
        return ByteBuffer.allocate(16).order(XsWireCodec.ORDER).putInt(type).putInt(reqId)
                .putInt(txId).putInt(len).array();
    }

    /** The next frame of any kind, or {@link #EOF}. */
    XsFrame next() {
        try {
            XsFrame f = incoming.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(f, "no frame from xenstored within " + TIMEOUT_SECONDS + "s");
            return f;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** The next reply (not a watch event); events that come first are kept for {@link #event()}. */
    XsFrame reply() {
        for (;;) {
            XsFrame f = next();
            if (f.type() != XsMessageType.WATCH_EVENT.code) {
                return f;
            }
            events.add(f);
        }
    }

    /** The next watch event. */
    XsFrame event() {
        if (!events.isEmpty()) {
            return events.poll();
        }
        XsFrame f = next();
        assertEquals(XsMessageType.WATCH_EVENT.code, f.type(), "expected a watch event, got " + describe(f));
        return f;
    }

    /** Events received so far and not yet taken. */
    int pendingEvents() {
        return events.size() + (int) incoming.stream().filter(f -> f.type() == XsMessageType.WATCH_EVENT.code).count();
    }

    /** Sends a request and returns its reply, checking the header echoes type, req_id and tx_id. */
    XsFrame call(XsMessageType type, int txId, byte[] payload) throws IOException {
        int id = nextReqId++;
        send(type.code, id, txId, payload);
        XsFrame r = reply();
        assertEquals(id, r.reqId(), "req_id echoed");
        assertEquals(txId, r.txId(), "tx_id echoed");
        if (r.type() != XsMessageType.ERROR.code) {
            assertEquals(type.code, r.type(), "reply type: " + describe(r));
        }
        return r;
    }

    /** A request whose arguments are each NUL-terminated. */
    XsFrame call(XsMessageType type, int txId, String... args) throws IOException {
        return call(type, txId, XsPayload.join(args));
    }

    XsFrame call(XsMessageType type, String... args) throws IOException {
        return call(type, 0, args);
    }

    /** Reply payload as text, or {@code ERROR:<NAME>} for error replies (checking their form). */
    static String text(XsFrame f) {
        String s = new String(f.payload(), StandardCharsets.ISO_8859_1);
        if (f.type() == XsMessageType.ERROR.code) {
            assertEquals(0, f.payload()[f.payload().length - 1], "error names end in NUL");
            return "ERROR:" + s.substring(0, s.length() - 1);
        }
        return s;
    }

    /** Sends and returns {@link #text} of the reply. */
    String ask(XsMessageType type, int txId, String... args) throws IOException {
        return text(call(type, txId, args));
    }

    String ask(XsMessageType type, String... args) throws IOException {
        return ask(type, 0, args);
    }

    /** Waits for the daemon to close the connection, failing on any other frame. */
    void assertClosedByPeer() {
        XsFrame f = next();
        if (f != EOF) {
            fail("expected the connection to be closed, got " + describe(f));
        }
    }

    static String describe(XsFrame f) {
        return "type " + f.type() + " req " + f.reqId() + " tx " + f.txId() + " '"
                + new String(f.payload(), StandardCharsets.ISO_8859_1).replace('\0', '|') + "'";
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
