package io.jvirt.driver.kvm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jvirt.DomainState;
import io.jvirt.DomainStateInfo;
import io.jvirt.DomainStateReason;
import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Properties;

/**
 * The runtime record of a running domain, DIR/run/qemu/UUID.status.json (libvirt's status XML
 * in JSON): pid and its start time, monitor socket, log, id, state, the live domain XML and its
 * {@link DomainFacts}, so that listing the domain needn't parse that XML.
 * A connection opened later, in this JVM or another, reconnects to the guest from it.
 * Written atomically (temp file, fsync, rename), like the persistent configs.
 */
record StatusFile(long pid, Instant startTime, Path monitor, Path log, int id,
        DomainStateInfo state, boolean persistent, String domainXml, DomainFacts facts) {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String SUFFIX = ".status.json";

    static Path pathFor(Path runDir, java.util.UUID uuid) {
        return runDir.resolve(uuid + SUFFIX);
    }

    void write(Path file) {
        ObjectNode o = JSON.createObjectNode();
        o.put("pid", pid);
        if (startTime != null) {
            o.put("startTime", startTime.toString());
        }
        o.put("monitor", monitor.toString());
        o.put("log", log.toString());
        o.put("id", id);
        o.put("state", state.state().name());
        o.put("reason", state.reason().value());
        o.put("persistent", persistent);
        o.put("domain", domainXml);
        ObjectNode f = o.putObject("facts");
        facts.toProperties().forEach((k, v) -> f.put((String) k, (String) v));
        Path temp = file.resolveSibling(".tmp-" + file.getFileName());
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(JSON.writerWithDefaultPrettyPrinter()
                        .writeValueAsBytes(o));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the write error is what matters
            }
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU,
                    "cannot write status file '" + file + "': " + e.getMessage(), e);
        }
    }

    static StatusFile read(Path file) throws IOException {
        JsonNode o = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        DomainState s = DomainState.valueOf(o.path("state").asText());
        return new StatusFile(o.path("pid").asLong(),
                o.hasNonNull("startTime") ? Instant.parse(o.get("startTime").asText()) : null,
                Path.of(o.path("monitor").asText()), Path.of(o.path("log").asText()),
                o.path("id").asInt(), new DomainStateInfo(s, DomainStateReason.of(s, o.path("reason").asInt())),
                o.path("persistent").asBoolean(), o.path("domain").asText(), facts(o.path("facts")));
    }

    /** The live definition's facts; null in a status file written before they were kept. */
    private static DomainFacts facts(JsonNode f) {
        Properties p = new Properties();
        f.fields().forEachRemaining(e -> p.setProperty(e.getKey(), e.getValue().asText()));
        return DomainFacts.fromProperties(p).orElse(null);
    }
}
