package io.jvirt.driver.xen.xenstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
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
    void anyStreamIsAnsweredOrDropped(FuzzedDataProvider data) throws Exception {
        long n = INPUTS.incrementAndGet();
        byte[] stream = frames(data);
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
        xs.assertConsistent();
        bystander.write("/bystander", Long.toString(n));
        assertEquals(Long.toString(n), bystander.readString("/bystander"));
    }

    /**
     * Mostly frames with a truthful header (known and unknown types, any ids, payloads with or
     * without NULs), so that requests get past the framing; now and then raw bytes, which may
     * announce any length.
     */
    private static byte[] frames(FuzzedDataProvider data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (data.remainingBytes() > 0) {
            if (data.consumeInt(0, 7) == 0) {
                out.writeBytes(data.consumeBytes(data.consumeInt(1, 64)));
                continue;
            }
            int type = data.consumeInt(0, 24);
            int txId = data.consumeBoolean() ? 0 : data.consumeInt(0, 4);
            byte[] payload = data.consumeBytes(data.consumeInt(0, 200));
            out.writeBytes(XsWireCodec.encode(type, data.consumeInt(), txId, payload).array());
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
