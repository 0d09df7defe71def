package io.jvirt;

import java.util.UUID;

/** libvirt's UUID text forms: with or without dashes (libvirt's virUUIDParse accepts both). */
final class Uuids {
    private Uuids() {
    }

    static UUID parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("null UUID");
        }
        String hex = text.trim().replace("-", "");
        if (hex.length() != 32 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("malformed UUID " + text);
        }
        return new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16),
                Long.parseUnsignedLong(hex.substring(16), 16));
    }
}
