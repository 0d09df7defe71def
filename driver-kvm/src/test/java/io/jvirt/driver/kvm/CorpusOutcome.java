package io.jvirt.driver.kvm;

import io.jvirt.ErrorCode;
import io.jvirt.VirtException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What became of one libvirt fixture: QEMU started from our argv, the driver refused it (with
 * which code and reason), or the test failed it.
 *
 * @param libvirt what libvirt's own test expects of the fixture, for comparison
 * @param code the refusal's code; null unless refused
 * @param reason the refusal message with quoted values masked, so like refusals group together
 * @param detail the whole message or failure
 */
record CorpusOutcome(String fixture, Kind kind, Expectation libvirt, ErrorCode code, String reason,
        String detail) {

    enum Kind { STARTED, REFUSED, NEEDS_HOST, FAILED }

    /** libvirt's verdict, read from the files beside the fixture. */
    enum Expectation {
        /** a {@code .args} file: libvirt builds a command line (for some capabilities) */
        ARGV,
        /** only a {@code .err} file: libvirt refuses it */
        ERROR,
        /** neither: used by other libvirt tests, or refused without a recorded message */
        NONE
    }

    static CorpusOutcome started(String fixture, Expectation libvirt) {
        return new CorpusOutcome(fixture, Kind.STARTED, libvirt, null, null, null);
    }

    static CorpusOutcome refused(String fixture, Expectation libvirt, VirtException e) {
        return new CorpusOutcome(fixture, Kind.REFUSED, libvirt, e.code(), mask(e.getMessage()), e.getMessage());
    }

    /** Accepted, but starting it needs host resources this machine can't lend (said loudly). */
    static CorpusOutcome needsHost(String fixture, Expectation libvirt, String what) {
        return new CorpusOutcome(fixture, Kind.NEEDS_HOST, libvirt, null, null, "needs " + what);
    }

    static CorpusOutcome failed(String fixture, Expectation libvirt, String detail) {
        return new CorpusOutcome(fixture, Kind.FAILED, libvirt, null, null, detail);
    }

    static Expectation expectation(Path fixture) {
        String base = fixture.getFileName().toString().replaceFirst("\\.xml$", "");
        // base.args, base.err, or per capabilities: base.x86_64-latest.args, base.x86_64-6.2.0.err
        Pattern verdict = Pattern.compile(Pattern.quote(base) + "(\\.[a-z0-9_]+-(latest|[0-9.]+))?\\.(args|err)");
        boolean args = false;
        boolean err = false;
        try (Stream<Path> siblings = Files.list(fixture.getParent())) {
            for (Path p : (Iterable<Path>) siblings::iterator) {
                Matcher m = verdict.matcher(p.getFileName().toString());
                if (m.matches()) {
                    args |= m.group(3).equals("args");
                    err |= m.group(3).equals("err");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return args ? Expectation.ARGV : err ? Expectation.ERROR : Expectation.NONE;
    }

    /** {@code CPU model 'Haswell' is not ...} → {@code CPU model '…' is not ...}, except XML paths. */
    private static String mask(String message) {
        String m = message.replaceFirst("^[^:]*: ", ""); // libvirt's "unsupported configuration: "
        return m.startsWith("'") ? m : m.replaceAll("'[^']*'", "'…'");
    }

    @Override
    public String toString() {
        return fixture + " [" + kind + (code == null ? "" : " " + code) + ", libvirt " + libvirt + "]"
                + (detail == null ? "" : ": " + detail);
    }
}
