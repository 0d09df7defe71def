package io.jvirt.driver.kvm;

import java.util.Set;

/** libvirt's list filters for pools and networks, which come in pairs (ACTIVE/INACTIVE, ...). */
final class ListFlags {
    private ListFlags() {
    }

    /** Whether {@code value} passes the pair {@code yes}/{@code no}: neither or both given pass all. */
    static <F> boolean pair(Set<F> flags, F yes, F no, boolean value) {
        boolean y = flags.contains(yes);
        boolean n = flags.contains(no);
        return y == n || (y && value) || (n && !value);
    }
}
