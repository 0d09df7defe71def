package io.jvirt.driver.test;

import java.util.HashMap;
import java.util.Map;

/**
 * The {@code test:///default} hosts of the process. The plain URI names the one shared host,
 * as in libvirt: created by the first connection, shared by all (so events caused on one
 * connection are seen on another), freed when the last one closes. A jvirt extension,
 * {@code test:///default?instance=NAME}, names another, separate default host with the same
 * life cycle — what tests use to get a pristine host of their own.
 */
final class SharedDefaultHost {
    private static final Map<String, Entry> HOSTS = new HashMap<>();

    private static final class Entry {
        final TestHost host = DefaultHost.create();
        int users;
    }

    private SharedDefaultHost() {
    }

    static synchronized TestHost acquire(String instance) {
        Entry e = HOSTS.computeIfAbsent(instance, k -> new Entry());
        e.users++;
        return e.host;
    }

    static synchronized void release(String instance) {
        Entry e = HOSTS.get(instance);
        if (e != null && --e.users == 0) {
            HOSTS.remove(instance);
        }
    }
}
