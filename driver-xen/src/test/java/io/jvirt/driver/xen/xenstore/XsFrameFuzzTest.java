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
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Arbitrary byte streams from one client of a running daemon, through its socket (privileged)
 * or as a guest through its ring (unprivileged; the input's first bit chooses): the daemon
 * answers each complete frame (the request's own type or ERROR, watch events aside) or drops
 * that connection, and afterwards it still runs, its tree is consistent, no transaction of the
 * gone client survives, and another client carries on as before.
 */
class XsFrameFuzzTest {
    private static final long DEADLINE_MS = 10_000;
    /** The domain whose ring half of the inputs use. */
    private static final int GUEST = 7;
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
        boolean guest = input.length > 0 && (input[0] & 1) == 1;
        byte[] stream = frames(input.length == 0 ? input : java.util.Arrays.copyOfRange(input, 1, input.length));
        Set<Integer> sent = typesIn(stream);
        byte[] replies = guest ? overGuestRing(stream) : overSocket(stream);

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

    /** Sends the stream over a new socket connection (a privileged client), as {@link #exchange}. */
    private static byte[] overSocket(byte[] stream) throws IOException {
        try (SocketChannel sc = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            sc.connect(UnixDomainSocketAddress.of(xs.socket));
            sc.configureBlocking(false);
            return exchange(stream, sc, sc, sc::shutdownOutput);
        }
    }

    /**
     * Sends the stream as domain {@value #GUEST} on its ring (unprivileged, relative paths under
     * its home), then has the toolstack release the domain, so that every guest input starts
     * on a fresh ring.
     */
    private static byte[] overGuestRing(byte[] stream) throws IOException {
        if (!bystander.isDomainIntroduced(GUEST)) {
            bystander.introduceDomain(GUEST, 0x1000L + GUEST, 1);
        }
        XsGuestPipe ring = xs.daemon.call(s -> s.domains.findIntroduced(GUEST).ring);
        try {
            ring.requests.sink().configureBlocking(false);
            ring.responses.source().configureBlocking(false);
            return exchange(stream, ring.requests.sink(), ring.responses.source(), ring.requests.sink()::close);
        } finally {
            ring.guestEnd().close();
            bystander.releaseDomain(GUEST);
        }
    }

    private interface Ending {
        void end() throws IOException;
    }

    /** Sends the stream, ends it, and collects what comes back until the daemon closes its end. */
    private static byte[] exchange(byte[] stream, SelectableChannel outChannel, SelectableChannel inChannel,
            Ending endOutput) throws IOException {
        WritableByteChannel out = (WritableByteChannel) outChannel;
        ReadableByteChannel in = (ReadableByteChannel) inChannel;
        ByteArrayOutputStream replies = new ByteArrayOutputStream();
        try (Selector selector = Selector.open()) {
            ByteBuffer toSend = ByteBuffer.wrap(stream);
            ByteBuffer buf = ByteBuffer.allocate(16 << 10);
            SelectionKey readKey;
            SelectionKey writeKey;
            if (outChannel == inChannel) {
                readKey = writeKey = outChannel.register(selector, SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            } else {
                readKey = inChannel.register(selector, SelectionKey.OP_READ);
                writeKey = outChannel.register(selector, SelectionKey.OP_WRITE);
            }
            long deadline = System.currentTimeMillis() + DEADLINE_MS;
            boolean outputEnded = false;
            while (true) {
                if (!outputEnded && !toSend.hasRemaining()) {
                    if (writeKey != readKey) {
                        writeKey.cancel();
                    } else {
                        writeKey.interestOps(SelectionKey.OP_READ);
                    }
                    endOutput.end();
                    outputEnded = true;
                }
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    fail("xenstored neither answered nor closed the connection");
                }
                selector.select(left);
                if (!outputEnded && writeKey.isValid() && writeKey.isWritable()) {
                    try {
                        out.write(toSend);
                    } catch (IOException dropped) {
                        toSend.position(toSend.limit()); // the daemon hung up on us: allowed
                    }
                }
                if (readKey.isValid() && readKey.isReadable()) {
                    int r;
                    try {
                        r = in.read(buf);
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
