package io.jvirt.driver.kvm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import io.jvirt.driver.kvm.qmp.QmpClient;
import io.jvirt.driver.kvm.qmp.QmpEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The guest's memory as an ELF core file, written by QEMU itself, as libvirt's doCoreDump with
 * {@code VIR_DUMP_MEMORY_ONLY}: {@code dump-guest-memory} without paging, detached, then wait
 * for QEMU's DUMP_COMPLETED. QEMU writes to a temporary name beside the target, which becomes
 * the target only once QEMU reports the dump complete: a QEMU that dies midway leaves no
 * half-written core under the name a user looks for.
 */
final class QemuCoreDump {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** The longest a wait for DUMP_COMPLETED goes without asking query-dump. */
    private static final long CHECK_MILLIS = 500;

    private QemuCoreDump() {
    }

    /**
     * Dumps the memory of {@code run}'s guest into {@code target} and returns once it is there.
     * QEMU writes it as {@code tmp}, in the same directory, until it reports completion.
     * Blocks as long as QEMU writes: never call it on the monitor's event thread. Fails with
     * QEMU's error if it refuses the dump, with {@code OPERATION_FAILED} if the dump fails or
     * QEMU quits meanwhile; {@code tmp} is then removed.
     */
    static void dump(QemuRun run, Path tmp, Path target) {
        CompletableFuture<JsonNode> completed = new CompletableFuture<>();
        QmpClient qmp = run.monitor();
        boolean done = false;
        run.dumpCompleted = completed; // before the command: the event may beat its reply
        try {
            qmp.execute("dump-guest-memory", JSON.objectNode().put("paging", false)
                    .put("protocol", "file:" + tmp).put("detach", true).put("format", "elf"));
            JsonNode result = await(completed, qmp);
            String status = result.path("result").path("status").asText();
            if (!status.equals("completed")) {
                throw failed("dump " + status + ": " + result.path("error").asText("QEMU gave no reason"));
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            done = true;
        } catch (IOException e) {
            throw failed("cannot move the dump to '" + target + "': " + e.getMessage());
        } finally {
            run.dumpCompleted = null;
            if (!done) {
                QemuHost.deleteQuietly(tmp);
            }
        }
    }

    /** QEMU's DUMP_COMPLETED, from the monitor's event thread: hands it to the waiting dump. */
    static void completed(QemuRun run, QmpEvent event) {
        CompletableFuture<JsonNode> waiting = run.dumpCompleted;
        if (waiting != null) {
            waiting.complete(event.data());
        }
    }

    /**
     * DUMP_COMPLETED's data, or query-dump's answer in its shape: an event thread waiting for the
     * domain lock (a STOP of the caller's, say) holds the event back, but not the command's
     * reply. A closed monitor (QEMU quit, or was destroyed) fails the command, and so the dump.
     */
    private static JsonNode await(CompletableFuture<JsonNode> completed, QmpClient qmp) {
        long pause = 5;
        while (true) {
            try {
                return completed.get(pause, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                JsonNode status = qmp.execute("query-dump");
                if (!status.path("status").asText().equals("active")) {
                    return JSON.objectNode().set("result", status);
                }
                pause = Math.min(pause * 2, CHECK_MILLIS);
            } catch (ExecutionException e) {
                throw failed(String.valueOf(e.getCause()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failed("interrupted while waiting for the dump");
            }
        }
    }

    private static VirtException failed(String why) {
        return new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, why);
    }
}
