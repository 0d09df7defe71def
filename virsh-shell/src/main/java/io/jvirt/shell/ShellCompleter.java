package io.jvirt.shell;

import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/** JLine's view of {@link CompletionEngine}. */
final class ShellCompleter implements Completer {
    private final CompletionEngine engine;

    ShellCompleter(CompletionEngine engine) {
        this.engine = engine;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        CompletionEngine.Result r = engine.complete(line.line(), line.cursor());
        for (String c : r.candidates()) {
            // Directories and options ending in '=' are not finished words.
            boolean complete = !c.endsWith("/");
            candidates.add(new Candidate(c, c, null, null, null, null, complete));
        }
    }
}
