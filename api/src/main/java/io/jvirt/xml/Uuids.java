package io.jvirt.xml;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.UUID;

/**
 * libvirt's UUID rules (viruuid.c): a liberal reader, the canonical lowercase form, and the
 * random UUIDs given to definitions that have none.
 */
public final class Uuids {
    /**
     * One generator per thread: UUID.randomUUID shares one lock-guarded generator, which
     * serialises every define of a domain without a UUID.
     */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(() -> {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    });

    private Uuids() {
    }

    /**
     * Reads a UUID as virUUIDParse does: 32 hexadecimal digits in pairs, with '-' or ' '
     * allowed between pairs and white space around.
     *
     * @return the canonical form ({@code 6695eb01-f6a4-8304-79aa-97f2502e193f}), or null if
     *     the text is not a UUID
     */
    public static String canonical(String text) {
        int i = 0;
        int n = text.length();
        while (i < n && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        StringBuilder hex = new StringBuilder(32);
        while (hex.length() < 32) {
            if (i >= n) {
                return null;
            }
            char c = text.charAt(i);
            if (c == '-' || c == ' ') {
                i++;
                continue;
            }
            if (i + 1 >= n || Character.digit(c, 16) < 0 || Character.digit(text.charAt(i + 1), 16) < 0
                    || c > 127 || text.charAt(i + 1) > 127) {
                return null;
            }
            hex.append(c).append(text.charAt(i + 1));
            i += 2;
        }
        while (i < n) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return null;
            }
            i++;
        }
        String h = hex.toString().toLowerCase(Locale.ROOT);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-"
                + h.substring(16, 20) + "-" + h.substring(20);
    }

    /**
     * Reads a UUID as {@link #canonical} does.
     *
     * @throws IllegalArgumentException if the text is not a UUID
     */
    public static UUID parse(String text) {
        String c = text == null ? null : canonical(text);
        if (c == null) {
            throw new IllegalArgumentException("malformed UUID " + text);
        }
        return UUID.fromString(c);
    }

    /** A random (version 4) UUID in canonical form, as libvirt generates for definitions without one. */
    public static String random() {
        byte[] b = new byte[16];
        RANDOM.get().nextBytes(b);
        b[6] = (byte) ((b[6] & 0x0f) | 0x40); // version 4
        b[8] = (byte) ((b[8] & 0x3f) | 0x80); // IETF variant
        ByteBuffer buf = ByteBuffer.wrap(b);
        return new UUID(buf.getLong(), buf.getLong()).toString();
    }
}
