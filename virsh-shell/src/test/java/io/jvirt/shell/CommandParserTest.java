package io.jvirt.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandParserTest {
    private final List<String> errors = new ArrayList<>();
    private final CommandParser parser = new CommandParser(CommandTable.standard(), errors::add);

    private List<ParsedCommand> parse(String line) throws CommandParser.ParseFailure {
        return parser.parseString(line);
    }

    private String failure(String line) {
        assertThrows(CommandParser.ParseFailure.class, () -> parser.parseString(line));
        return String.join("\n", errors);
    }

    @Test
    void positionalNamedAndEqualsFormsFillTheSameOption() throws Exception {
        for (String line : List.of("dominfo test", "dominfo --domain test", "dominfo --domain=test")) {
            ParsedCommand c = parse(line).get(0);
            assertEquals("dominfo", c.spec().name());
            assertEquals("test", c.find("domain").text());
        }
    }

    @Test
    void optionsComeInAnyOrder() throws Exception {
        ParsedCommand c = parse("domstate --reason test").get(0);
        assertEquals("test", c.find("domain").text());
        assertEquals(null, c.find("reason").text());
    }

    @Test
    void bareWordsFillPositionalOptionsInDeclarationOrderIncludingOptionalStrings() throws Exception {
        ParsedCommand c = parse("shutdown test acpi").get(0);
        assertEquals("acpi", c.find("mode").text());
        ParsedCommand v = parse("vol-create-as default-pool v1 1G").get(0);
        assertEquals("default-pool", v.find("pool").text());
        assertEquals("v1", v.find("name").text());
        assertEquals("1G", v.find("capacity").text());
    }

    @Test
    void namedOnlyOptionsAreNotFilledByBareWords() {
        assertEquals("unexpected data '//name'", failure("dumpxml test //name"));
    }

    @Test
    void semicolonsMakeSeveralCommands() throws Exception {
        List<ParsedCommand> cmds = parse("uri; hostname\nlist --all");
        assertEquals(List.of("uri", "hostname", "list"), cmds.stream().map(c -> c.spec().name()).toList());
    }

    @Test
    void unknownCommand() {
        assertEquals("unknown command: 'x'", failure("x"));
    }

    @Test
    void missingRequiredOptionsAreAllNamed() {
        assertEquals("command 'dominfo' requires <domain> option", failure("dominfo"));
        errors.clear();
        assertEquals("command 'attach-device' requires <domain> option\n"
                + "command 'attach-device' requires <file> option", failure("attach-device"));
        errors.clear();
        // a required number is named with dashes, as virsh does
        assertEquals("command 'setvcpus' requires --count option", failure("setvcpus test"));
    }

    @Test
    void repeatedOption() {
        assertEquals("option --reason already seen", failure("domstate test --reason --reason"));
    }

    @Test
    void unsupportedOption() {
        assertEquals("command 'dominfo' doesn't support option --y", failure("dominfo test --y"));
    }

    @Test
    void unexpectedData() {
        assertEquals("unexpected data '|'", failure("list |"));
    }

    @Test
    void valueMissingAfterOption() {
        assertEquals("expected syntax: --domain <string>", failure("dominfo --domain"));
        errors.clear();
        assertEquals("expected syntax: --count <number>", failure("setvcpus test --count"));
    }

    @Test
    void equalsAfterABooleanOption() {
        assertEquals("invalid '=' after option --all", failure("list --all=x"));
    }

    @Test
    void aBadLineRunsNothingEvenIfItsFirstCommandsAreFine() {
        assertEquals("unknown command: 'nosuch'", failure("uri; nosuch; hostname"));
    }

    @Test
    void doubleDashMakesTheRestData() throws Exception {
        ParsedCommand c = parse("domstate -- --reason").get(0);
        assertEquals("--reason", c.find("domain").text());
        assertNull(c.find("reason"));
    }

    @Test
    void argvOptionsCollectEveryRemainingWord() throws Exception {
        ParsedCommand c = parse("echo a --string b c").get(0);
        assertEquals(List.of("a", "b", "c"), c.all("string"));
    }

    @Test
    void aliasesNameTheirTargetAndMayCarryAValue() throws Exception {
        assertEquals(List.of("hello"), parse("echo --hi").get(0).all("string"));
        assertEquals(List.of("x"), parse("echo --str x").get(0).all("string"));
        assertEquals("1G", parse("setmem test --kilobytes 1G").get(0).find("size").text());
        assertEquals("invalid '=' after option --hi", failure("echo --hi=x"));
    }

    @Test
    void helpOptionTurnsAnyCommandIntoHelpForIt() throws Exception {
        ParsedCommand c = parse("dominfo --help").get(0);
        assertEquals("help", c.spec().name());
        assertEquals("dominfo", c.find("command").text());
    }

    @Test
    void helpIgnoresWhatItDoesNotKnow() throws Exception {
        ParsedCommand c = parse("help list --bogus extra").get(0);
        assertEquals("list", c.find("command").text());
    }

    @Test
    void commentsAndEmptyCommandsParseToNothing() throws Exception {
        assertEquals(List.of(), parse("  # just a comment"));
        assertEquals(1, parse(";;uri;").size());
    }

    @Test
    void tokenizerErrorsStopTheParse() {
        assertEquals("missing \"", failure("echo \"abc"));
    }

    @Test
    void argvFormTakesWordsVerbatim() throws Exception {
        ParsedCommand c = parser.parseArgv(List.of("echo", "a;b", "#c")).get(0);
        assertEquals(List.of("a;b", "#c"), c.all("string"));
    }
}
