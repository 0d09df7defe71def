package io.jvirt.driver.kvm.qmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jvirt.ErrorCode;
import io.jvirt.VirtException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QmpClientTest {
    @TempDir
    Path dir;

    private FakeQmpServer qemu;
    private final BlockingQueue<String> seen = new LinkedBlockingQueue<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final QmpListener listener = new QmpListener() {
        @Override
        public void onEvent(QmpEvent event) {
            seen.add(event.name() + " " + event.data() + " " + event.timestampMicros());
        }

        @Override
        public void onMonitorClosed() {
            seen.add("closed");
            closed.countDown();
        }
    };

    @BeforeEach
    void start() throws Exception {
        qemu = new FakeQmpServer(dir);
    }

    @AfterEach
    void stop() throws Exception {
        qemu.close();
    }

    private QmpClient connect() {
        return QmpClient.connect(qemu.socket, listener, Duration.ofSeconds(5));
    }

    @Test
    void negotiatesAndKeepsTheGreeting() {
        try (QmpClient qmp = connect()) {
            assertEquals(7, qmp.greeting().at("/QMP/version/qemu/major").asInt());
            assertFalse(qmp.isClosed());
        }
    }

    @Test
    void matchesRepliesById() throws Exception {
        try (QmpClient qmp = connect()) {
            CompletableFuture<JsonNode> status = CompletableFuture.supplyAsync(() -> qmp.execute("query-status"));
            JsonNode cmd = qemu.nextCommand();
            assertEquals("query-status", cmd.path("execute").asText());
            String id = cmd.path("id").asText();
            qemu.send("{\"return\": {\"status\": \"prelaunch\", \"singlestep\": false, \"running\": false,"
                    + " \"something-new\": 1}, \"id\": \"" + id + "\"}");
            assertEquals("prelaunch", status.get(5, TimeUnit.SECONDS).path("status").asText());
        }
    }

    @Test
    void answersConcurrentCommandsOutOfOrder() throws Exception {
        try (QmpClient qmp = connect()) {
            CompletableFuture<JsonNode> first = CompletableFuture.supplyAsync(() -> qmp.execute("query-name"));
            JsonNode c1 = qemu.nextCommand();
            CompletableFuture<JsonNode> second = CompletableFuture.supplyAsync(() -> qmp.execute("query-kvm"));
            JsonNode c2 = qemu.nextCommand();
            qemu.send("{\"return\": {\"enabled\": false, \"present\": true}, \"id\": \"" + c2.path("id").asText() + "\"}");
            qemu.send("{\"return\": {\"name\": \"web\"}, \"id\": \"" + c1.path("id").asText() + "\"}");
            assertEquals("web", first.get(5, TimeUnit.SECONDS).path("name").asText());
            assertTrue(second.get(5, TimeUnit.SECONDS).path("present").asBoolean());
        }
    }

    @Test
    void routesAnEventThatArrivesBeforeTheReply() throws Exception {
        try (QmpClient qmp = connect()) {
            CompletableFuture<JsonNode> cont = CompletableFuture.supplyAsync(() -> qmp.execute("cont"));
            String id = qemu.nextCommand().path("id").asText();
            qemu.send("{\"timestamp\": {\"seconds\": 1795698839, \"microseconds\": 797995}, \"event\": \"RESUME\"}");
            qemu.send("{\"return\": {}, \"id\": \"" + id + "\"}");
            assertTrue(cont.get(5, TimeUnit.SECONDS).isEmpty());
            assertEquals("RESUME {} 1795698839797995", seen.poll(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void deliversEventsInOrderWithTheirData() throws Exception {
        try (QmpClient qmp = connect()) {
            qemu.send("{\"timestamp\": {\"seconds\": 1, \"microseconds\": 2}, \"event\": \"SHUTDOWN\","
                    + " \"data\": {\"guest\": true, \"reason\": \"guest-shutdown\"}}");
            qemu.send("{\"timestamp\": {\"seconds\": 1, \"microseconds\": 3}, \"event\": \"STOP\"}");
            assertEquals("SHUTDOWN {\"guest\":true,\"reason\":\"guest-shutdown\"} 1000002", seen.poll(5, TimeUnit.SECONDS));
            assertEquals("STOP {} 1000003", seen.poll(5, TimeUnit.SECONDS));
            assertFalse(qmp.isClosed()); // events are not replies: nothing was consumed as one
        }
    }

    @Test
    void turnsAnErrorReplyIntoQmpException() throws Exception {
        try (QmpClient qmp = connect()) {
            CompletableFuture<JsonNode> balloon = CompletableFuture.supplyAsync(() -> qmp.execute("query-balloon"));
            String id = qemu.nextCommand().path("id").asText();
            qemu.send("{\"error\": {\"class\": \"DeviceNotActive\", \"desc\": \"No balloon device has been activated\"},"
                    + " \"id\": \"" + id + "\"}");
            ExecutionException e = assertThrows(ExecutionException.class, () -> balloon.get(5, TimeUnit.SECONDS));
            QmpException qe = (QmpException) e.getCause();
            assertEquals("DeviceNotActive", qe.errorClass());
            assertEquals(ErrorCode.INTERNAL_ERROR, qe.code());
            assertEquals("internal error: unable to execute QEMU command 'query-balloon':"
                    + " No balloon device has been activated", qe.getMessage());
        }
    }

    @Test
    void timesOutAndDropsTheLateReply() throws Exception {
        try (QmpClient qmp = connect()) {
            VirtException e = assertThrows(VirtException.class,
                    () -> qmp.execute("query-status", null, Duration.ofMillis(100)));
            assertEquals(ErrorCode.OPERATION_TIMEOUT, e.code());
            String lateId = qemu.nextCommand().path("id").asText();
            qemu.send("{\"return\": {\"status\": \"late\"}, \"id\": \"" + lateId + "\"}");
            // The client still works, and the late reply went to nobody.
            CompletableFuture<JsonNode> next = CompletableFuture.supplyAsync(() -> qmp.execute("query-name"));
            String id = qemu.nextCommand().path("id").asText();
            qemu.send("{\"return\": {\"name\": \"x\"}, \"id\": \"" + id + "\"}");
            assertEquals("x", next.get(5, TimeUnit.SECONDS).path("name").asText());
        }
    }

    @Test
    void eofFailsPendingCommandsAndTellsTheListener() throws Exception {
        try (QmpClient qmp = connect()) {
            CompletableFuture<JsonNode> stuck = CompletableFuture.supplyAsync(() -> qmp.execute("query-status"));
            qemu.nextCommand();
            qemu.send("{\"timestamp\": {\"seconds\": 1, \"microseconds\": 0}, \"event\": \"STOP\"}");
            qemu.hangUp();
            ExecutionException e = assertThrows(ExecutionException.class, () -> stuck.get(5, TimeUnit.SECONDS));
            assertEquals(ErrorCode.OPERATION_FAILED, ((VirtException) e.getCause()).code());
            assertTrue(closed.await(5, TimeUnit.SECONDS));
            assertEquals(List.of("STOP {} 1000000", "closed"), List.copyOf(seen));
            assertTrue(qmp.isClosed());
            VirtException after = assertThrows(VirtException.class, () -> qmp.execute("cont"));
            assertEquals(ErrorCode.OPERATION_FAILED, after.code());
        }
    }

    @Test
    void closingTheClientIsNotReportedAsMonitorEof() throws Exception {
        QmpClient qmp = connect();
        qmp.close();
        assertTrue(qmp.isClosed());
        assertFalse(closed.await(200, TimeUnit.MILLISECONDS));
    }

    @Test
    void refusesASocketNobodyListensOn() {
        VirtException e = assertThrows(VirtException.class,
                () -> QmpClient.connect(dir.resolve("nobody.sock"), listener, Duration.ofSeconds(1)));
        assertEquals(ErrorCode.OPERATION_FAILED, e.code());
    }
}
