package io.jvirt.driver.kvm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The fields of a process's or thread's /proc/.../stat (proc(5)) the driver reads. Read here,
 * not through ProcessHandle.info(), which also reads the command line and looks the user up: a
 * fresh process (one jvirsh command) paid for that with every guest it listed.
 *
 * @param state field 3: R, S, D, Z (zombie), X (dead), ...
 * @param userTicks field 14, utime
 * @param systemTicks field 15, stime
 * @param startTicks field 22, when it started, in clock ticks since boot
 */
record ProcStat(char state, long userTicks, long systemTicks, long startTicks) {
    /** Linux's USER_HZ, the unit of these times, is 100 on every architecture QEMU runs here. */
    static final long NS_PER_TICK = 10_000_000L;

    /** The stat of process {@code pid}; empty if there is none. */
    static Optional<ProcStat> of(long pid) {
        return read(Path.of("/proc", Long.toString(pid), "stat"));
    }

    /** The stat in {@code file} (a process's, or a thread's under task/TID); empty if it can't be read. */
    static Optional<ProcStat> read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII);
            // The command name (field 2) is in parentheses and may hold anything; fields 3 on follow.
            String[] f = text.substring(text.lastIndexOf(')') + 2).split(" ");
            return Optional.of(new ProcStat(f[0].charAt(0), Long.parseLong(f[11]), Long.parseLong(f[12]),
                    Long.parseLong(f[19])));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A zombie or dead process has ended, whatever its /proc entry still says. */
    boolean ended() {
        return state == 'Z' || state == 'X';
    }

    long userNs() {
        return userTicks * NS_PER_TICK;
    }

    long systemNs() {
        return systemTicks * NS_PER_TICK;
    }

    long cpuNs() {
        return userNs() + systemNs();
    }
}
