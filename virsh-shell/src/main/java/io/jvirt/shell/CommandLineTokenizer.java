package io.jvirt.shell;

import java.util.List;

/**
 * Splits what a user typed into words, the way virsh's {@code vshCommandStringGetArg} does:
 * blanks separate words; {@code ;} and newline end a command; an unquoted word starting with
 * {@code #} comments out the rest of the line; single quotes take everything literally;
 * inside double quotes and bare words a backslash escapes the next character, and
 * backslash-newline vanishes. The argv form ({@link #ofArgv}) hands out given words unchanged.
 *
 * <p>Hand-written rather than built on a shell-words library because virsh's rules differ from
 * POSIX sh in small, visible ways: an unmatched single quote is not an error, {@code ;} splits
 * even without blanks, {@code #} only comments at a word start.
 */
abstract class CommandLineTokenizer {

    /** What {@link #next} found. */
    enum Kind { ARG, COMMAND_END, END, ERROR }

    /**
     * One token: a word ({@link Kind#ARG}), a command separator, the end, or an error whose
     * message is virsh's.
     *
     * @param start where the word's raw text starts in the line (-1 for argv words)
     * @param end   where the raw text ends (exclusive)
     */
    record Token(Kind kind, String text, int start, int end) {
    }

    /** The next token. With {@code report} false, an unclosed double quote is not an error. */
    abstract Token next(boolean report);

    static CommandLineTokenizer ofString(String line) {
        return new StringTokenizer(line);
    }

    static CommandLineTokenizer ofArgv(List<String> words) {
        return new ArgvTokenizer(words);
    }

    private static final class ArgvTokenizer extends CommandLineTokenizer {
        private final List<String> words;
        private int pos;

        ArgvTokenizer(List<String> words) {
            this.words = words;
        }

        @Override
        Token next(boolean report) {
            if (pos == words.size()) {
                return new Token(Kind.END, null, -1, -1);
            }
            return new Token(Kind.ARG, words.get(pos++), -1, -1);
        }
    }

    private static final class StringTokenizer extends CommandLineTokenizer {
        private final String s;
        private int pos;

        StringTokenizer(String s) {
            this.s = s;
        }

        private char at(int i) {
            return i < s.length() ? s.charAt(i) : '\0';
        }

        @Override
        Token next(boolean report) {
            int p = pos;
            while (at(p) == ' ' || at(p) == '\t' || (at(p) == '\\' && at(p + 1) == '\n')) {
                p += at(p) == '\\' ? 2 : 1;
            }
            if (p >= s.length()) {
                pos = p;
                return new Token(Kind.END, null, p, p);
            }
            char c = at(p);
            if (c == ';' || c == '\n') {
                pos = p + 1;
                return new Token(Kind.COMMAND_END, null, p, p + 1);
            }
            if (c == '#') {
                int start = p;
                while (p < s.length() && at(p) != '\n') {
                    p++;
                }
                pos = p < s.length() ? p + 1 : p;
                return new Token(Kind.COMMAND_END, null, start, pos);
            }
            int start = p;
            boolean single = false;
            boolean dbl = false;
            StringBuilder word = new StringBuilder();
            while (p < s.length()) {
                c = s.charAt(p);
                if (!dbl && !single && (c == ' ' || c == '\t' || c == ';' || c == '\n')) {
                    break;
                }
                if (!dbl && c == '\'') {
                    single = !single;
                    p++;
                    continue;
                } else if (!single && c == '\\') {
                    p++;
                    if (p >= s.length()) {
                        pos = p;
                        return new Token(Kind.ERROR, report ? "dangling \\" : null, start, p);
                    } else if (s.charAt(p) == '\n') {
                        p++;
                        continue;
                    }
                } else if (!single && c == '"') {
                    dbl = !dbl;
                    p++;
                    continue;
                }
                word.append(s.charAt(p++));
            }
            pos = p;
            if (dbl && report) {
                return new Token(Kind.ERROR, "missing \"", start, p);
            }
            return new Token(Kind.ARG, word.toString(), start, p);
        }
    }
}
