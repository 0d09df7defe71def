package io.jvirt.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jvirt.shell.CommandLineTokenizer.Kind;
import io.jvirt.shell.CommandLineTokenizer.Token;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineTokenizerTest {

    /** The tokens as text: words as they are, ";" for a command end, "!msg" for an error. */
    private static List<String> tokens(String line) {
        CommandLineTokenizer t = CommandLineTokenizer.ofString(line);
        List<String> out = new ArrayList<>();
        while (true) {
            Token tk = t.next(true);
            switch (tk.kind()) {
                case ARG -> out.add(tk.text());
                case COMMAND_END -> out.add(";");
                case ERROR -> {
                    out.add("!" + tk.text());
                    return out;
                }
                case END -> {
                    return out;
                }
            }
        }
    }

    @Test
    void blanksSeparateWordsAndSemicolonsOrNewlinesEndCommands() {
        assertEquals(List.of("list", "--all", ";", "uri", ";", "hostname"), tokens("list  --all;uri\n\thostname"));
    }

    @Test
    void singleQuotesAreLiteralAndDoubleQuotesHonourBackslashes() {
        assertEquals(List.of("a b", "c\\d", "e\"f", "g h"), tokens("'a b' 'c\\d' \"e\\\"f\" g\\ h"));
    }

    @Test
    void quotesJoinWithAdjacentText() {
        assertEquals(List.of("test"), tokens("\"te\"st"));
        assertEquals(List.of("a;b"), tokens("a';'b"));
    }

    @Test
    void backslashNewlineVanishes() {
        assertEquals(List.of("ab", "c"), tokens("a\\\nb \\\n c"));
    }

    @Test
    void hashStartsACommentOnlyAtAWordStart() {
        assertEquals(List.of("list", ";", "uri"), tokens("list # --all ; still comment\nuri"));
        assertEquals(List.of("echo", "a#b"), tokens("echo a#b"));
    }

    @Test
    void anUnclosedDoubleQuoteIsAnErrorButAnUnclosedSingleQuoteIsNot() {
        assertEquals(List.of("echo", "!missing \""), tokens("echo \"abc"));
        assertEquals(List.of("echo", "abc; uri"), tokens("echo 'abc; uri"));
    }

    @Test
    void aTrailingBackslashDangles() {
        assertEquals(List.of("echo", "!dangling \\"), tokens("echo a\\"));
    }

    @Test
    void wordsRememberWhereTheyStartAndEnd() {
        CommandLineTokenizer t = CommandLineTokenizer.ofString("dominfo  \"te st\"");
        t.next(true);
        Token w = t.next(true);
        assertEquals(Kind.ARG, w.kind());
        assertEquals(9, w.start());
        assertEquals(16, w.end());
    }

    @Test
    void argvWordsAreTakenAsGiven() {
        CommandLineTokenizer t = CommandLineTokenizer.ofArgv(List.of("echo", "a;b", "'c'"));
        assertEquals("echo", t.next(true).text());
        assertEquals("a;b", t.next(true).text());
        assertEquals("'c'", t.next(true).text());
        assertEquals(Kind.END, t.next(true).kind());
    }
}
