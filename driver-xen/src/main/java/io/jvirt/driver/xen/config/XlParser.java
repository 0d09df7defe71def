package io.jvirt.driver.xen.config;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import java.util.ArrayList;
import java.util.List;

/**
 * A recursive-descent parser for xl's config syntax (libxlu_cfg_l.l / libxlu_cfg_y.y): settings
 * {@code key = value} or {@code key += value} ended by a newline or ';', values that are strings
 * ("..." with C escapes, '...' literal), numbers or lists (which may span lines, nest and end in
 * a trailing comma), and '#' comments. Errors carry line and column (1-based).
 */
final class XlParser {
    /** Bounds nesting so that hostile input cannot exhaust the stack. */
    private static final int MAX_DEPTH = 64;

    private final String src;
    private int pos;
    private int line = 1;
    private int lineStart;

    XlParser(String src) {
        this.src = src;
    }

    XlConfig parse() {
        XlConfig config = new XlConfig();
        while (true) {
            skipBlanks(false);
            if (eof()) {
                return config;
            }
            char c = peek();
            if (c == '\n' || c == ';') {
                advance();
                continue;
            }
            int keyLine = line;
            int keyCol = col();
            String key = identifier();
            skipBlanks(false);
            boolean append = false;
            if (peek() == '+' && pos + 1 < src.length() && src.charAt(pos + 1) == '=') {
                append = true;
                advance();
            } else if (peek() != '=') {
                throw error("expected '=' after '" + key + "'");
            }
            advance();
            skipBlanks(false);
            if (eof() || peek() == '\n' || peek() == ';') {
                throw error("expected a value for '" + key + "'");
            }
            XlValue value = value(0);
            if (append) {
                value = appended(config.get(key), value, keyLine, keyCol, key);
            }
            config.put(key, value);
            skipBlanks(false);
            if (!eof() && peek() != '\n' && peek() != ';') {
                throw error("unexpected '" + peek() + "' after the value of '" + key + "'");
            }
        }
    }

    /** xl's "+=": appends to a list; on an unset key it is a plain assignment. */
    private XlValue appended(XlValue old, XlValue add, int l, int c, String key) {
        if (old == null) {
            return add;
        }
        if (old instanceof XlValue.ListVal a && add instanceof XlValue.ListVal b) {
            List<XlValue> items = new ArrayList<>(a.items());
            items.addAll(b.items());
            return new XlValue.ListVal(items);
        }
        throw at(ErrorCode.CONF_SYNTAX, l, c, "'+=' needs lists on both sides for '" + key + "'");
    }

    private XlValue value(int depth) {
        char c = peek();
        if (c == '"') {
            return new XlValue.Str(doubleQuoted());
        }
        if (c == '\'') {
            return new XlValue.Str(singleQuoted());
        }
        if (c == '[') {
            if (depth >= MAX_DEPTH) {
                throw error("lists nested too deeply");
            }
            return list(depth + 1);
        }
        if (Character.isDigit(c) || c == '-' || c == '.') {
            return number();
        }
        throw error("unexpected '" + printable(c) + "' where a value was expected");
    }

    private XlValue.ListVal list(int depth) {
        advance(); // '['
        List<XlValue> items = new ArrayList<>();
        while (true) {
            skipBlanks(true);
            if (eof()) {
                throw error("unterminated list");
            }
            if (peek() == ']') {
                advance();
                return new XlValue.ListVal(items);
            }
            items.add(value(depth));
            skipBlanks(true);
            if (eof()) {
                throw error("unterminated list");
            }
            if (peek() == ',') {
                advance();
            } else if (peek() != ']') {
                throw error("expected ',' or ']' in list");
            }
        }
    }

    private XlValue.Num number() {
        int start = pos;
        if (peek() == '-') {
            advance();
        }
        if (peek() == '0' && pos + 1 < src.length() && (src.charAt(pos + 1) | 0x20) == 'x') {
            advance();
            advance();
            int digits = pos;
            while (!eof() && Character.digit(peek(), 16) >= 0) {
                advance();
            }
            if (pos == digits) {
                throw error("malformed hexadecimal number");
            }
        } else {
            int digits = 0;
            boolean dot = false;
            while (!eof() && (Character.isDigit(peek()) || (peek() == '.' && !dot))) {
                dot |= peek() == '.';
                digits += Character.isDigit(peek()) ? 1 : 0;
                advance();
            }
            if (digits == 0) {
                throw error("malformed number");
            }
        }
        if (!eof() && (Character.isLetterOrDigit(peek()) || peek() == '_')) {
            throw error("malformed number");
        }
        return new XlValue.Num(src.substring(start, pos));
    }

    private String doubleQuoted() {
        advance();
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (eof() || peek() == '\n') {
                throw error("unterminated string");
            }
            char c = advance();
            if (c == '"') {
                return sb.toString();
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (eof()) {
                throw error("unterminated string");
            }
            char e = advance();
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'a' -> sb.append('\007');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'v' -> sb.append('\013');
                case 'x' -> sb.append((char) digits(16, 2, "\\x"));
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    pos--;
                    sb.append((char) digits(8, 3, "octal"));
                }
                case '\\', '"', '\'' -> sb.append(e);
                default -> throw error("invalid escape '\\" + printable(e) + "' in string");
            }
        }
    }

    private int digits(int radix, int max, String what) {
        int v = 0;
        int n = 0;
        while (n < max && !eof() && Character.digit(peek(), radix) >= 0) {
            v = v * radix + Character.digit(advance(), radix);
            n++;
        }
        if (n == 0) {
            throw error("invalid " + what + " escape in string");
        }
        return v;
    }

    /** xl's single-quoted strings take no escapes. */
    private String singleQuoted() {
        advance();
        int start = pos;
        while (!eof() && peek() != '\'' && peek() != '\n') {
            advance();
        }
        if (eof() || peek() != '\'') {
            throw error("unterminated string");
        }
        String s = src.substring(start, pos);
        advance();
        return s;
    }

    private String identifier() {
        int start = pos;
        char c = peek();
        if (!(Character.isLetter(c) && c < 128) && c != '_') {
            throw error("unexpected '" + printable(c) + "' where a setting name was expected");
        }
        while (!eof() && ((peek() < 128 && Character.isLetterOrDigit(peek())) || peek() == '_'
                || peek() == '.')) {
            advance();
        }
        return src.substring(start, pos);
    }

    /** Skips spaces and comments; inside lists newlines too, which is xl's line continuation. */
    private void skipBlanks(boolean newlines) {
        while (!eof()) {
            char c = peek();
            if (c == ' ' || c == '\t' || c == '\r' || (newlines && c == '\n')) {
                advance();
            } else if (c == '#') {
                while (!eof() && peek() != '\n') {
                    advance();
                }
            } else {
                return;
            }
        }
    }

    private boolean eof() {
        return pos >= src.length();
    }

    private char peek() {
        return eof() ? '\0' : src.charAt(pos);
    }

    private char advance() {
        char c = src.charAt(pos++);
        if (c == '\n') {
            line++;
            lineStart = pos;
        }
        return c;
    }

    private int col() {
        return pos - lineStart + 1;
    }

    private static String printable(char c) {
        return c < 0x20 ? String.format("\\x%02x", (int) c) : String.valueOf(c);
    }

    /** libvirt's virConfParse reports its syntax errors as CONF_SYNTAX from the config-file domain. */
    private VirtException error(String what) {
        return at(ErrorCode.CONF_SYNTAX, line, col(), what);
    }

    private static VirtException at(ErrorCode code, int line, int col, String what) {
        return new VirtException(code, ErrorDomain.CONF,
                "xl config line " + line + ", column " + col + ": " + what);
    }
}
