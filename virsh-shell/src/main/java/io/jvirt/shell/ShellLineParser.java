package io.jvirt.shell;

import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * Tells JLine where the word under the cursor starts, by readline's rules as virsh sets them
 * (so that {@code ;}, {@code =} and quotes end words as in virsh). Accepted lines are not
 * split here: the shell parses them itself.
 */
final class ShellLineParser implements Parser {
    private final Shell shell;

    ShellLineParser(Shell shell) {
        this.shell = shell;
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        int start = CompletionEngine.wordStart(line.substring(0, cursor));
        String raw = line.substring(start, cursor);
        boolean quoted = !raw.isEmpty() && (raw.charAt(0) == '"' || raw.charAt(0) == '\'');
        String word = quoted ? raw.substring(1) : raw;
        return new Line(line, cursor, word, raw.length(), quoted);
    }

    Shell shell() {
        return shell;
    }

    private record Line(String line, int cursor, String word, int rawWordLength, boolean quoted)
            implements CompletingParsedLine {
        @Override
        public int wordIndex() {
            return 0;
        }

        @Override
        public int wordCursor() {
            return word.length();
        }

        @Override
        public List<String> words() {
            return List.of(word);
        }

        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            // Candidates come escaped from the engine already (blanks backslashed unless quoted).
            return quoted ? "\"" + candidate + (complete ? "\"" : "") : candidate;
        }

        @Override
        public int rawWordCursor() {
            return rawWordLength;
        }
    }
}
