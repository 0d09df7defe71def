package io.jvirt.driver.kvm;

import io.jvirt.DomainState;
import io.jvirt.DomainStateInfo;
import io.jvirt.DomainStateReason;
import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
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
 * The runtime record of a running domain, DIR/run/qemu/UUID.status (libvirt's status XML, as
 * Java properties): pid and its start time, monitor socket, log, id, state, the live domain XML
 * and its {@link DomainFacts}, so that listing the domain needn't parse that XML, and the
 * {@link QemuJournal} line up to which the state accounts for QEMU's events. Properties, not
 * JSON: a fresh process lists domains from these files, and the JDK reads properties without
 * starting a JSON library.
 * A connection opened later, in this JVM or another, reconnects to the guest from it.
 * Written atomically (temp file, fsync, rename), like the persistent configs.
 */
record StatusFile(long pid, Instant startTime, Path monitor, Path log, Path journal, String journalMark, int id,
        DomainStateInfo state, boolean persistent, String domainXml, DomainFacts facts) {
    static final String SUFFIX = ".status";
    private static final String FACT = "facts.";

    static Path pathFor(Path runDir, java.util.UUID uuid) {
        return runDir.resolve(uuid + SUFFIX);
    }

    void write(Path file) {
        Properties p = new Properties();
        p.setProperty("pid", Long.toString(pid));
        if (startTime != null) {
            p.setProperty("startTime", Long.toString(startTime.toEpochMilli())); // parsing ISO text costs java.time's formatters
        }
        p.setProperty("monitor", monitor.toString());
        p.setProperty("log", log.toString());
        if (journal != null) {
            p.setProperty("journal", journal.toString());
        }
        if (journalMark != null) {
            p.setProperty("journalMark", journalMark);
        }
        p.setProperty("id", Integer.toString(id));
        p.setProperty("state", state.state().name());
        p.setProperty("reason", Integer.toString(state.reason().value()));
        p.setProperty("persistent", Boolean.toString(persistent));
        p.setProperty("domain", domainXml);
        facts.toProperties().forEach((k, v) -> p.setProperty(FACT + k, (String) v));
        StringWriter text = new StringWriter();
        try {
            p.store(text, null);
        } catch (IOException e) {
            throw new IllegalStateException("a StringWriter does not fail", e);
        }
        Path temp = file.resolveSibling(".tmp-" + file.getFileName());
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
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
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        try {
            DomainState s = DomainState.valueOf(p.getProperty("state"));
            String start = p.getProperty("startTime");
            String journal = p.getProperty("journal");
            return new StatusFile(Long.parseLong(p.getProperty("pid")), start == null ? null : Instant.ofEpochMilli(Long.parseLong(start)),
                    Path.of(p.getProperty("monitor")), Path.of(p.getProperty("log")),
                    journal == null ? null : Path.of(journal), p.getProperty("journalMark"),
                    Integer.parseInt(p.getProperty("id")),
                    new DomainStateInfo(s, DomainStateReason.of(s, Integer.parseInt(p.getProperty("reason")))),
                    Boolean.parseBoolean(p.getProperty("persistent")), p.getProperty("domain"), facts(p));
        } catch (RuntimeException e) {
            throw new IOException("malformed status file " + file + ": " + e, e);
        }
    }

    /** The live definition's facts; null if they are missing or malformed. */
    private static DomainFacts facts(Properties p) {
        Properties f = new Properties();
        for (String k : p.stringPropertyNames()) { // a loop: a fresh process spins no lambda classes
            if (k.startsWith(FACT)) {
                f.setProperty(k.substring(FACT.length()), p.getProperty(k));
            }
        }
        return DomainFacts.fromProperties(f).orElse(null);
    }
}
