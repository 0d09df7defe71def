package io.jvirt.driver.kvm;

import io.jvirt.ErrorCode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The counts of a corpus run, printed in a form the README can quote. */
final class CorpusReport {
    private static final int TOP_REASONS = 25;

    private final List<CorpusOutcome> outcomes;

    CorpusReport(List<CorpusOutcome> outcomes) {
        this.outcomes = List.copyOf(outcomes);
    }

    long started() {
        return count(CorpusOutcome.Kind.STARTED);
    }

    long needingHost() {
        return count(CorpusOutcome.Kind.NEEDS_HOST);
    }

    List<CorpusOutcome> failures() {
        return outcomes.stream().filter(o -> o.kind() == CorpusOutcome.Kind.FAILED).toList();
    }

    private long count(CorpusOutcome.Kind kind) {
        return outcomes.stream().filter(o -> o.kind() == kind).count();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        s.append("libvirt 9.0.0 qemuxml2argvdata against real QEMU: ").append(outcomes.size())
                .append(" fixtures\n");
        line(s, "started (prelaunch over QMP, quit, exit 0)", started(), CorpusOutcome.Kind.STARTED);
        Map<ErrorCode, List<CorpusOutcome>> byCode = new EnumMap<>(ErrorCode.class);
        outcomes.stream().filter(o -> o.kind() == CorpusOutcome.Kind.REFUSED)
                .forEach(o -> byCode.computeIfAbsent(o.code(), c -> new ArrayList<>()).add(o));
        byCode.forEach((code, list) -> line(s, "refused " + code, list.size(), list));
        line(s, "accepted, not started: needs host resources", count(CorpusOutcome.Kind.NEEDS_HOST),
                CorpusOutcome.Kind.NEEDS_HOST);
        line(s, "FAILED", failures().size(), CorpusOutcome.Kind.FAILED);

        List<CorpusOutcome> unsupported = byCode.getOrDefault(ErrorCode.CONFIG_UNSUPPORTED, List.of());
        Map<String, Long> reasons = unsupported.stream()
                .collect(Collectors.groupingBy(CorpusOutcome::reason, Collectors.counting()));
        s.append("CONFIG_UNSUPPORTED reasons: ").append(reasons.size()).append(" distinct; the first ")
                .append(Math.min(TOP_REASONS, reasons.size())).append(":\n");
        reasons.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_REASONS)
                .forEach(e -> s.append(String.format("  %4d  %s%s%n", e.getValue(), e.getKey(),
                        examples(unsupported, e.getKey()))));
        for (ErrorCode code : byCode.keySet()) {
            if (code != ErrorCode.CONFIG_UNSUPPORTED) {
                s.append(code).append(":\n");
                byCode.get(code).forEach(o -> s.append("        ").append(o).append('\n'));
            }
        }
        List<String> libvirtRefuses = outcomes.stream()
                .filter(o -> o.kind() == CorpusOutcome.Kind.STARTED && o.libvirt() == CorpusOutcome.Expectation.ERROR)
                .map(CorpusOutcome::fixture).toList();
        if (!libvirtRefuses.isEmpty()) {
            s.append("started although libvirt 9.0.0 refuses them: ").append(libvirtRefuses).append('\n');
        }
        return s.toString();
    }

    /** The most frequent messages behind a masked reason, so "machine type '…'" shows which. */
    private static String examples(List<CorpusOutcome> refused, String reason) {
        Map<String, Long> details = refused.stream().filter(o -> o.reason().equals(reason))
                .collect(Collectors.groupingBy(CorpusOutcome::detail, Collectors.counting()));
        if (details.size() < 2) {
            return "";
        }
        return details.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(4)
                .map(e -> e.getValue() + "× " + quoted(e.getKey()))
                .collect(Collectors.joining(", ", "  [", details.size() > 4 ? ", …]" : "]"));
    }

    private static String quoted(String message) {
        Matcher m = Pattern.compile("'[^']*'").matcher(message);
        StringBuilder values = new StringBuilder();
        while (m.find()) {
            values.append(values.length() == 0 ? "" : " ").append(m.group());
        }
        return values.toString();
    }

    private void line(StringBuilder s, String what, long n, CorpusOutcome.Kind kind) {
        line(s, what, n, outcomes.stream().filter(o -> o.kind() == kind).toList());
    }

    /** One count, split by what libvirt's own test expects of the same fixtures. */
    private static void line(StringBuilder s, String what, long n, List<CorpusOutcome> of) {
        Map<CorpusOutcome.Expectation, Long> split = of.stream().collect(Collectors.groupingBy(
                CorpusOutcome::libvirt, () -> new EnumMap<>(CorpusOutcome.Expectation.class), Collectors.counting()));
        s.append(String.format("  %-46s %5d   (libvirt: %d argv, %d error, %d neither)%n", what, n,
                split.getOrDefault(CorpusOutcome.Expectation.ARGV, 0L),
                split.getOrDefault(CorpusOutcome.Expectation.ERROR, 0L),
                split.getOrDefault(CorpusOutcome.Expectation.NONE, 0L)));
    }
}
