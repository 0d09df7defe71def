package io.jvirt;

import java.util.Collection;

/**
 * A flag of one of libvirt's flag sets, with its bit value. Calls take flags as varargs of the
 * relevant enum ({@code domain.start(DomainStartFlag.PAUSED)}); drivers see the same sets.
 */
public interface Flag {
    /** libvirt's bit value for this flag. */
    int value();

    /** The bitwise OR of the flags' values, as libvirt's {@code unsigned int flags}. */
    static int mask(Collection<? extends Flag> flags) {
        int mask = 0;
        for (Flag f : flags) {
            mask |= f.value();
        }
        return mask;
    }
}
