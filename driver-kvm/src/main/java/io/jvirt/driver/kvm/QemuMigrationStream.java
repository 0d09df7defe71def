package io.jvirt.driver.kvm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import io.jvirt.driver.kvm.qmp.QmpClient;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * QEMU's migration stream between a QEMU and a file, for save and restore.
 *
 * <p>libvirt hands QEMU the file's descriptor ({@code getfd} over the monitor, then
 * {@code migrate fd:NAME}); Java's unix sockets can't pass descriptors (SCM_RIGHTS), and
 * {@code exec:} is closed to us by QEMU's sandbox ({@code spawn=deny}). QEMU 7.2 has no
 * {@code file:} URI. So the driver serves a unix socket of its own and copies between it and
 * the file, which is what libvirt's iohelper does for the cases QEMU can't write directly.
 */
final class QemuMigrationStream {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** How long QEMU may take to connect to us, or to settle its migration state after the stream. */
    static final Duration SETTLE = Duration.ofSeconds(30);
    /** No bandwidth cap while saving, as libvirt's QEMU_DOMAIN_MIG_BANDWIDTH_MAX: the guest is paused. */
    private static final long UNLIMITED = 1L << 40;
    private static final int CHUNK = 1 << 20;

    private QemuMigrationStream() {
    }

    /** Migrates the (paused) guest of {@code qmp} into {@code out} from its current position. */
    static void save(QmpClient qmp, Path socket, FileChannel out) throws IOException {
        Files.deleteIfExists(socket);
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
                Selector selector = Selector.open()) {
            server.bind(UnixDomainSocketAddress.of(socket));
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
            qmp.execute("migrate-set-parameters", JSON.objectNode().put("max-bandwidth", UNLIMITED));
            qmp.execute("migrate", JSON.objectNode().put("uri", "unix:" + socket));
            long deadline = System.nanoTime() + SETTLE.toNanos();
            while (selector.select(100) == 0) {
                // A migration QEMU refused (a device that can't migrate) never connects: ask.
                JsonNode info = qmp.execute("query-migrate");
                String status = info.path("status").asText("none");
                if (status.equals("failed") || status.equals("cancelled")) {
                    throw failed("migration " + status + ": " + info.path("error-desc").asText("no reason given"));
                }
                if (System.nanoTime() > deadline) {
                    throw failed("QEMU did not connect to the save stream within " + SETTLE.toSeconds() + " s");
                }
            }
            try (SocketChannel in = server.accept()) {
                in.configureBlocking(true);
                ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK);
                while (in.read(buf) >= 0) {
                    buf.flip();
                    while (buf.hasRemaining()) {
                        out.write(buf);
                    }
                    buf.clear();
                }
            }
            awaitCompletion(qmp);
        } finally {
            Files.deleteIfExists(socket);
        }
    }

    /**
     * Feeds {@code in} from {@code offset} to the end into a QEMU started with
     * {@code -incoming defer}, and waits until QEMU has loaded it.
     */
    static void load(QmpClient qmp, Path socket, FileChannel in, long offset) throws IOException {
        Files.deleteIfExists(socket);
        try {
            // QEMU listens before the command returns.
            qmp.execute("migrate-incoming", JSON.objectNode().put("uri", "unix:" + socket));
            try (SocketChannel to = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                to.connect(UnixDomainSocketAddress.of(socket));
                long size = in.size();
                long pos = offset;
                try {
                    while (pos < size) {
                        pos += in.transferTo(pos, Math.min(size - pos, 64L * CHUNK), to);
                    }
                } catch (IOException e) {
                    // QEMU hung up: it refused the stream; its reason is in query-migrate or its log.
                }
                to.shutdownOutput();
                awaitCompletion(qmp);
            }
        } finally {
            Files.deleteIfExists(socket);
        }
    }

    /** Waits for query-migrate to say completed; failed (or anything else in time) is an error. */
    private static void awaitCompletion(QmpClient qmp) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        long pause = 1;
        while (true) {
            JsonNode info = qmp.execute("query-migrate");
            String status = info.path("status").asText("none");
            switch (status) {
                case "completed":
                    return;
                case "failed", "cancelled":
                    throw failed("migration " + status + ": " + info.path("error-desc").asText("no reason given"));
                default:
                    break;
            }
            if (System.nanoTime() > deadline) {
                throw failed("migration still '" + status + "' after " + SETTLE.toSeconds() + " s");
            }
            // QEMU sets the final state a moment after the last byte moved (a restore: once it has
            // loaded the devices). A query costs well under a millisecond, so poll often: a long
            // pause here would be most of a small guest's restore.
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failed("interrupted while waiting for the migration");
            }
            pause = Math.min(pause * 2, 5);
        }
    }

    private static VirtException failed(String why) {
        return new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, why);
    }
}
