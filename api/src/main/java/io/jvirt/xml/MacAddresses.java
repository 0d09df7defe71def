package io.jvirt.xml;

import java.util.concurrent.ThreadLocalRandom;

/** libvirt's MAC address rules (virmacaddr.c). */
final class MacAddresses {
    /** The prefix libvirt generates addresses in unless a driver says otherwise (QEMU's OUI). */
    static final String DEFAULT_PREFIX = "52:54:00";

    private MacAddresses() {
    }

    /**
     * Reads a MAC as virMacAddrParse does: six groups of one or two hexadecimal digits
     * separated by ':', optionally followed by white space.
     *
     * @return the six bytes, or null if the text is not a MAC address
     */
    static int[] parse(String text) {
        int[] mac = new int[6];
        int i = 0;
        int n = text.length();
        for (int group = 0; group < 6; group++) {
            int start = i;
            while (i < n && i - start < 3 && Character.digit(text.charAt(i), 16) >= 0
                    && text.charAt(i) < 128) {
                i++;
            }
            int digits = i - start;
            if (digits < 1 || digits > 2) {
                return null;
            }
            mac[group] = Integer.parseInt(text.substring(start, i), 16);
            if (group == 5) {
                // libvirt accepts anything at or below ' ' after the last group.
                return i == n || text.charAt(i) <= ' ' ? mac : null;
            }
            if (i >= n || text.charAt(i) != ':') {
                return null;
            }
            i++;
        }
        return null;
    }

    static boolean isMulticast(int[] mac) {
        return (mac[0] & 1) != 0;
    }

    /** The canonical form libvirt writes: lowercase, two digits per group. */
    static String format(int[] mac) {
        StringBuilder b = new StringBuilder(17);
        for (int i = 0; i < 6; i++) {
            if (i > 0) {
                b.append(':');
            }
            b.append(Character.forDigit(mac[i] >> 4, 16)).append(Character.forDigit(mac[i] & 15, 16));
        }
        return b.toString();
    }

    /** A random address in {@code prefix} (three groups, e.g. "52:54:00"). */
    static String generate(String prefix) {
        int[] oui = parse(prefix + ":00:00:00");
        if (oui == null) {
            throw new IllegalArgumentException("not a MAC prefix: " + prefix);
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 3; i < 6; i++) {
            oui[i] = random.nextInt(256);
        }
        return format(oui);
    }
}
