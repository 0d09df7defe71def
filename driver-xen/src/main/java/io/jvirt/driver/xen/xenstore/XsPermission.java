package io.jvirt.driver.xen.xenstore;

import java.util.Objects;

/**
 * One entry of a node's permission list, written on the wire as a letter and a decimal domid:
 * {@code n0}, {@code r1}, {@code w2}, {@code b3}. In a list the first entry names the owner,
 * and its access is what every domain not listed later gets.
 *
 * @param access what the domain may do
 * @param domid  the domain (printed signed, as xenstored's {@code %i} does)
 * @since 0.1
 */
public record XsPermission(Access access, int domid) {

    /** The four letters of the wire format. */
    public enum Access {
        /** {@code n}: no access. */
        NONE('n', 0),
        /** {@code r}: read. */
        READ('r', 1),
        /** {@code w}: write. */
        WRITE('w', 2),
        /** {@code b}: both read and write. */
        BOTH('b', 3);

        private final char letter;
        /** {@code XS_PERM_READ} = 1, {@code XS_PERM_WRITE} = 2. */
        final int bits;

        Access(char letter, int bits) {
            this.letter = letter;
            this.bits = bits;
        }

        public char letter() {
            return letter;
        }

        static Access ofLetter(char c) {
            for (Access a : values()) {
                if (a.letter == c) {
                    return a;
                }
            }
            return null;
        }
    }

    public XsPermission {
        Objects.requireNonNull(access, "access");
    }

    /**
     * Parses one entry as xenstored does ({@code xs_strings_to_perms}): a letter, then a number
     * in C's {@code strtol} base-0 syntax ({@code r0x10} is domain 16) that must fill the rest.
     *
     * @throws IllegalArgumentException if the entry is malformed
     */
    public static XsPermission parse(String s) {
        Access a = s.isEmpty() ? null : Access.ofLetter(s.charAt(0));
        if (a == null) {
            throw new IllegalArgumentException("bad permission letter in '" + s + "'");
        }
        String number = s.substring(1);
        long[] parsed = XsPayload.strtol(number, 0);
        if (number.isEmpty() || parsed[1] != number.length()) {
            throw new IllegalArgumentException("bad permission domid in '" + s + "'");
        }
        return new XsPermission(a, (int) parsed[0]);
    }

    /** The wire form, e.g. {@code r1}. */
    @Override
    public String toString() {
        return access.letter + Integer.toString(domid);
    }
}
