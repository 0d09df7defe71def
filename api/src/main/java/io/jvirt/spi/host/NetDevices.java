package io.jvirt.spi.host;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/** The host's network devices as sysfs shows them, and the names they may have. */
public final class NetDevices {
    private static final Path SYS_CLASS_NET = Path.of("/sys/class/net");
    /** IFNAMSIZ is 16 with the NUL; the kernel refuses '/', ':' and white space. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,15}");

    private NetDevices() {
    }

    /** Whether a network device called {@code name} exists. */
    public static boolean exists(String name) {
        return Files.exists(SYS_CLASS_NET.resolve(checkName(name)));
    }

    /** The bridge (or other master) {@code name} is enslaved to, if any. */
    public static Optional<String> master(String name) {
        Path link = SYS_CLASS_NET.resolve(checkName(name)).resolve("master");
        try {
            return Optional.of(Files.readSymbolicLink(link).getFileName().toString());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** {@code prefix} followed by the smallest number no device has yet ({@code vnet0}, {@code virbr1}). */
    public static String freeName(String prefix) {
        for (int i = 0; i < 1_000_000; i++) {
            String name = prefix + i;
            if (!exists(name)) {
                return name;
            }
        }
        throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NET, "no free device name with prefix " + prefix);
    }

    /** {@code name} if the kernel would take it as a device name, else INVALID_ARG. */
    public static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NET, "invalid network device name '"
                    + name + "': 1 to 15 letters, digits, '.', '-' or '_'");
        }
        return name;
    }
}
