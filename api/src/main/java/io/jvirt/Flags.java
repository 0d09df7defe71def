package io.jvirt;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** Varargs flags to the sets the SPI takes. */
final class Flags {
    private Flags() {
    }

    @SafeVarargs
    static <E extends Enum<E>> Set<E> of(Class<E> type, E... flags) {
        if (flags == null || flags.length == 0) {
            return Collections.emptySet();
        }
        EnumSet<E> set = EnumSet.noneOf(type);
        Collections.addAll(set, flags);
        return set;
    }
}
