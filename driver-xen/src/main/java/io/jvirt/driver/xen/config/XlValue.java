package io.jvirt.driver.xen.config;

import java.util.List;

/**
 * One value of an xl config setting. xl has exactly three kinds: strings, numbers and lists
 * (which may nest, e.g. vnuma). Booleans are numbers 0/1 in xl's syntax, so there is no fourth kind.
 */
sealed interface XlValue {
    record Str(String value) implements XlValue {
    }

    /** The literal text is kept so that hex (0x10) and decimal forms survive a round trip. */
    record Num(String literal) implements XlValue {
        long asLong() {
            return literal.startsWith("0x") || literal.startsWith("0X")
                    ? Long.parseLong(literal.substring(2), 16)
                    : (long) Double.parseDouble(literal);
        }
    }

    record ListVal(List<XlValue> items) implements XlValue {
        public ListVal {
            items = List.copyOf(items);
        }
    }
}
