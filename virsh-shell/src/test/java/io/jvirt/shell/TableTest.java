package io.jvirt.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void layoutMatchesVirshList() {
        Table t = new Table("Id", "Name", "State").add("1", "test", "running");
        assertEquals(" Id   Name   State\n"
                + "----------------------\n"
                + " 1    test   running\n", t.render(true));
    }

    @Test
    void columnsWidenToTheLongestCellAndTheLastCellIsNotPadded() {
        Table t = new Table("Id", "Name", "State").add("1", "test", "running").add("-", "a-long-name", "shut off");
        assertEquals(" Id   Name          State\n"
                + "------------------------------\n"
                + " 1    test          running\n"
                + " -    a-long-name   shut off\n", t.render(true));
    }

    @Test
    void withoutHeaderWidthsComeFromTheRowsAlone() {
        Table t = new Table("Id", "Name", "State").add("1", "test", "running");
        assertEquals(" 1   test   running\n", t.render(false));
    }

    @Test
    void anEmptyTableIsItsHeaderAndDashes() {
        assertEquals(" Name   Path\n--------------\n", new Table("Name", "Path").render(true));
        assertEquals("", new Table("Name", "Path").render(false));
    }

    @Test
    void controlCharactersAreEscapedAndCountFourColumns() {
        Table t = new Table("A", "B").add("x\ty", "z");
        assertEquals(" A        B\n"
                + "-------------\n"
                + " x\\x09y   z\n", t.render(true));
    }

    @Test
    void aLiteralBackslashXIsEscapedSoItCannotBeMistakenForAnEscape() {
        StringBuilder out = new StringBuilder();
        assertEquals(5, Table.encode("\\x", out));
        assertEquals("\\x5cx", out.toString());
    }

    @Test
    void wideCharactersCountTwoColumns() {
        Table t = new Table("N", "S").add("日本", "x");
        assertEquals(" N      S\n-----------\n 日本   x\n", t.render(true));
    }

    @Test
    void rowsMustMatchTheHeader() {
        assertThrows(IllegalArgumentException.class, () -> new Table("A", "B").add("only one"));
    }
}
