package io.jvirt.driver.kvm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import io.jvirt.driver.kvm.qmp.QmpClient;
import io.jvirt.driver.kvm.qmp.QmpException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Probes a QEMU binary the way libvirt's qemu_capabilities.c does: start it with
 * {@code -machine none} (no guest at all), ask over QMP, quit.
 */
final class QemuProber {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Path DEV_KVM = Path.of("/dev/kvm");

    private QemuProber() {
    }

    /** Probes {@code binary}, using {@code workDir} for the monitor socket and log. */
    static QemuCapabilities probe(Path binary, Path workDir) {
        if (!Files.isExecutable(binary)) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                    "Cannot find QEMU binary " + binary + ": No such file or directory");
        }
        Path socket = workDir.resolve("probe-" + ProcessHandle.current().pid() + "-"
                + System.nanoTime() + ".sock");
        Path log = workDir.resolve(socket.getFileName() + ".log");
        List<String> argv = List.of(binary.toString(),
                "-machine", "none",
                "-nodefaults", "-no-user-config", "-display", "none",
                "-chardev", "socket,id=charmonitor,path=" + QemuEscaping.escape(socket.toString())
                        + ",server=on,wait=off",
                "-mon", "chardev=charmonitor,id=monitor,mode=control");
        Process qemu = QemuProcess.start(argv, log);
        try (QmpClient qmp = QemuProcess.connectMonitor(qemu, socket, log, null, TIMEOUT)) {
            QemuCapabilities caps = ask(binary, qmp);
            quit(qmp);
            return caps;
        } finally {
            QemuProcess.terminate(qemu, Duration.ofSeconds(5));
            deleteQuietly(socket);
            deleteQuietly(log);
        }
    }

    private static QemuCapabilities ask(Path binary, QmpClient qmp) {
        JsonNode version = qmp.execute("query-version");
        JsonNode q = version.path("qemu");
        String v = q.path("major").asInt() + "." + q.path("minor").asInt() + "." + q.path("micro").asInt();

        List<QemuCapabilities.Machine> machines = new ArrayList<>();
        for (JsonNode m : qmp.execute("query-machines")) {
            machines.add(new QemuCapabilities.Machine(m.path("name").asText(),
                    m.hasNonNull("alias") ? m.get("alias").asText() : null,
                    m.path("is-default").asBoolean(), m.path("cpu-max").asInt(1),
                    m.path("deprecated").asBoolean()));
        }

        List<String> cpus = new ArrayList<>();
        for (JsonNode c : qmp.execute("query-cpu-definitions")) {
            cpus.add(c.path("name").asText());
        }
        cpus.sort(null);

        // Accelerators are QOM types implementing "accel": "tcg-accel", "kvm-accel", ...
        Set<String> accels = new LinkedHashSet<>();
        ObjectNode accelQuery = JsonNodeFactory.instance.objectNode()
                .put("implements", "accel").put("abstract", false);
        for (JsonNode t : qmp.execute("qom-list-types", accelQuery)) {
            String name = t.path("name").asText();
            if (name.endsWith("-accel")) {
                accels.add(name.substring(0, name.length() - "-accel".length()));
            }
        }
        boolean kvmPresent = qmp.execute("query-kvm").path("present").asBoolean();
        boolean kvmUsable = kvmPresent && accels.contains("kvm")
                && Files.isReadable(DEV_KVM) && Files.isWritable(DEV_KVM);

        return new QemuCapabilities(binary, v, version.path("package").asText(""),
                List.copyOf(machines), List.copyOf(cpus), Set.copyOf(accels), kvmUsable,
                hasOption(qmp, "sandbox"));
    }

    /** Asks QEMU to quit; its reply may lose the race with the socket closing, which is fine. */
    static void quit(QmpClient qmp) {
        try {
            qmp.execute("quit");
        } catch (VirtException e) {
            if (e.code() != ErrorCode.OPERATION_FAILED) {
                throw e;
            }
        }
    }

    /** Whether QEMU knows a command-line option; QEMU errors for an option it lacks. */
    private static boolean hasOption(QmpClient qmp, String option) {
        try {
            JsonNode r = qmp.execute("query-command-line-options",
                    JsonNodeFactory.instance.objectNode().put("option", option));
            return r.size() > 0;
        } catch (QmpException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a stale socket in a work directory harms nothing
        }
    }
}
