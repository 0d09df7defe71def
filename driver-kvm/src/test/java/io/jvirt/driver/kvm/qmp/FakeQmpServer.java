package io.jvirt.driver.kvm.qmp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A scripted QMP peer on a real unix socket: sends QEMU 7.2's greeting, answers
 * {@code qmp_capabilities}, and hands every other command to the test, which answers with
 * {@link #send}. Like OkHttp's MockWebServer, the test plays QEMU's part line by line.
 */
final class FakeQmpServer implements AutoCloseable {
    static final String GREETING = "{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 22, \"minor\": 2,"
            + " \"major\": 7}, \"package\": \"Debian 1:7.2+dfsg-7+deb12u18+b3\"}, \"capabilities\": [\"oob\"]}}";

    private static final ObjectMapper JSON = new ObjectMapper();

    final Path socket;
    private final ServerSocketChannel server;
    private final BlockingQueue<JsonNode> commands = new LinkedBlockingQueue<>();
    private volatile SocketChannel peer;
    private final Thread thread;

    FakeQmpServer(Path dir) throws IOException {
        socket = dir.resolve("monitor.sock");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        thread = new Thread(this::serve, "fake-qmp");
        thread.setDaemon(true);
        thread.start();
    }

    private void serve() {
        try {
            peer = server.accept();
            send(GREETING);
            ByteBuffer buf = ByteBuffer.allocate(4096);
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            while (peer.read(buf.clear()) >= 0) {
                for (int i = 0; i < buf.position(); i++) {
                    if (buf.get(i) != '\n') {
                        line.write(buf.get(i));
                        continue;
                    }
                    JsonNode cmd = JSON.readTree(line.toString(StandardCharsets.UTF_8));
                    line.reset();
                    if (cmd.path("execute").asText().equals("qmp_capabilities")) {
                        send("{\"return\": {}, \"id\": \"" + cmd.path("id").asText() + "\"}");
                    } else {
                        commands.add(cmd);
                    }
                }
            }
        } catch (IOException e) {
            // the test closed us
        }
    }

    /** The next command the client sent (after negotiation), waiting up to 5 s. */
    JsonNode nextCommand() throws InterruptedException {
        JsonNode cmd = commands.poll(5, TimeUnit.SECONDS);
        if (cmd == null) {
            throw new AssertionError("the client sent no command");
        }
        return cmd;
    }

    /** Sends one line as QEMU would. */
    synchronized void send(String json) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap((json + "\n").getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
            peer.write(buf);
        }
    }

    /** Hangs up, as a dying QEMU does. */
    void hangUp() throws IOException {
        peer.close();
    }

    @Override
    public void close() throws IOException {
        if (peer != null) {
            peer.close();
        }
        server.close();
    }
}
