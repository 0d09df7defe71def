package io.jvirt.shell;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * virsh's table layout ({@code vsh-table.c}): each cell is printed as a blank and its text;
 * every cell but the last is padded to its column's width plus two blanks, so columns are
 * three blanks apart; below the header a line of dashes as long as the sum of (width + 3).
 * Without the header ({@code -q}) the widths come from the rows alone. Control characters are
 * shown as {@code \xNN} and wide characters count two columns, so columns stay aligned.
 */
final class Table {
    private final List<String[]> rows = new ArrayList<>();

    Table(String... header) {
        rows.add(header.clone());
    }

    /** Adds a row; it must have as many cells as the header. */
    Table add(String... cells) {
        if (cells.length != rows.get(0).length) {
            throw new IllegalArgumentException("Incorrect number of cells in a table row");
        }
        rows.add(cells.clone());
        return this;
    }

    /** The table as text, with or without the header and its dashes. */
    String render(boolean header) {
        int columns = rows.get(0).length;
        String[][] cells = new String[rows.size()][columns];
        int[][] widths = new int[rows.size()][columns];
        int[] max = new int[columns];
        for (int i = header ? 0 : 1; i < rows.size(); i++) {
            for (int j = 0; j < columns; j++) {
                StringBuilder encoded = new StringBuilder();
                widths[i][j] = encode(rows.get(i)[j], encoded);
                cells[i][j] = encoded.toString();
                max[j] = Math.max(max[j], widths[i][j]);
            }
        }
        StringBuilder out = new StringBuilder();
        if (header) {
            row(out, cells[0], widths[0], max);
            for (int j = 0; j < columns; j++) {
                out.append("-".repeat(max[j] + 3));
            }
            out.append('\n');
        }
        for (int i = 1; i < rows.size(); i++) {
            row(out, cells[i], widths[i], max);
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String[] cells, int[] widths, int[] max) {
        for (int j = 0; j < cells.length; j++) {
            out.append(' ').append(cells[j]);
            if (j < cells.length - 1) {
                out.append(" ".repeat(max[j] - widths[j] + 2));
            }
        }
        out.append('\n');
    }

    /** Appends {@code text} made safe to print and returns its width in columns. */
    static int encode(String text, StringBuilder out) {
        if (text == null) {
            return 0;
        }
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int len = Character.charCount(cp);
            boolean escapedX = cp == '\\' && i + 1 < text.length() && text.charAt(i + 1) == 'x';
            if (escapedX || cp < 0x20 || cp == 0x7f) {
                out.append(String.format("\\x%02x", cp));
                width += 4;
            } else if (!printable(cp)) {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    out.append(String.format("\\x%02x", b & 0xff));
                    width += 4;
                }
            } else {
                out.appendCodePoint(cp);
                width += columns(cp);
            }
            i += len;
        }
        return width;
    }

    private static boolean printable(int cp) {
        int type = Character.getType(cp);
        return type != Character.CONTROL && type != Character.UNASSIGNED && type != Character.SURROGATE
                && type != Character.PRIVATE_USE && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR;
    }

    /** Terminal columns of a printable code point: 0 for combining marks, 2 for wide ones. */
    static int columns(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.FORMAT || cp == 0x200B) {
            return 0;
        }
        if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
                || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F)
                || (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD)) {
            return 2;
        }
        return 1;
    }
}
