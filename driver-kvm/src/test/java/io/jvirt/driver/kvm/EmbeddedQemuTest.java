package io.jvirt.driver.kvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jvirt.Connection;
import io.jvirt.Domain;
import io.jvirt.ErrorCode;
import io.jvirt.Virt;
import io.jvirt.VirtException;
import io.jvirt.driver.kvm.qmp.QmpClient;
import io.jvirt.driver.kvm.qmp.QmpEvent;
import io.jvirt.driver.kvm.qmp.QmpListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the integration tests of one area share: a fresh {@code qemu:///embed} root and
 * connection per test, a folder for images, no QEMU left behind, and a look at a domain's QEMU
 * from the inside (its monitor, its pid) to check what the API did.
 */
abstract class EmbeddedQemuTest {
    @TempDir
    Path root;
    @TempDir
    Path files;

    Connection conn;

    @BeforeAll
    static void needQemu() {
        InstalledQemu.require();
    }

    @BeforeEach
    void open() {
        conn = Virt.open(QemuEmbedDriverIT.uri(root));
    }

    @AfterEach
    void close() {
        conn.close();
        QemuEmbedDriverIT.killOurQemus();
    }

    /**
     * Defines and starts a {@link PowerButtonGuest} called {@code name} (image and serial log
     * in {@link #files}, {@code lifecycle} elements added to its XML) and waits for its marker.
     */
    Domain bootGuest(String name, PowerButtonGuest.Answer answer, String lifecycle) throws Exception {
        Path image = files.resolve(name + ".img");
        PowerButtonGuest.writeImage(image, answer);
        Domain d = conn.defineDomain(PowerButtonGuest.xml(name, image, serial(name), lifecycle));
        d.start();
        assertTrue(PowerButtonGuest.awaitBoots(serial(name), 1, Duration.ofSeconds(30)),
                "the guest never printed its marker");
        return d;
    }

    /** Where the serial port of the guest {@code name} is logged. */
    Path serial(String name) {
        return files.resolve(name + ".serial");
    }

    /** {@code look} at the running QEMU of {@code d}, with the domain locked as the driver does. */
    <T> T inside(Domain d, Function<QemuRun, T> look) {
        QemuHost host = QemuHost.acquire(QemuPaths.embed(root));
        try {
            QemuDomain qd = host.domains.byName(d.name()).orElseThrow();
            synchronized (qd) {
                return look.apply(qd.run);
            }
        } finally {
            QemuHost.release(host);
        }
    }

    /** A QMP command on the domain's own monitor. */
    JsonNode qmp(Domain d, String command, ObjectNode args) {
        return inside(d, run -> run.qmp.execute(command, args));
    }

    JsonNode qmp(Domain d, String command) {
        return qmp(d, command, null);
    }

    long qemuPid(Domain d) {
        return inside(d, run -> run.process.pid());
    }

    /**
     * Connects to a domain's {@code monitor} as another program would while no connection holds
     * it, runs {@code command} and waits (bounded by {@code seconds}) for the first QEMU event
     * that {@code awaited} accepts. Returns the open client for further questions.
     */
    static QmpClient commandAndAwait(Path monitor, String command, Predicate<QmpEvent> awaited, long seconds)
            throws InterruptedException {
        return commandAndAwait(monitor, command, null, awaited, seconds);
    }

    /** As {@link #commandAndAwait(Path, String, Predicate, long)}, the command with {@code args}. */
    static QmpClient commandAndAwait(Path monitor, String command, ObjectNode args, Predicate<QmpEvent> awaited,
            long seconds) throws InterruptedException {
        BlockingQueue<QmpEvent> events = new LinkedBlockingQueue<>();
        QmpClient qmp = QmpClient.connect(monitor, new QmpListener() {
            @Override
            public void onEvent(QmpEvent event) {
                events.add(event);
            }
        }, Duration.ofSeconds(10));
        try {
            qmp.execute(command, args);
            QmpEvent e;
            do {
                e = events.poll(seconds, TimeUnit.SECONDS);
                assertNotNull(e, "QEMU reported no awaited event after " + command);
            } while (!awaited.test(e));
            return qmp;
        } catch (RuntimeException | Error | InterruptedException e) {
            qmp.close();
            throw e;
        }
    }

    static void refused(ErrorCode code, Executable call) {
        VirtException e = assertThrows(VirtException.class, call);
        assertEquals(code, e.code(), e.getMessage());
    }
}
