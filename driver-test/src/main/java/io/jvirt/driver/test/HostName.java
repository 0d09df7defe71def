package io.jvirt.driver.test;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** The real host's name, as libvirt's virGetHostname (the kernel's node name first). */
final class HostName {
    private static volatile String cached;

    private HostName() {
    }

    static String get() {
        String name = cached;
        if (name == null) {
            name = lookup();
            cached = name;
        }
        return name;
    }

    private static String lookup() {
        try {
            String s = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
            if (!s.isEmpty()) {
                return s;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: ask the resolver
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
