package io.jvirt.driver.xen.xenstore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Framing of xenstore messages: a 16-byte header ({@code type, req_id, tx_id, len}, four
 * host-endian uint32) followed by {@code len} payload bytes, at most {@value #PAYLOAD_MAX}.
 * The same byte stream runs over the unix socket and over a guest's ring.
 */
final class XsWireCodec {
    static final int HEADER_SIZE = 16;
    /** {@code XENSTORE_PAYLOAD_MAX}: the limit in both directions. */
    static final int PAYLOAD_MAX = 4096;
    /** The header is host-endian; both ends of a unix socket or a ring share one host. */
    static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private XsWireCodec() {
    }

    /** The frame as bytes ready to write (position 0, limit at the end). */
    static ByteBuffer encode(int type, int reqId, int txId, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(HEADER_SIZE + payload.length).order(ORDER);
        b.putInt(type).putInt(reqId).putInt(txId).putInt(payload.length).put(payload);
        return b.flip();
    }

    static ByteBuffer encode(XsFrame f) {
        return encode(f.type(), f.reqId(), f.txId(), f.payload());
    }

    /** The peer announced a payload longer than the protocol allows; its stream is unusable. */
    static final class FrameTooLongException extends IOException {
        private static final long serialVersionUID = 1L;

        FrameTooLongException(long len) {
            super("frame announces a payload of " + len + " bytes (limit " + PAYLOAD_MAX + ")");
        }
    }

    /**
     * Reassembles frames from a byte stream that arrives in arbitrary pieces. Like xenstored's
     * {@code handle_input}, it checks the length as soon as the header is complete, before any
     * payload is buffered.
     */
    static final class Decoder {
        private final ByteBuffer header = ByteBuffer.allocate(HEADER_SIZE).order(ORDER);
        private byte[] payload;
        private int filled;

        /**
         * Consumes bytes from {@code src} up to the end of the next frame and returns it, or
         * returns null when {@code src} ran out first (the partial frame is kept).
         */
        XsFrame next(ByteBuffer src) throws FrameTooLongException {
            if (payload == null) {
                while (header.hasRemaining() && src.hasRemaining()) {
                    header.put(src.get());
                }
                if (header.hasRemaining()) {
                    return null;
                }
                long len = Integer.toUnsignedLong(header.getInt(12));
                if (len > PAYLOAD_MAX) {
                    throw new FrameTooLongException(len);
                }
                payload = new byte[(int) len];
                filled = 0;
            }
            int n = Math.min(src.remaining(), payload.length - filled);
            src.get(payload, filled, n);
            filled += n;
            if (filled < payload.length) {
                return null;
            }
            XsFrame f = new XsFrame(header.getInt(0), header.getInt(4), header.getInt(8), payload);
            header.clear();
            payload = null;
            return f;
        }

        /** True if part of a frame has been consumed but not yet returned. */
        boolean inFrame() {
            return header.position() > 0;
        }
    }
}
