package io.jvirt.driver.xen.xenstore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.Pipe;

/**
 * The in-process stand-in for a guest's xenstore ring: two pipes carrying the same byte stream
 * the ring page would. The daemon owns one end of each (non-blocking, on its selector); the
 * guest's kernel gets {@link #guestEnd()}, a blocking channel.
 */
final class XsGuestPipe {
    /** Guest to daemon. */
    final Pipe requests;
    /** Daemon to guest. */
    final Pipe responses;
    private final ByteChannel guestEnd;

    XsGuestPipe() throws IOException {
        requests = Pipe.open();
        responses = Pipe.open();
        requests.source().configureBlocking(false);
        responses.sink().configureBlocking(false);
        guestEnd = new ByteChannel() {
            @Override
            public int read(ByteBuffer dst) throws IOException {
                return responses.source().read(dst);
            }

            @Override
            public int write(ByteBuffer src) throws IOException {
                return requests.sink().write(src);
            }

            @Override
            public boolean isOpen() {
                return responses.source().isOpen() && requests.sink().isOpen();
            }

            @Override
            public void close() throws IOException {
                try {
                    requests.sink().close();
                } finally {
                    responses.source().close();
                }
            }
        };
    }

    ByteChannel guestEnd() {
        return guestEnd;
    }
}
