package io.jvirt.driver.xen.xenstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Arbitrary byte streams from one client of a running daemon, through its socket: the daemon
 * answers each complete frame (the request's own type or ERROR, watch events aside) or drops
 * that connection, and afterwards it still runs, its tree is consistent, no transaction of the
 * gone client survives, and another client carries on as before.
 */
class XsFrameFuzzTest {
    private static final long DEADLINE_MS = 10_000;
    static final AtomicLong INPUTS = new AtomicLong();
    static Path dir;
    static TestDaemon xs;
    static XenstoreClient bystander;

    @BeforeAll
    static void start() throws IOException {
        dir = Files.createTempDirectory("xs-fuzz");
        xs = new TestDaemon(dir);
        bystander = xs.client();
        bystander.write("/bystander", "0");
    }

    @AfterAll
    static void stop() throws IOException {
        System.out.println("XsFrameFuzzTest: " + INPUTS.get() + " inputs");
        xs.close();
        Files.deleteIfExists(dir);
    }

    @FuzzTest(maxExecutions = 10_000)
    void anyStreamIsAnsweredOrDropped(byte[] input) throws Exception {
        long n = INPUTS.incrementAndGet();
        byte[] stream = frames(input);
        Set<Integer> sent = typesIn(stream);
        byte[] replies = exchange(stream);

        XsWireCodec.Decoder decoder = new XsWireCodec.Decoder();
        ByteBuffer in = ByteBuffer.wrap(replies);
        for (XsFrame f; (f = decoder.next(in)) != null;) {
            boolean expected = f.type() == XsMessageType.ERROR.code || f.type() == XsMessageType.WATCH_EVENT.code
                    || sent.contains(f.type());
            assertTrue(expected, "reply of type " + f.type() + " to requests of types " + sent);
        }
        assertTrue(xs.daemon.isRunning(), "xenstored stopped");
        assertEquals(0, xs.daemon.internalErrors(), "a request failed with an exception instead of an error reply");
        xs.assertConsistent();
        bystander.write("/bystander", Long.toString(n));
        assertEquals(Long.toString(n), bystander.readString("/bystander"));
    }

    /**
     * The input read as a little script, so that most requests get past the framing and reach
     * the handlers: a byte whose low three bits are 0 starts a raw chunk of (byte >> 3) + 1
     * bytes, sent as they are (any header, any length); any other byte starts a frame with a
     * truthful length: type (next byte mod 25, which includes unknown types), transaction id
     * (next byte mod 4), payload length (next byte) and payload.
     */
    static byte[] frames(byte[] input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer in = ByteBuffer.wrap(input);
        int reqId = 0;
        while (in.hasRemaining()) {
            int lead = in.get() & 0xff;
            if ((lead & 7) == 0) {
                byte[] raw = new byte[Math.min((lead >> 3) + 1, in.remaining())];
                in.get(raw);
                out.writeBytes(raw);
                continue;
            }
            int type = in.hasRemaining() ? (in.get() & 0xff) % 25 : 0;
            int txId = in.hasRemaining() ? (in.get() & 0xff) % 4 : 0;
            int length = in.hasRemaining() ? in.get() & 0xff : 0;
            byte[] payload = new byte[Math.min(length, in.remaining())];
            in.get(payload);
            out.writeBytes(XsWireCodec.encode(type, reqId++, txId, payload).array());
        }
        return out.toByteArray();
    }

    /** The types of the frames the daemon will see in the stream, up to any oversize header. */
    private static Set<Integer> typesIn(byte[] stream) {
        Set<Integer> types = new HashSet<>();
        XsWireCodec.Decoder decoder = new XsWireCodec.Decoder();
        ByteBuffer in = ByteBuffer.wrap(stream);
        try {
            for (XsFrame f; (f = decoder.next(in)) != null;) {
                types.add(f.type());
            }
        } catch (XsWireCodec.FrameTooLongException e) {
            // the daemon drops the connection here too
        }
        return types;
    }

    /** Sends the stream, ends it, and collects what comes back until the daemon closes. */
    private static byte[] exchange(byte[] stream) throws IOException {
        ByteArrayOutputStream replies = new ByteArrayOutputStream();
        try (SocketChannel sc = SocketChannel.open(StandardProtocolFamily.UNIX);
                Selector selector = Selector.open()) {
            sc.connect(UnixDomainSocketAddress.of(xs.socket));
            sc.configureBlocking(false);
            ByteBuffer toSend = ByteBuffer.wrap(stream);
            ByteBuffer buf = ByteBuffer.allocate(16 << 10);
            SelectionKey key = sc.register(selector, SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            long deadline = System.currentTimeMillis() + DEADLINE_MS;
            boolean outputShut = false;
            while (true) {
                if (!outputShut && !toSend.hasRemaining()) {
                    sc.shutdownOutput();
                    outputShut = true;
                    key.interestOps(SelectionKey.OP_READ);
                }
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    fail("xenstored neither answered nor closed the connection");
                }
                selector.select(left);
                if (key.isWritable() && !outputShut) {
                    try {
                        sc.write(toSend);
                    } catch (IOException dropped) {
                        toSend.position(toSend.limit()); // the daemon hung up on us: allowed
                    }
                }
                if (key.isReadable()) {
                    int r;
                    try {
                        r = sc.read(buf);
                    } catch (IOException reset) {
                        r = -1;
                    }
                    if (r < 0) {
                        break;
                    }
                    replies.write(buf.array(), 0, buf.position());
                    buf.clear();
                }
                selector.selectedKeys().clear();
            }
        }
        return replies.toByteArray();
    }
}
