package io.jvirt.xml;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.VirtException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Round-trips libvirt's own test corpora from libvirt 9.0.0 — tests/qemuxml2argvdata (1,070
 * domain documents written by libvirt's developers to exercise every corner of the format) and
 * tests/xlconfigdata (Xen) — parse, format, parse again, and compare the content with the
 * original. Where libvirt's RELAX NG schema is installed and accepts the original, the formatted
 * text must validate too, before and after {@link DomainDefChecks}. The checks may only reject
 * files libvirt's own test program expects to fail parsing.
 *
 * <p>Needs the extracted source tree (system property {@code jvirt.libvirt.src} or environment
 * variable {@code JVIRT_LIBVIRT_SRC}; scripts/fetch-libvirt-src.sh fetches it).
 */
class LibvirtCorpusTest {
    private static final DomainDefChecks CHECKS =
            DomainDefChecks.forArch("x86_64").allowSlashInName(true);

    @Test
    void qemuCorpusSurvivesARoundTrip() throws IOException {
        Path dir = corpus("tests/qemuxml2argvdata");
        Set<String> parseErrors = libvirtParseErrorTests(dir.getParent().resolve("qemuxml2argvtest.c"));
        Result result = roundTrip(dir, parseErrors);

        assertTrue(result.files >= 1000, "expected libvirt's full corpus, found " + result.files);
        result.assertHealthy();
        assertTrue(result.checkRejected.size() >= 4, "the checks should catch libvirt's generic "
                + "parse-error tests (no memory, duplicate and missing targets, boot order)");
    }

    @Test
    void xenCorpusSurvivesARoundTrip() throws IOException {
        Result result = roundTrip(corpus("tests/xlconfigdata"), Set.of());

        assertTrue(result.files >= 40, "expected libvirt's xl corpus, found " + result.files);
        result.assertHealthy();
    }

    private static Path corpus(String relative) {
        Path dir = LibvirtSourceTree.find(relative).orElse(null);
        HostTools.require(dir != null, "libvirt 9.0.0 source tree with " + relative + " (set -D"
                + LibvirtSourceTree.PROPERTY + "=DIR or " + LibvirtSourceTree.ENV
                + "=DIR; see scripts/fetch-libvirt-src.sh)");
        return dir;
    }

    private static final class Result {
        String corpus;
        int files;
        int lossless;
        int parsed;
        int validOriginals;
        final List<String> lossy = new ArrayList<>();
        final List<String> unparsable = new ArrayList<>();
        final List<String> unparsableExpected = new ArrayList<>();
        final List<String> invalid = new ArrayList<>();
        final List<String> checkRejected = new ArrayList<>();
        final List<String> wronglyRejected = new ArrayList<>();

        void assertHealthy() {
            assertTrue(unparsable.isEmpty(), "well-formed corpus files must parse: " + unparsable);
            assertTrue(lossless >= Math.ceil(parsed * 0.99),
                    "fewer than 99% of " + parsed + " parsed files round-tripped: " + lossy);
            assertTrue(invalid.isEmpty(), "formatting broke schema validity: " + invalid);
            assertTrue(wronglyRejected.isEmpty(), "checks stricter than libvirt: " + wronglyRejected);
        }
    }

    private static Result roundTrip(Path dir, Set<String> parseErrorTests) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        // Where libvirt's schema accepts the original, it must accept what we write too.
        LibvirtSchemas schema = LibvirtSchemas.available() ? LibvirtSchemas.of("domain.rng") : null;
        Result r = new Result();
        r.corpus = dir.getParent().getFileName() + "/" + dir.getFileName();
        r.files = files.size();
        for (Path file : files) {
            String name = file.getFileName().toString();
            String original = Files.readString(file, StandardCharsets.UTF_8);
            String formatted;
            try {
                formatted = LibvirtXml.format(LibvirtXml.parseDomain(original));
            } catch (VirtException e) {
                // Negative test inputs of libvirt come with an .err file of expected output.
                (rejectedByLibvirt(dir, name) ? r.unparsableExpected : r.unparsable)
                        .add(name + ": " + e.getMessage());
                continue;
            }
            String again = LibvirtXml.format(LibvirtXml.parseDomain(formatted));
            if (!formatted.equals(again)) {
                r.lossy.add(name + " (format is not stable)");
            } else if (!XmlTrees.canonical(original).equals(XmlTrees.canonical(formatted))) {
                r.lossy.add(name);
            } else {
                r.lossless++;
            }

            String defined = null;
            try {
                DomainDef def = LibvirtXml.parseDomain(original);
                CHECKS.apply(def);
                defined = LibvirtXml.format(def);
            } catch (VirtException e) {
                r.checkRejected.add(name);
                if (!parseErrorTests.contains(name)) {
                    r.wronglyRejected.add(name + ": " + e.getMessage());
                }
            }
            if (schema != null && schema.errors(original).isEmpty()) {
                r.validOriginals++;
                List<String> errors = schema.errors(formatted);
                if (!errors.isEmpty()) {
                    r.invalid.add(name + " " + errors);
                }
                if (defined != null && !(errors = schema.errors(defined)).isEmpty()) {
                    r.invalid.add(name + " after DomainDefChecks " + errors);
                }
            }
        }
        r.parsed = r.files - r.unparsable.size() - r.unparsableExpected.size();

        System.out.println("corpus: " + r.files + " files, " + r.lossless
                + " round-tripped losslessly, " + r.lossy.size() + " failed " + r.lossy
                + " [" + r.corpus + "; not parsed: " + r.unparsable.size() + " " + r.unparsable
                + ", of which libvirt also rejects: " + r.unparsableExpected.size() + "]");
        System.out.println("corpus: DomainDefChecks rejected " + r.checkRejected.size() + " "
                + r.checkRejected + "; libvirt's test program expects a parse error for "
                + parseErrorTests.size() + " files; rejected although libvirt accepts: "
                + r.wronglyRejected);
        System.out.println(schema == null ? "corpus: RELAX NG check skipped (no schemas in "
                + LibvirtSchemas.DIR + ")" : "corpus: " + r.validOriginals
                + " originals valid against domain.rng; invalid after formatting: " + r.invalid);
        return r;
    }

    /**
     * The corpus files libvirt's qemuxml2argvtest.c expects to fail parsing
     * (DO_TEST_PARSE_ERROR* and DO_TEST_CAPS_*_PARSE_ERROR): the only ones our generic checks
     * may reject. Many more fail there for QEMU-specific reasons we do not check.
     */
    private static Set<String> libvirtParseErrorTests(Path testProgram) throws IOException {
        Set<String> names = new HashSet<>();
        if (!Files.isRegularFile(testProgram)) {
            return names;
        }
        Matcher m = Pattern.compile("DO_TEST\\w*PARSE_ERROR\\w*\\(\\s*\"([^\"]+)\"")
                .matcher(Files.readString(testProgram));
        while (m.find()) {
            names.add(m.group(1) + ".xml");
        }
        return names;
    }

    /** libvirt's negative tests have an expected-error file next to them. */
    private static boolean rejectedByLibvirt(Path dir, String xmlName) {
        String base = xmlName.substring(0, xmlName.length() - ".xml".length());
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.map(p -> p.getFileName().toString())
                    .anyMatch(n -> n.startsWith(base) && n.endsWith(".err"));
        } catch (IOException e) {
            return false;
        }
    }
}
